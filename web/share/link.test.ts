import { deflateSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO } from "../editor/default-scenario";
import { decodeWorkspace, encodeWorkspace, fromBase64Url, MAX_DECODED_BYTES, shareUrl, toBase64Url } from "./link";
import { freshWorkspace, type Workspace } from "./workspace";

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 6
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: DoNotSchedule
          labelSelector:
            matchLabels: {app: web}
      containers:
        - name: nginx
          image: nginx:1.27
`;

const RUN: Workspace = {
  scenario: { yaml: DEFAULT_SCENARIO, seed: 7 },
  commands: [
    { atStep: 12, time: 3.5, command: { type: "apply", yaml: DEPLOYMENT } },
    { atStep: 40, time: 20, command: { type: "action", action: { type: "node", name: "zone-b-1", state: "Cordon" } } },
    { atStep: 41, time: 20, command: { type: "action", action: { type: "node", name: "zone-c-1", taint: { key: "gpu", value: "yes", effect: "NoSchedule" } } } },
    { atStep: 90, time: 64.25, command: { type: "action", action: { type: "delete", kind: "Pod", namespace: "default", name: "web-1" } } },
  ],
  ran: 3,
  position: { step: 77, time: 42.125 },
  editor: `${DEPLOYMENT}# not applied yet: ünïcödé ✓ 한국어\n`,
  view: { speed: 10, canvasView: "workloads", panel: "events", selection: { kind: "Pod", namespace: "default", name: "web-1" } },
};

const link = (ws: Workspace) => `#${encodeWorkspace(ws)}`;

describe("share links", () => {
  it.each([
    { name: "a run with commands, a future and unapplied edits", ws: RUN },
    { name: "a fresh scenario", ws: freshWorkspace(DEFAULT_SCENARIO) },
    { name: "an empty editor", ws: freshWorkspace("") },
  ])("round-trips $name", ({ ws }) => {
    expect(decodeWorkspace(link(ws))).toEqual({ kind: "ok", workspace: ws });
  });

  it("uses only URL-safe characters behind the v1: prefix", () => {
    expect(link(RUN)).toMatch(/^#v1:[A-Za-z0-9_-]+$/);
  });

  it("keeps a one-Deployment workspace short enough to paste in a chat", () => {
    // The YAML alone deflates to about 320 base64url characters; the workspace around it costs little.
    const hash = encodeWorkspace(freshWorkspace(DEPLOYMENT));
    expect(hash.length).toBeLessThan(360);
    const played = encodeWorkspace({ ...freshWorkspace(DEPLOYMENT, { speed: 5 }), position: { step: 57, time: 12.5 } });
    expect(played.length).toBeLessThan(400);
  });

  it("replaces the hash of the page address", () => {
    expect(shareUrl("https://kubeplay.dev/play?x=1#v1:old", freshWorkspace("a: 1"))).toMatch(/^https:\/\/kubeplay\.dev\/play\?x=1#v1:[\w-]+$/);
  });

  it.each(["", "#", "#  "])("reads %j as no link", (hash) => {
    expect(decodeWorkspace(hash)).toEqual({ kind: "none" });
  });

  it.each([
    { name: "a newer format", hash: "#v2:AAAA", version: 2 },
    { name: "a much newer format", hash: "v31:whatever it holds", version: 31 },
  ])("names $name as from the future", ({ hash, version }) => {
    expect(decodeWorkspace(hash)).toEqual({ kind: "future", version });
  });

  const good = link(RUN);
  const json = (v: unknown) => `#v1:${toBase64Url(deflateSync(strToU8(JSON.stringify(v))))}`;
  it.each([
    { name: "no version prefix", hash: "#section-2", detail: "version prefix" },
    { name: "version 0", hash: "#v0:AAAA", detail: "unknown link version 0" },
    { name: "a character base64url does not use", hash: `${good.slice(0, 20)}*${good.slice(21)}`, detail: "characters" },
    { name: "a link cut short", hash: good.slice(0, Math.floor(good.length / 2)), detail: "cut short" },
    { name: "an altered byte", hash: `${good.slice(0, 30)}${good[30] === "A" ? "B" : "A"}${good.slice(31)}`, detail: "" },
    { name: "a payload that is not JSON", hash: `#v1:${toBase64Url(deflateSync(strToU8("{oops")))}`, detail: "not JSON" },
    { name: "JSON that is not a workspace", hash: json([1, 2]), detail: "workspace: expected an object" },
    { name: "a missing scenario", hash: json({ ...RUN, scenario: undefined }), detail: "scenario: expected an object" },
    { name: "a position that is not an object", hash: json({ ...RUN, position: 12 }), detail: "position: expected an object" },
    { name: "a negative step", hash: json({ ...RUN, position: { step: -1, time: 0 } }), detail: "position.step" },
    { name: "ran past the commands", hash: json({ ...RUN, ran: 9 }), detail: "ran" },
    { name: "an unknown command", hash: json({ ...RUN, commands: [{ atStep: 0, time: 0, command: { type: "reboot" } }] }), detail: "commands[0].command.type" },
    { name: "a node action with an unknown state", hash: json({ ...RUN, commands: [{ atStep: 0, time: 0, command: { type: "action", action: { type: "node", name: "n", state: "Melt" } } }] }), detail: "commands[0].command.action.state" },
    { name: "a time that is not a number", hash: json({ ...RUN, position: { step: 0, time: "soon" } }), detail: "position.time" },
  ])("reports $name as damaged", ({ hash, detail }) => {
    const res = decodeWorkspace(hash);
    expect(res.kind).toBe("damaged");
    if (res.kind === "damaged") expect(res.detail).toContain(detail);
  });

  it("refuses a small link that unpacks into more than the limit", () => {
    const bomb = `#v1:${toBase64Url(deflateSync(new Uint8Array(MAX_DECODED_BYTES + 10).fill(32)))}`;
    expect(bomb.length).toBeLessThan(10_000);
    expect(decodeWorkspace(bomb)).toMatchObject({ kind: "damaged", detail: expect.stringContaining("larger than") });
  });

  it.each([
    { name: "a speed out of range", view: { speed: 1e9 }, want: { speed: 1 } },
    { name: "an unknown canvas view", view: { canvasView: "3d" }, want: { canvasView: "cluster" } },
    { name: "a panel this version lacks", view: { panel: "diagrams" }, want: { panel: "details" } },
    { name: "a selection without a name", view: { selection: { kind: "Pod" } }, want: { selection: null } },
    { name: "a setting this version does not know", view: { future: true }, want: { speed: 1 } },
  ])("falls back to the default for $name instead of refusing the link", ({ view, want }) => {
    const res = decodeWorkspace(json({ ...RUN, view }));
    expect(res).toMatchObject({ kind: "ok", workspace: { view: want } });
  });
});

describe("base64url", () => {
  it.each([0, 1, 2, 3, 4, 5, 255, 256])("round-trips %i bytes", (n) => {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 0xff);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
  });

  it.each([
    { bytes: [], text: "" },
    { bytes: [0xfb, 0xff], text: "-_8" },
    { bytes: [0x4d, 0x61, 0x6e], text: "TWFu" },
  ])("encodes $bytes as $text", ({ bytes, text }) => {
    expect(toBase64Url(Uint8Array.from(bytes))).toBe(text);
  });

  it("reads standard base64 and padding too", () => {
    expect(fromBase64Url("+/8=")).toEqual(Uint8Array.from([0xfb, 0xff]));
  });

  it.each(["A", "AB$C", "AB C!"])("refuses %j", (s) => {
    expect(fromBase64Url(s)).toBeUndefined();
  });
});
