import { describe, expect, it } from "vitest";
import { checkCatalogue } from "./check";
import { en } from "./en";
import { ko } from "./ko";

/** Strings that are Kubernetes' own words or symbols and so stay as they are in Korean. */
const SAME_IN_KOREAN = new Set([
  "app.title", "help.key.space", "help.key.right", "help.key.esc", "help.key.shift", "help.key.ctrl", "help.key.enter", "editor.apply.keys",
  "timeline.speed.option", "timeline.time", "canvas.node.cpu", "console.placeholder", "pods.empty", "why.col.node",
  "language.en", "language.ko",
]);

describe("the Korean catalogue", () => {
  it("has every English key with the same placeholders", () => {
    expect(checkCatalogue(en, ko)).toEqual([]);
  });
  it("translates every string that is not Kubernetes' own", () => {
    const untranslated = Object.keys(en).filter((k) => !SAME_IN_KOREAN.has(k) && ko[k as keyof typeof en] === en[k as keyof typeof en]);
    expect(untranslated).toEqual([]);
  });
});
