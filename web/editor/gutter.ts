/** The editor's line-number gutter: "1\n2\n…" for every line of the text. */
export function lineNumbers(text: string): string {
  const count = text.split("\n").length;
  return Array.from({ length: count }, (_, i) => String(i + 1)).join("\n");
}
