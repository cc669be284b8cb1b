/**
 * resource.Quantity, parsed and printed as k8s.io/apimachinery/pkg/api/resource does
 * (quantity.go ParseQuantity / CanonicalizeBytes, suffix.go, amount.go).
 *
 * A Quantity is exact: value = unscaled × 10^scale with a bigint mantissa, so "0.1" + "0.2" is "300m".
 * As in Kubernetes, parsing rounds up (away from zero) to a whole nano, caps BinarySI amounts at
 * 2^63-1, remembers the suffix family (the format), and keeps the input text verbatim when it is
 * already canonical (upstream's cached `s`: "+1" and "01" print back as typed).
 *
 * The engine's hot paths use plain numbers: `cpuMillis` / `memoryBytes` turn a manifest value into
 * milli-CPU / bytes (memoised per distinct text), `milliValue` / `value` do the same for a Quantity.
 */

export type QuantityFormat = "DecimalExponent" | "BinarySI" | "DecimalSI";

export interface Quantity {
  /** value = unscaled × 10^scale, exactly. Parsed quantities are multiples of 10^-9. */
  readonly unscaled: bigint;
  readonly scale: number;
  /** The suffix family printed back: 12e6 (DecimalExponent), 12Mi (BinarySI), 12M (DecimalSI). */
  readonly format: QuantityFormat;
  /** The parsed text, when Kubernetes would print it back verbatim. */
  readonly text?: string;
}

export interface QuantityError {
  readonly kind: "QuantityError";
  readonly input: string;
  readonly message: string;
}

/** Milli-CPU (1000 = one core), as Quantity.MilliValue() gives for a cpu quantity. */
export type MilliCPU = number & { readonly __unit: "mCPU" };
/** Bytes, as Quantity.Value() gives for a memory or storage quantity. */
export type Bytes = number & { readonly __unit: "bytes" };

// The exact Kubernetes wording (quantity.go ErrFormatWrong, ErrNumeric, ErrSuffix).
const SPLIT_RE = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";
export const ERR_FORMAT_WRONG = `quantities must match the regular expression '${SPLIT_RE}'`;
export const ERR_NUMERIC = "unable to parse numeric part of quantity";
export const ERR_SUFFIX = "unable to parse quantity's suffix";

const MAX_INT64 = (1n << 63n) - 1n;
const MIN_INT64 = -(1n << 63n);
const NANO = -9;
/** maxInt64Factors in math.go: decimal digits that always fit an int64 (decides the fast path). */
const MAX_INT64_FACTORS = 18;
/** Beyond this many decimal orders apart, add/sub keep the larger operand (see `add`). */
const MAX_ALIGN = 4000;

// suffix.go: the decimal SI suffixes (base 10) and the binary ones (base 2), by exponent.
const DECIMAL_SUFFIX = new Map<string, number>([["n", -9], ["u", -6], ["m", -3], ["", 0], ["k", 3], ["M", 6], ["G", 9], ["T", 12], ["P", 15], ["E", 18]]);
const BINARY_SUFFIX = new Map<string, number>([["Ki", 10], ["Mi", 20], ["Gi", 30], ["Ti", 40], ["Pi", 50], ["Ei", 60]]);
const DECIMAL_BY_EXPONENT = new Map([...DECIMAL_SUFFIX].map(([s, e]) => [e, s]));
const BINARY_BY_EXPONENT = new Map([...BINARY_SUFFIX].map(([s, e]) => [e, s]));
const SUFFIX_CHARS = "eEinumkKMGTP";

const POW10: bigint[] = [1n];
for (let i = 1; i <= 40; i++) POW10.push(POW10[i - 1]! * 10n);
const pow10 = (n: number): bigint => POW10[n] ?? 10n ** BigInt(n);

export function isQuantityError(x: Quantity | QuantityError): x is QuantityError {
  return (x as QuantityError).kind === "QuantityError";
}

const fail = (input: string, message: string): QuantityError => ({ kind: "QuantityError", input, message });
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

interface Scanned { positive: boolean; value: string; num: string; denom: string; suffix: string }

