import { describe, expect, it } from "vitest";
import { initialLocale, LOCALE_KEY } from "./language";

const storage = (value: string | null) => ({ getItem: (k: string) => (k === LOCALE_KEY ? value : null), setItem() {}, removeItem() {} });

describe("initialLocale", () => {
  it.each([
    [storage("ko"), ["en-US"], "ko"],
    [storage("en"), ["ko-KR"], "en"],
    [storage(null), ["ko-KR", "en"], "ko"],
    [storage(null), ["en-GB"], "en"],
    [storage("fr"), [], "en"],
    [undefined, ["ko"], "ko"],
  ])("%#", (s, langs, want) => expect(initialLocale(s, langs)).toBe(want));
});
