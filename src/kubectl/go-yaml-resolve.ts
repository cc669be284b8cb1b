/**
 * The two decisions goyaml.v2 makes before emitting (kubectl's -o yaml): whether a string may be
 * written plain (resolve.go: it must not read back as a bool, number, null or timestamp, and not
 * look like a YAML 1.1 base-60 float), and the order of map keys (sorter.go keyList.Less).
 */

// ---- scalar resolution (resolve.go): would this plain text read back as a non-string? ----

const RESOLVE_MAP = new Set([
  "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
  "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
  "", "~", "null", "Null", "NULL", ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
  "-.inf", "-.Inf", "-.INF", "<<",
]);
const GO_INT = /^[+-]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
export const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TS_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const TS_RFC3339 = /^(\d{4})-(\d{1,2})-(\d{1,2})[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})([.,]\d+)?(Z|[+-]\d{2}:\d{2})$/;
const TS_SPACE = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})([.,]\d+)?$/;

function daysIn(month: number, year: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** resolve.go `parseTimestamp`: the subset of YAML timestamps Go's time.Parse accepts. */
function isTimestamp(s: string): boolean {
  const m = TS_RFC3339.exec(s) ?? TS_SPACE.exec(s) ?? TS_DATE.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return false;
  if (m[4] === undefined) return true;
  return Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 60;
}

/** True when `s`, written plain, resolves to !!str (resolve.go `resolve("", s)`). */
export function plainIsString(s: string): boolean {
  const c = s[0];
  if (s !== "" && !(c === "+" || c === "-" || c === "." || (c! >= "0" && c! <= "9") || "yYnNtTfFoO~".includes(c!))) return true;
  if (RESOLVE_MAP.has(s) && s !== "<<") return false;
  if (c === ".") return !DOT_FLOAT.test(s);
  if (c === "+" || c === "-" || (c! >= "0" && c! <= "9")) {
    if (isTimestamp(s)) return false;
    const plain = s.replace(/_/g, "");
    if (GO_INT.test(plain)) return false;
    if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return false;
  }
  return true;
}

// ---- key order (sorter.go keyList.Less) ----

const isLetter = (ch: string): boolean => /\p{L}/u.test(ch);
const isDigit = (ch: string): boolean => /\p{Nd}/u.test(ch);
const cp = (ch: string): number => ch.codePointAt(0)!;

export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return cp(ar[i]!) < cp(br[i]!);
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === "0" || br[i] === "0") {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== "0") { an = 1; bn = 1; break; }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = an * 10 + (cp(ar[ai]!) - 48);
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = bn * 10 + (cp(br[bi]!) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return cp(ar[i]!) < cp(br[i]!);
  }
  return ar.length < br.length;
}

export const yamlKeyOrder = (a: string, b: string): number => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0);