/** parseQuantityString: splits sign, integer digits (leading zeros dropped), fraction and suffix. */
function scan(str: string): Scanned | undefined {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (str[0] === "-") { positive = false; pos++; } else if (str[0] === "+") pos++;
  while (pos < end && str[pos] === "0") pos++;
  if (pos >= end) return { positive, value: "0", num: "0", denom: "", suffix: "" };
  let i = pos;
  while (i < end && isDigit(str[i])) i++;
  if (i >= end) return { positive, value: str, num: str.slice(pos), denom: "", suffix: "" };
  const num = str.slice(pos, i) || "0";
  pos = i;
  let denom = "";
  if (str[pos] === ".") {
    pos++;
    i = pos;
    while (i < end && isDigit(str[i])) i++;
    denom = str.slice(pos, i);
    if (i >= end) return { positive, value: str, num, denom, suffix: "" };
    pos = i;
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(str[pos]!)) pos++;
  if (str[pos] === "-" || str[pos] === "+") pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos < end) return undefined;
  return { positive, value, num, denom, suffix: str.slice(suffixStart) };
}

/** suffixer.interpret: base, exponent and format of a suffix; "e<int64>" wraps to int32 as in Go. */
function interpret(s: string): { base: 10 | 2; exponent: number; format: QuantityFormat } | undefined {
  const dec = DECIMAL_SUFFIX.get(s);
  if (dec !== undefined) return { base: 10, exponent: dec, format: "DecimalSI" };
  const bin = BINARY_SUFFIX.get(s);
  if (bin !== undefined) return { base: 2, exponent: bin, format: "BinarySI" };
  if (s.length > 1 && (s[0] === "e" || s[0] === "E") && /^[+-]?[0-9]+$/.test(s.slice(1))) {
    const parsed = BigInt(s.slice(1));
    if (parsed > MAX_INT64 || parsed < MIN_INT64) return undefined;
    return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: "DecimalExponent" };
  }
  return undefined;
}

/** Drops factors of ten from the mantissa into the scale, so equal values have equal fields. */
function normalize(unscaled: bigint, scale: number, format: QuantityFormat, text?: string): Quantity {
  if (unscaled === 0n) return text === undefined ? { unscaled, scale: 0, format } : { unscaled, scale: 0, format, text };
  while (unscaled % 10n === 0n) { unscaled /= 10n; scale++; }
  return text === undefined ? { unscaled, scale, format } : { unscaled, scale, format, text };
}

/** Divides by 10^k rounding away from zero (negativeScaleInt64 / inf.RoundUp). */
function divPow10Up(u: bigint, k: number): bigint {
  if (k <= 0 || u === 0n) return u * pow10(-k);
  const neg = u < 0n;
  const abs = neg ? -u : u;
  let q: bigint;
  if (abs.toString().length <= k) q = 1n;
  else {
    const p = pow10(k);
    q = abs / p;
    if (abs % p !== 0n) q += 1n;
  }
  return neg ? -q : q;
}

/** ParseQuantity. A number is read as its JSON text, as Quantity.UnmarshalJSON does. */
export function parseQuantity(input: string | number): Quantity | QuantityError {
  const str = typeof input === "number" ? String(input) : input;
  if (str.length === 0) return fail(str, ERR_FORMAT_WRONG);
  if (str === "0") return { unscaled: 0n, scale: 0, format: "DecimalSI", text: "0" };
  const sc = scan(str);
  if (!sc) return fail(str, ERR_FORMAT_WRONG);
  const suf = interpret(sc.suffix);
  if (!suf) return fail(str, ERR_SUFFIX);
  const { num, denom } = sc;
  let format = suf.format;

  // Upstream's int64 fast path decides whether the input text is kept as the printed form.
  let fast = false;
  let keepText = false;
  if (suf.base === 10) {
    const scale = suf.exponent - denom.length;
    if (MAX_INT64_FACTORS - (num.length + denom.length) >= 0 && scale >= NANO) {
      fast = true;
      const shifted = num + denom;
      keepText = scale % 3 === 0 && !shifted.endsWith("000") && shifted[0] !== "0";
    }
  } else if (denom.length === 0 && 15 - num.length - Math.trunc((suf.exponent * 3) / 10) - 1 >= 0) {
    const v = BigInt(num);
    if (v << BigInt(suf.exponent) <= MAX_INT64) {
      fast = true;
      keepText = (v & 7n) !== 0n;
    }
  }
  // The inf.Dec fallback needs at least one digit ("." alone only parses on the fast path).
  if (!fast && !/[0-9]/.test(sc.value)) return fail(str, ERR_NUMERIC);

  const digits = num + denom;
  let end = digits.length;
  while (end > 1 && digits[end - 1] === "0") end--;
  let scale = digits.length - end - denom.length;
  let unscaled = BigInt(digits.slice(0, end));
  if (suf.base === 10) scale += suf.exponent;
  else unscaled <<= BigInt(suf.exponent);
  if (!sc.positive) unscaled = -unscaled;

  if (scale < NANO) { unscaled = divPow10Up(unscaled, NANO - scale); scale = NANO; }
  if (format === "BinarySI" && unscaled !== 0n) {
    const abs = unscaled < 0n ? -unscaled : unscaled;
    const over = scale >= 19 || (scale >= 0 ? abs * pow10(scale) > MAX_INT64 : abs > MAX_INT64 * pow10(-scale));
    if (over) { unscaled = unscaled < 0n ? -MAX_INT64 : MAX_INT64; scale = 0; }
    else if (scale < 0 && abs < pow10(-scale)) format = "DecimalSI";
  }
  return normalize(unscaled, scale, format, keepText ? str : undefined);
}

