import { describe, expect, it } from "vitest";
import { idOfRef, refOfId } from "./ids";

describe("canvas ids", () => {
  it.each([
    ["Pod/default/web-1", { kind: "Pod", namespace: "default", name: "web-1" }],
    ["Node/zone-a-1", { kind: "Node", name: "zone-a-1" }],
    ["Deployment/shop/web", { kind: "Deployment", namespace: "shop", name: "web" }],
    ["zone:a", null],
    ["queue", null],
    ["podset:ReplicaSet/default/web-1", null],
    ["ghost:Pod/default/web-1", null],
    ["Pod/*", null],
  ])("%s selects %j", (id, ref) => {
    expect(refOfId(id)).toEqual(ref);
    if (ref) expect(idOfRef(ref as never)).toBe(id);
  });
});
