import { describe, expect, it } from "vitest";
import { readPreference, resolveTheme, THEME_KEY } from "./theme";

describe("theme", () => {
  it.each([
    { pref: "system", dark: false, theme: "light" },
    { pref: "system", dark: true, theme: "dark" },
    { pref: "light", dark: true, theme: "light" },
    { pref: "dark", dark: false, theme: "dark" },
  ] as const)("$pref with a dark system: $dark → $theme", ({ pref, dark, theme }) => {
    expect(resolveTheme(pref, dark)).toBe(theme);
  });

  it.each([
    { stored: "dark", pref: "dark" },
    { stored: "light", pref: "light" },
    { stored: "purple", pref: "system" },
    { stored: null, pref: "system" },
  ])("reads a stored $stored as $pref", ({ stored, pref }) => {
    const storage = { getItem: (k: string) => (k === THEME_KEY ? stored : null), setItem: () => {}, removeItem: () => {} };
    expect(readPreference(storage)).toBe(pref);
  });

  it("follows the system when storage cannot be read", () => {
    const storage = { getItem: () => { throw new Error("SecurityError"); }, setItem: () => {}, removeItem: () => {} };
    expect(readPreference(storage)).toBe("system");
  });
});
