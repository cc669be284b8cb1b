import { describe, expect, it } from "vitest";
import { shortcutFor, type FocusTarget, type KeyPress } from "./shortcuts";

/** A stand-in element: `closest` answers from the selectors it is said to match. */
function el(matching: string[], extra: Partial<FocusTarget> = {}): FocusTarget {
  return { closest: (selector: string) => (selector.split(", ").some((s) => matching.includes(s)) ? {} : null), ...extra };
}

const body = el([]);
const press = (key: string, target: FocusTarget | null = body, mods: Partial<KeyPress> = {}): KeyPress =>
  ({ key, ctrlKey: false, metaKey: false, altKey: false, target: target as EventTarget | null, ...mods });

describe("shortcutFor", () => {
  it.each([
    { name: "Space on the page plays or pauses", e: press(" "), want: "togglePlay" },
    { name: "→ on the page steps", e: press("ArrowRight"), want: "step" },
    { name: "? on the page opens the help", e: press("?"), want: "toggleHelp" },
    { name: "Space on the canvas pane plays or pauses", e: press(" ", el(["div.react-flow__pane"])), want: "togglePlay" },
    { name: "no target at all", e: press(" ", null), want: "togglePlay" },
    { name: "Space in the editor is typing", e: press(" ", el([".monaco-editor"])), want: undefined },
    { name: "? in the editor is typing", e: press("?", el([".monaco-editor"])), want: undefined },
    { name: "→ in a textarea moves the caret", e: press("ArrowRight", el(["textarea"])), want: undefined },
    { name: "Space in a text field", e: press(" ", el(["input:not([type=button]):not([type=checkbox]):not([type=radio]):not([type=range])"])), want: undefined },
    { name: "a contenteditable element", e: press(" ", el([], { isContentEditable: true })), want: undefined },
    { name: "an element that keeps its keys", e: press("ArrowRight", el(["[data-own-keys]"])), want: undefined },
    { name: "Space on a button presses the button", e: press(" ", el(["button"])), want: undefined },
    { name: "→ on a button still steps", e: press("ArrowRight", el(["button"])), want: "step" },
    { name: "→ on the scrubber moves the scrubber", e: press("ArrowRight", el(["[role=slider]"])), want: undefined },
    { name: "→ on a range input", e: press("ArrowRight", el(["input[type=range]"])), want: undefined },
    { name: "Space on a range input plays or pauses", e: press(" ", el(["input[type=range]"])), want: "togglePlay" },
    { name: "Ctrl+→ is the browser's", e: press("ArrowRight", body, { ctrlKey: true }), want: undefined },
    { name: "Alt+Space is the system's", e: press(" ", body, { altKey: true }), want: undefined },
    { name: "Esc with nothing open", e: press("Escape"), want: undefined },
    { name: "another key", e: press("a"), want: undefined },
    { name: "the Menu key opens the actions menu", e: press("ContextMenu"), want: "openMenu" },
    { name: "Shift+F10 opens the actions menu", e: press("F10", body, { shiftKey: true }), want: "openMenu" },
    { name: "F10 alone is the browser's", e: press("F10"), want: undefined },
    { name: "the Menu key in the editor is the editor's", e: press("ContextMenu", el([".monaco-editor"])), want: undefined },
  ])("$name", ({ e, want }) => {
    expect(shortcutFor(e, false)).toBe(want);
  });

  it.each([
    { name: "Esc closes the help, even from a button in it", e: press("Escape", el(["button"])), want: "closeHelp" },
    { name: "? closes it again", e: press("?"), want: "toggleHelp" },
    { name: "Space does not play behind it", e: press(" "), want: undefined },
    { name: "→ does not step behind it", e: press("ArrowRight"), want: undefined },
  ])("with the help open: $name", ({ e, want }) => {
    expect(shortcutFor(e, true)).toBe(want);
  });
});
