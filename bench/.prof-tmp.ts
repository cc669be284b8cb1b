import { suites } from "./scheduler.bench";
const s = suites.find((x) => x.name.endsWith(process.argv[2] ?? "SchedulingBasic/5000Nodes"))!;
for (let i = 0; i < 3; i++) console.log(Math.round(s.run()));
