import { describe, expect, it } from "vitest";
import { applyCompletion, emptyHistory, historyDown, historyUp, parseConsoleLine, remember } from "./console";

describe("parseConsoleLine", () => {
  const yaml = "kind: Pod";
  it.each([
    ["", { type: "empty" }],
    ["clear", { type: "clear" }],
    ["kubectl get pods -o wide", { type: "kubectl", command: "get pods -o wide" }],
    ["get pods", { type: "kubectl", command: "get pods" }],
    ["k get pods", { type: "kubectl", command: "get pods" }],
    ["kubectl apply -f scenario.yaml", { type: "kubectl", command: "apply -f -", stdin: yaml }],
    ["kubectl apply --filename=x.yaml", { type: "kubectl", command: "apply -f -", stdin: yaml }],
    ["kubectl create -f -", { type: "kubectl", command: "create -f -", stdin: yaml }],
    ["kubectl create deployment web --image=nginx", { type: "kubectl", command: "create deployment web --image=nginx" }],
    ["ls /tmp", { type: "unknown", program: "ls" }],
  ])("%j", (line, want) => {
    expect(parseConsoleLine(line, yaml)).toEqual(want);
  });
});

describe("history", () => {
  it("walks back and forth and restores the draft", () => {
    let h = remember(remember(emptyHistory, "get pods"), "get nodes");
    let r = historyUp(h, "desc");
    expect(r.line).toBe("get nodes");
    r = historyUp(r.history, r.line);
    expect(r.line).toBe("get pods");
    r = historyUp(r.history, r.line);
    expect(r.line).toBe("get pods");
    r = historyDown(r.history, r.line);
    expect(r.line).toBe("get nodes");
    r = historyDown(r.history, r.line);
    expect(r.line).toBe("desc");
    h = remember(r.history, "get nodes");
    expect(h.entries).toEqual(["get pods", "get nodes"]);
  });
});

describe("applyCompletion", () => {
  it.each([
    ["get po", "po", ["pods"], "get pods ", []],
    ["rollout ", "", ["history", "pause"], "rollout ", ["history", "pause"]],
    ["get pods web-", "web-", ["web-abc", "web-abd"], "get pods web-ab", []],
    ["get x", "x", [], "get x", []],
  ])("%j", (line, prefix, candidates, want, list) => {
    expect(applyCompletion(line, prefix, candidates)).toEqual({ line: want, list });
  });
});
