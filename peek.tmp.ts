import { readFileSync } from "node:fs";
import { Simulation } from "./src/sim/simulation";
const [file, ...times] = process.argv.slice(2);
const { sim, errors } = Simulation.load(readFileSync(file!, "utf8"));
if (errors.length) console.log(errors);
for (const t of times) {
  const [tt, name] = t.split(":");
  sim.runUntil(Number(tt));
  const pods = sim.store.list("Pod").filter((p) => !name || p.metadata.name === name);
  for (const p of pods) console.log(`--- t=${tt} ${p.metadata.name}\n` + JSON.stringify(p.status, null, 1));
}
