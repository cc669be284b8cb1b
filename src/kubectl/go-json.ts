/**
 * JSON exactly as `kubectl get -o json` writes it: Go's `json.MarshalIndent(obj, "", "    ")` of an
 * unstructured object plus a newline. Map keys sorted by byte order (= code point order), four
 * spaces of indentation, and Go's HTML-safe escaping of <, > and & (as \u003c, \u003e, \u0026)
 * and of U+2028 / U+2029.
 */

const compareCodePoints = (a: string, b: string): number => {
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
};

function sortKeysDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeysDeep);
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort(compareCodePoints)) out[k] = sortKeysDeep(o[k]);
    return out;
  }
  return v;
}

const GO_HTML_ESCAPES: Record<string, string> = {
  "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029",
};

/** `json.MarshalIndent(v, "", "    ")` + "\n". */
export function goJsonIndent(value: unknown): string {
  // Outside strings JSON.stringify never emits these characters, so replacing them everywhere
  // only touches string contents. Control characters are already escaped as Go 1.22+ does.
  const text = JSON.stringify(sortKeysDeep(value ?? null), null, 4).replace(/[<>&\u2028\u2029]/g, (c) => GO_HTML_ESCAPES[c]!);
  return `${text}\n`;
}