/** Quantity.UnmarshalJSON: how a manifest field decodes (strings are trimmed, null is zero). */
export function decodeQuantity(value: unknown): Quantity | QuantityError {
  if (value === null) return ZERO;
  if (typeof value === "string") return parseQuantity(value.trim());
  if (typeof value === "number") return parseQuantity(value);
  return fail(String(value), ERR_FORMAT_WRONG);
}

export const ZERO: Quantity = { unscaled: 0n, scale: 0, format: "DecimalSI" };

/** String() / CanonicalizeBytes: the text Kubernetes prints for this quantity. */
export function formatQuantity(q: Quantity): string {
  if (q.text !== undefined) return q.text;
  let { unscaled: u, scale: s } = q;
  if (u === 0n) return "0";
  while (u % 10n === 0n) { u /= 10n; s++; }
  let format = q.format;
  // (A binary amount past 10^MAX_ALIGN is printed in decimal rather than expanded digit by digit.)
  if (format === "BinarySI" && s > MAX_ALIGN) format = "DecimalSI";
  if (format === "BinarySI") {
    const abs = u < 0n ? -u : u;
    const below1024 = s <= 3 && abs * pow10(Math.max(0, s)) < 1024n * pow10(Math.max(0, -s));
    // Values in (-1024, 1024) and fractional values are printed as DecimalSI, never rounded.
    if (below1024 || s < 0) format = "DecimalSI";
  }
  if (format === "BinarySI") {
    let v = u * pow10(s);
    let times = 0;
    while ((v >= 1024n || v <= -1024n) && v % 1024n === 0n) { v /= 1024n; times++; }
    return v.toString() + (BINARY_BY_EXPONENT.get(times * 10) ?? "");
  }
  const r = ((s % 3) + 3) % 3;
  u *= pow10(r);
  s -= r;
  if (format === "DecimalExponent") return u.toString() + (s === 0 ? "" : `e${s}`);
  // An exponent past E (10^18) has no suffix: upstream then prints the mantissa alone ("1000E" → "1").
  return u.toString() + (DECIMAL_BY_EXPONENT.get(s) ?? "");
}

/** Value(): the quantity as a whole number (bytes for memory), rounded up away from zero. */
export function value(q: Quantity): number {
  return scaledValue(q, 0);
}

/** MilliValue(): ceil(q × 1000), away from zero. */
export function milliValue(q: Quantity): number {
  return scaledValue(q, -3);
}

/** ScaledValue(scale): q / 10^scale rounded away from zero, saturating at the int64 range. */
export function scaledValue(q: Quantity, scale: number): number {
  const u = q.unscaled;
  if (u === 0n) return 0;
  const d = q.scale - scale;
  const n = Number(u);
  if (Number.isSafeInteger(n) && d >= -15 && d <= 15) {
    if (d >= 0) {
      const r = n * 10 ** d;
      if (Number.isSafeInteger(r)) return r;
    } else {
      const p = 10 ** -d;
      const rem = n % p;
      const quo = (n - rem) / p;
      return rem === 0 ? quo : quo + Math.sign(n);
    }
  }
  let big: bigint;
  if (d >= 0) {
    big = u.toString().length + d > 20 ? (u < 0n ? MIN_INT64 : MAX_INT64) : u * pow10(d);
  } else big = divPow10Up(u, -d);
  if (big > MAX_INT64) big = MAX_INT64;
  if (big < MIN_INT64) big = MIN_INT64;
  return Number(big);
}

