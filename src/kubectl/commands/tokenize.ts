/**
 * Splits a kubectl command line into argv the way a POSIX shell would for the quoting people
 * actually type: whitespace separates words; '…' is literal; "…" keeps spaces and honours \" \\ \$
 * and \`; a backslash outside quotes escapes the next character. No expansion, pipes or globs.
 */

export type TokenizeResult = { ok: true; argv: string[] } | { ok: false; error: string };

export function tokenize(line: string): TokenizeResult {
  const argv: string[] = [];
  let cur = "";
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
      if (inWord) argv.push(cur);
      cur = "";
      inWord = false;
      i++;
      continue;
    }
    inWord = true;
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { ok: false, error: "unterminated single quote" };
      cur += line.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      i++;
      let closed = false;
      while (i < line.length) {
        const c = line[i]!;
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        if (c === "\\" && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) {
          cur += line[i + 1];
          i += 2;
          continue;
        }
        cur += c;
        i++;
      }
      if (!closed) return { ok: false, error: "unterminated double quote" };
      continue;
    }
    if (ch === "\\") {
      if (i + 1 < line.length) cur += line[i + 1];
      i += 2;
      continue;
    }
    cur += ch;
    i++;
  }
  if (inWord) argv.push(cur);
  return { ok: true, argv };
}
