import { describe, expect, it } from "vitest";
import { Checkpoints } from "./checkpoints";
import { Session } from "./session";

const YAML = `apiVersion: kubeplay.dev/v1alpha1
kind: Scenario
metadata: {name: checkpoints}
spec:
  seed: 7
  actions:
    - at: 90s
      kubectl: "set image deployment/web web=nginx:1.28"
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 6
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
`;

const EXTRA = `apiVersion: v1
kind: Pod
metadata: {name: extra}
spec: {containers: [{name: c, image: busybox, args: ["sh", "-c", "sleep 30; exit 3"]}]}
`;

/** Everything a learner can see of a run: the objects and the event log. */
function state(s: Session): string {
  const snap = s.sim.snapshot();
  return JSON.stringify({ time: snap.time, steps: s.steps, objects: snap.objects, events: snap.events });
}

/** A run with commands before and after the checkpoints' positions, taken to 400 s. */
function run(): Session {
  const { session } = Session.start(YAML);
  session.runTo(40);
  session.execute({ type: "apply", yaml: EXTRA });
  session.runTo(150);
  session.executeKubectl("scale deployment/web --replicas=9");
  session.runTo(260);
  session.execute({ type: "action", action: { type: "node", name: "zone-b-1", state: "Down", at: 260_000 as never, doc: -1, line: 0 } });
  session.runTo(400);
  return session;
}

function built(live: Session, spacing: number): Checkpoints {
  const cps = new Checkpoints({ fresh: () => Session.start(YAML).session }, { spacing, max: 4 });
  while (cps.work(live.timeline, live.steps, () => false));
  return cps;
}

describe("Checkpoints", () => {
  const live = run();

  it("keeps evenly spaced positions, thinning to the limit as the run grows", () => {
    const spacing = Math.floor(live.steps / 10);
    const cps = built(live, spacing);
    const positions = cps.positions;
    expect(positions.length).toBeLessThanOrEqual(4);
    expect(positions.length).toBeGreaterThanOrEqual(2);
    // Thinned twice (10 positions do not fit 4, nor do 5): multiples of 4 × the first spacing.
    for (const p of positions) expect(p % (spacing * 4)).toBe(0);
    expect(Math.max(...positions)).toBeLessThanOrEqual(live.steps);
  });

  it.each([10, 45, 100, 151, 200, 259, 261, 330, 399])("a rewind to %s s from a checkpoint equals one from t = 0, now and after running on", (target) => {
    const cps = built(live, Math.floor(live.steps / 8));
    const from = cps.take(live.timeline, target);
    // Past the first checkpoint's time a rewind starts from one.
    if (target >= 151) expect(from).toBeDefined();
    const viaCheckpoint = live.rewind(target, from);
    const fromZero = live.rewind(target);
    expect(state(viaCheckpoint)).toBe(state(fromZero));
    // The commands after the target are the future of both, and replay at the same positions.
    viaCheckpoint.runTo(450);
    fromZero.runTo(450);
    expect(state(viaCheckpoint)).toBe(state(fromZero));
    expect(viaCheckpoint.commands.length).toBe(3);
  });

  it("uses a checkpoint at or before the target, and each checkpoint once", () => {
    const cps = built(live, Math.floor(live.steps / 4));
    const first = cps.take(live.timeline, 399)!;
    expect(first).toBeDefined();
    expect(first.time).toBeLessThanOrEqual(399);
    expect(cps.positions).not.toContain(first.steps);
    const early = cps.take(live.timeline, 1);
    expect(early).toBeUndefined();
  });

  it("does not restore a checkpoint from another branch of the timeline", () => {
    const cps = built(live, Math.floor(live.steps / 4));
    const branch = live.rewind(100);
    branch.execute({ type: "apply", yaml: EXTRA.replace("name: extra", "name: other") });
    const taken = cps.take(branch.timeline, 399);
    // Only checkpoints before the new command still lie on the new timeline.
    if (taken) expect(taken.steps).toBeLessThanOrEqual(branch.steps);
    const cps2 = built(live, Math.floor(live.steps / 4));
    cps2.work(branch.timeline, branch.steps, () => true);
    for (const p of cps2.positions) expect(p).toBeLessThanOrEqual(branch.steps);
  });

  it.each([[0, 4], [300, 3], [600, 1], [5000, 1]])("keeps fewer engines for a bigger cluster: %s pods, at most %s", (pods, most) => {
    const cps = new Checkpoints({ fresh: () => Session.start(YAML).session }, { spacing: Math.floor(live.steps / 8), max: 4 });
    while (cps.work(live.timeline, live.steps, () => false, pods));
    expect(cps.positions.length).toBeGreaterThanOrEqual(1);
    expect(cps.positions.length).toBeLessThanOrEqual(most);
  });

  it("builds in slices: a yield stops the work and the next call goes on", () => {
    const cps = new Checkpoints({ fresh: () => Session.start(YAML).session }, { spacing: Math.floor(live.steps / 2), max: 4 });
    let calls = 0;
    let more = cps.work(live.timeline, live.steps, () => true);
    while (more) {
      calls++;
      more = cps.work(live.timeline, live.steps, () => true);
    }
    expect(calls).toBeGreaterThan(2);
    expect(cps.positions).toEqual([Math.floor(live.steps / 2) * 1, Math.floor(live.steps / 2) * 2].filter((p) => p <= live.steps));
  });
});