export function sign(q: Quantity): -1 | 0 | 1 {
  return q.unscaled === 0n ? 0 : q.unscaled < 0n ? -1 : 1;
}

export function isZero(q: Quantity): boolean {
  return q.unscaled === 0n;
}

/** Decimal order of magnitude: 10^(order-1) ≤ |q| < 10^order. */
function order(q: Quantity): number {
  const abs = q.unscaled < 0n ? -q.unscaled : q.unscaled;
  return abs.toString().length + q.scale;
}

/** Cmp: -1, 0 or 1. */
export function cmp(a: Quantity, b: Quantity): -1 | 0 | 1 {
  const sa = sign(a), sb = sign(b);
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  let x = a.unscaled, y = b.unscaled;
  if (a.scale !== b.scale) {
    if (Math.abs(a.scale - b.scale) > 40) {
      const oa = order(a), ob = order(b);
      if (oa !== ob) return (oa > ob) === (sa > 0) ? 1 : -1;
    }
    if (a.scale > b.scale) x *= pow10(a.scale - b.scale);
    else y *= pow10(b.scale - a.scale);
  }
  return x === y ? 0 : x < y ? -1 : 1;
}

/**
 * Add: the exact sum; a zero left operand takes the right one's format, as Quantity.Add does.
 * Operands more than MAX_ALIGN decimal orders apart (absurd inputs such as "1e999999") are not
 * aligned digit by digit: the larger one is returned, so no input can exhaust memory.
 */
export function add(a: Quantity, b: Quantity): Quantity {
  const format = a.unscaled === 0n ? b.format : a.format;
  if (b.unscaled === 0n) return normalize(a.unscaled, a.scale, format);
  if (a.unscaled === 0n) return normalize(b.unscaled, b.scale, format);
  if (Math.abs(a.scale - b.scale) > MAX_ALIGN) {
    const big = order(a) >= order(b) ? a : b;
    return normalize(big.unscaled, big.scale, format);
  }
  const s = Math.min(a.scale, b.scale);
  return normalize(a.unscaled * pow10(a.scale - s) + b.unscaled * pow10(b.scale - s), s, format);
}

/** Sub: a − b; a zero left operand takes the right one's format, as Quantity.Sub does. */
export function sub(a: Quantity, b: Quantity): Quantity {
  return add(a, { unscaled: -b.unscaled, scale: b.scale, format: b.format });
}

export function neg(q: Quantity): Quantity {
  return { unscaled: -q.unscaled, scale: q.scale, format: q.format };
}

/** NewQuantity(value, format). */
export function newQuantity(v: number | bigint, format: QuantityFormat): Quantity {
  return newScaledQuantity(v, 0, format);
}

/** NewMilliQuantity(value, format): value / 1000. */
export function newMilliQuantity(v: number | bigint, format: QuantityFormat): Quantity {
  return newScaledQuantity(v, -3, format);
}

/** NewScaledQuantity(value, scale): value × 10^scale (DecimalSI unless told). */
export function newScaledQuantity(v: number | bigint, scale: number, format: QuantityFormat = "DecimalSI"): Quantity {
  if (typeof v === "number" && !Number.isInteger(v)) throw new RangeError(`quantity value must be an integer, got ${v}`);
  return normalize(BigInt(v), scale, format);
}

// Memoised conversions for the hot paths: the set of distinct quantity texts in a simulation is
// small, so one map lookup replaces a parse. Bounded so that no input grows it without limit.
const CACHE_LIMIT = 4096;
const milliCache = new Map<string | number, number>();
const byteCache = new Map<string | number, number>();

function cached(cache: Map<string | number, number>, x: string | number, f: (q: Quantity) => number): number {
  const hit = cache.get(x);
  if (hit !== undefined) return hit;
  const q = decodeQuantity(x);
  // Invalid values never reach here in a validated scenario; 0 keeps a slip from crashing the engine.
  const v = isQuantityError(q) ? 0 : f(q);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(x, v);
  return v;
}

/** A cpu value from a manifest (string or number) in milli-CPU; 0 when absent or invalid. */
export function cpuMillis(x: string | number | undefined): MilliCPU {
  return (x === undefined ? 0 : cached(milliCache, x, milliValue)) as MilliCPU;
}

/** A memory / storage value from a manifest (string or number) in bytes; 0 when absent or invalid. */
export function memoryBytes(x: string | number | undefined): Bytes {
  return (x === undefined ? 0 : cached(byteCache, x, value)) as Bytes;
}
