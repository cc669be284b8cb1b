import { describe, expect, it } from "vitest";
import { checkCatalogue, placeholders } from "./check";
import { en } from "./en";
import { CATALOGUES, setLocale, t } from "./index";

describe("catalogues", () => {
  it.each(Object.entries(CATALOGUES))("%s has every English key with the same placeholders", (_, catalogue) => {
    expect(checkCatalogue(en, catalogue)).toEqual([]);
  });

  it("names what a translation gets wrong", () => {
    const ref = { a: "Hello {name}", b: "Bye", c: "{count} pods" };
    expect(checkCatalogue(ref, { a: "안녕 {nam}", b: " ", d: "extra" })).toEqual([
      "a: placeholders {nam} instead of {name}",
      "b: empty",
      "c: missing",
      "d: not in the reference",
    ]);
  });

  it("finds placeholders in any order", () => {
    expect(placeholders("{b} then {a}")).toEqual(["a", "b"]);
  });
});

describe("t", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    setLocale("en");
    expect(t("share.length", { count: 231 })).toBe("231 characters");
    expect(t("notice.link.damaged")).toBe("This link could not be opened: {detail}.");
  });
});
