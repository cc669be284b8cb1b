import { describe, expect, it } from "vitest";
import { tabwrite } from "./tabwriter";

describe("tabwrite (Go text/tabwriter with kubectl's settings)", () => {
  const cases: Array<[string, string, string]> = [
    ["pads to widest cell + 3", "NAME\tAGE\nweb-0\t5s\n", "NAME    AGE\nweb-0   5s\n"],
    ["minimum width 6", "A\tB\nx\ty\n", "A     B\nx     y\n"],
    ["last cell never padded", "A\tLONGHEADER\nb\tc\n", "A     LONGHEADER\nb     c\n"],
    ["empty cells are padded", "A\tB\tC\n\t\tz\n", "A     B     C\n            z\n"],
    ["width counts code points", "NAME\tX\n가나다라마바\ty\n", "NAME     X\n가나다라마바   y\n"],
    ["no trailing newline", "a\tb", "a     b"],
    [
      "a line with fewer cells ends the column block",
      "LONGNAME\tx\nsingle\nab\tc\n",
      "LONGNAME   x\nsingle\nab    c\n",
    ],
  ];
  it.each(cases)("%s", (_n, input, want) => {
    expect(tabwrite(input)).toBe(want);
  });
});
