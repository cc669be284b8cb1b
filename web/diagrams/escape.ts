/**
 * Text from the cluster (names, event messages, anything a manifest carries) enters a mermaid
 * diagram only through `mermaidText`: every character that is not plainly safe becomes a mermaid
 * entity code (`#60;`), which mermaid turns back into the character as text, never as markup or
 * syntax. With `securityLevel: 'strict'` this is the second fence, not the only one.
 */
const SAFE = /[A-Za-z0-9 _.\-/]/;

export function mermaidText(text: string, max = 120): string {
  const clipped = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  let out = "";
  for (const ch of clipped.replace(/\s+/g, " ")) out += SAFE.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  return out;
}
