/**
 * Column alignment as kubectl's table printer does it: Go's text/tabwriter (liggitt/tabwriter fork)
 * with kubectl's settings from cli-runtime printers/tabwriter.go: minwidth 6, padding 3, pad ' '.
 * Cells are separated by "\t"; the last cell of a line is not a column and is never padded.
 * A column's width is the widest cell in its block of consecutive lines + padding (at least
 * minwidth); widths count Unicode code points, as Go counts runes.
 */

export const TABWRITER_MIN_WIDTH = 6;
export const TABWRITER_PADDING = 3;

const runeCount = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** Aligns tab-separated text exactly as `tabwriter.NewWriter(w, 6, 4, 3, ' ', 0)` + Flush would. */
export function tabwrite(text: string, minwidth = TABWRITER_MIN_WIDTH, padding = TABWRITER_PADDING): string {
  const lines = text.split("\n").map((l) => l.split("\t"));
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i]!;
      for (let j = 0; j < line.length; j++) {
        const cell = line[j]!;
        out.push(cell);
        if (j < widths.length) out.push(" ".repeat(Math.max(0, widths[j]! - runeCount(cell))));
      }
      if (i + 1 < lines.length) out.push("\n");
    }
  };

  // Port of tabwriter's recursive `format`: each column block is the run of consecutive lines
  // that have a tab-terminated cell in this column.
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= lines[cur]!.length - 1) continue;
      writeLines(line0, cur);
      line0 = cur;
      let width = minwidth;
      for (; cur < line1; cur++) {
        const line = lines[cur]!;
        if (column >= line.length - 1) break;
        width = Math.max(width, runeCount(line[column]!) + padding);
      }
      widths.push(width);
      format(line0, cur);
      widths.pop();
      line0 = cur;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join("");
}
