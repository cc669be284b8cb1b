import { describe, expect, it } from "vitest";
import {
  add, cmp, cpuMillis, decodeQuantity, ERR_FORMAT_WRONG, ERR_NUMERIC, ERR_SUFFIX, formatQuantity, isQuantityError,
  memoryBytes, milliValue, neg, newMilliQuantity, newQuantity, newScaledQuantity, parseQuantity, scaledValue, sub, value,
  type Quantity, type QuantityFormat,
} from "./quantity";

const MAX = (1n << 63n) - 1n;
const dec = (i: number | bigint, exp: number, f: QuantityFormat): Quantity => newScaledQuantity(i, exp, f);

function must(text: string | number): Quantity {
  const q = parseQuantity(text);
  if (isQuantityError(q)) throw new Error(`${text}: ${q.message}`);
  return q;
}

// Cases from k8s.io/apimachinery/pkg/api/resource/quantity_test.go, TestQuantityParse.
const PARSE: Array<[string, Quantity]> = [
  ["0", dec(0, 0, "DecimalSI")], ["0n", dec(0, 0, "DecimalSI")], ["0u", dec(0, 0, "DecimalSI")], ["0m", dec(0, 0, "DecimalSI")],
  ["0Ki", dec(0, 0, "BinarySI")], ["0k", dec(0, 0, "DecimalSI")], ["0Mi", dec(0, 0, "BinarySI")], ["0M", dec(0, 0, "DecimalSI")],
  ["0Gi", dec(0, 0, "BinarySI")], ["0G", dec(0, 0, "DecimalSI")], ["0Ti", dec(0, 0, "BinarySI")], ["0T", dec(0, 0, "DecimalSI")],
  ["1", dec(1, 0, "DecimalSI")],
  ["1Ki", dec(1024, 0, "BinarySI")], ["8Ki", dec(8 * 1024, 0, "BinarySI")], ["7Mi", dec(7 * 2 ** 20, 0, "BinarySI")],
  ["6Gi", dec(6 * 2 ** 30, 0, "BinarySI")], ["5Ti", dec(5 * 2 ** 40, 0, "BinarySI")], ["4Pi", dec(4n << 50n, 0, "BinarySI")],
  ["3Ei", dec(3n << 60n, 0, "BinarySI")], ["10Ti", dec(10 * 2 ** 40, 0, "BinarySI")], ["100Ti", dec(100 * 2 ** 40, 0, "BinarySI")],
  ["5n", dec(5, -9, "DecimalSI")], ["4u", dec(4, -6, "DecimalSI")], ["3m", dec(3, -3, "DecimalSI")], ["9", dec(9, 0, "DecimalSI")],
  ["8k", dec(8, 3, "DecimalSI")], ["50k", dec(5, 4, "DecimalSI")], ["7M", dec(7, 6, "DecimalSI")], ["6G", dec(6, 9, "DecimalSI")],
  ["5T", dec(5, 12, "DecimalSI")], ["40T", dec(4, 13, "DecimalSI")], ["300T", dec(3, 14, "DecimalSI")], ["2P", dec(2, 15, "DecimalSI")],
  ["1E", dec(1, 18, "DecimalSI")],
  ["1E-3", dec(1, -3, "DecimalExponent")], ["1e3", dec(1, 3, "DecimalExponent")], ["1E6", dec(1, 6, "DecimalExponent")],
  ["1e9", dec(1, 9, "DecimalExponent")], ["1E12", dec(1, 12, "DecimalExponent")], ["1e15", dec(1, 15, "DecimalExponent")],
  ["1E18", dec(1, 18, "DecimalExponent")], ["1e14", dec(1, 14, "DecimalExponent")], ["1e13", dec(1, 13, "DecimalExponent")],
  ["100.035k", dec(100035, 0, "DecimalSI")],
  ["0.001", dec(1, -3, "DecimalSI")], ["0.0005k", dec(5, -1, "DecimalSI")], ["0.005", dec(5, -3, "DecimalSI")],
  ["0.05", dec(5, -2, "DecimalSI")], ["0.5", dec(5, -1, "DecimalSI")], ["0.00050k", dec(5, -1, "DecimalSI")],
  ["0.00500", dec(5, -3, "DecimalSI")], ["0.05000", dec(5, -2, "DecimalSI")], ["0.50000", dec(5, -1, "DecimalSI")],
  ["0.5e0", dec(5, -1, "DecimalExponent")], ["0.5e-1", dec(5, -2, "DecimalExponent")], ["0.5e-2", dec(5, -3, "DecimalExponent")],
  ["10.035M", dec(10035, 3, "DecimalSI")],
  ["1.2e3", dec(12, 2, "DecimalExponent")], ["1.3E+6", dec(13, 5, "DecimalExponent")], ["1.40e9", dec(14, 8, "DecimalExponent")],
  ["1.53E12", dec(153, 10, "DecimalExponent")], ["1.6e15", dec(16, 14, "DecimalExponent")], ["1.7E18", dec(17, 17, "DecimalExponent")],
  ["9.01", dec(901, -2, "DecimalSI")], ["8.1k", dec(81, 2, "DecimalSI")], ["7.123456M", dec(7123456, 0, "DecimalSI")],
  ["6.987654321G", dec(6987654321, 0, "DecimalSI")], ["5.444T", dec(5444, 9, "DecimalSI")], ["40.1T", dec(401, 11, "DecimalSI")],
  ["300.2T", dec(3002, 11, "DecimalSI")], ["2.5P", dec(25, 14, "DecimalSI")], ["1.01E", dec(101, 16, "DecimalSI")],
  // Things that saturate or round (up, to a whole nano).
  ["3.001n", dec(4, -9, "DecimalSI")], ["1.1E-9", dec(2, -9, "DecimalExponent")], ["0.0000000001", dec(1, -9, "DecimalSI")],
  ["0.0000000005", dec(1, -9, "DecimalSI")], ["0.00000000050", dec(1, -9, "DecimalSI")], ["0.5e-9", dec(1, -9, "DecimalExponent")],
  ["0.9n", dec(1, -9, "DecimalSI")], ["0.00000012345", dec(124, -9, "DecimalSI")], ["0.00000012354", dec(124, -9, "DecimalSI")],
  ["9Ei", dec(MAX, 0, "BinarySI")], ["9223372036854775807Ki", dec(MAX, 0, "BinarySI")], ["12E", dec(12, 18, "DecimalSI")],
  // Fractional binary amounts.
  ["100.035Ki", dec(10243584, -2, "BinarySI")], ["0.5Mi", dec(0.5 * 2 ** 20, 0, "BinarySI")],
  ["0.05Gi", dec(536870912, -1, "BinarySI")], ["0.025Ti", dec(274877906944, -1, "BinarySI")],
  // "Things written by trolls".
  ["0.000000000001Ki", dec(2, -9, "DecimalSI")], [".001", dec(1, -3, "DecimalSI")], [".0001k", dec(100, -3, "DecimalSI")],
  ["1.", dec(1, 0, "DecimalSI")], ["1.G", dec(1, 9, "DecimalSI")],
];

describe("parseQuantity (TestQuantityParse)", () => {
  it.each(PARSE)("%s", (input, want) => {
    for (const [text, expected] of [[input, want], [`+${input}`, want], [`-${input}`, neg(want)]] as const) {
      const got = must(text);
      expect(cmp(got, expected), `${text} = ${formatQuantity(got)}`).toBe(0);
      expect(got.format, text).toBe(expected.format);
    }
  });

  it.each(["1.1.M", "1+1.0M", "0.1mi", "0.1am", "aoeu", ".5i", "1i", "-3.01i", "-3.01e-", " 1", "1 ", ""])("rejects %j", (input) => {
    expect(isQuantityError(parseQuantity(input))).toBe(true);
  });

  it.each([
    ["", ERR_FORMAT_WRONG], [" 1", ERR_FORMAT_WRONG], ["1.5.5", ERR_FORMAT_WRONG], ["abc", ERR_FORMAT_WRONG],
    ["1K", ERR_SUFFIX], ["0.1mi", ERR_SUFFIX], ["1e", ERR_SUFFIX], ["1e99999999999999999999", ERR_SUFFIX],
    [".e-10", ERR_NUMERIC],
  ])("%j fails with Kubernetes' message", (input, message) => {
    const q = parseQuantity(input);
    expect(isQuantityError(q) && q.message).toBe(message);
  });

  it("words the format error with the upstream regular expression", () => {
    expect(ERR_FORMAT_WRONG).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  });
});

// TestQuantityString: [quantity, canonical text, an alternate spelling that prints canonically].
const STRING: Array<[Quantity, string, string]> = [
  [dec(2 ** 30, 0, "BinarySI"), "1Gi", "1024Mi"], [dec(300 * 2 ** 20, 0, "BinarySI"), "300Mi", "307200Ki"],
  [dec(6 * 1024, 0, "BinarySI"), "6Ki", ""], [dec(1001 * 2 ** 30, 0, "BinarySI"), "1001Gi", "1025024Mi"],
  [dec(2 ** 40, 0, "BinarySI"), "1Ti", "1024Gi"], [dec(5, 0, "BinarySI"), "5", "5000m"], [dec(500, -3, "BinarySI"), "500m", "0.5"],
  [dec(1, 9, "DecimalSI"), "1G", "1000M"], [dec(1000, 6, "DecimalSI"), "1G", "0.001T"], [dec(1000000, 3, "DecimalSI"), "1G", ""],
  [dec(1000000000, 0, "DecimalSI"), "1G", ""], [dec(1, -3, "DecimalSI"), "1m", "1000u"], [dec(80, -3, "DecimalSI"), "80m", ""],
  [dec(1080, -3, "DecimalSI"), "1080m", "1.08"], [dec(108, -2, "DecimalSI"), "1080m", "1080000000n"],
  [dec(10800, -4, "DecimalSI"), "1080m", ""], [dec(300, 6, "DecimalSI"), "300M", ""], [dec(1, 12, "DecimalSI"), "1T", ""],
  [dec(1234567, 6, "DecimalSI"), "1234567M", ""], [dec(1234567, -3, "BinarySI"), "1234567m", ""], [dec(3, 3, "DecimalSI"), "3k", ""],
  [dec(1025, 0, "BinarySI"), "1025", ""], [dec(0, 0, "DecimalSI"), "0", ""], [dec(0, 0, "BinarySI"), "0", ""],
  [dec(1, 9, "DecimalExponent"), "1e9", ".001e12"], [dec(1, -3, "DecimalExponent"), "1e-3", "0.001e0"],
  [dec(1, -9, "DecimalExponent"), "1e-9", "1000e-12"], [dec(80, -3, "DecimalExponent"), "80e-3", ""],
  [dec(300, 6, "DecimalExponent"), "300e6", ""], [dec(1, 12, "DecimalExponent"), "1e12", ""], [dec(1, 3, "DecimalExponent"), "1e3", ""],
  [dec(3, 3, "DecimalExponent"), "3e3", ""], [dec(0, 0, "DecimalExponent"), "0", "00"], [dec(1, -9, "DecimalSI"), "1n", ""],
  [dec(80, -9, "DecimalSI"), "80n", ""], [dec(1080, -9, "DecimalSI"), "1080n", ""], [dec(108, -8, "DecimalSI"), "1080n", ""],
  [dec(10800, -10, "DecimalSI"), "1080n", ""], [dec(1, -6, "DecimalSI"), "1u", ""], [dec(80, -6, "DecimalSI"), "80u", ""],
  [dec(1080, -6, "DecimalSI"), "1080u", ""],
];

describe("formatQuantity (TestQuantityString, CanonicalizeBytes)", () => {
  it.each(STRING)("%#: %s", (q, canonical, alternate) => {
    expect(formatQuantity(q)).toBe(canonical);
    if (q.unscaled !== 0n) expect(formatQuantity(neg(q))).toBe(`-${canonical}`);
    const parsed = must(canonical);
    expect(parsed.text, "a canonical input is kept verbatim").toBe(canonical);
    if (alternate) {
      const alt = must(alternate);
      expect(alt.text).toBeUndefined();
      expect(formatQuantity(alt)).toBe(canonical);
    }
  });

  // TestQuantityParseEmit, with the negated forms.
  it.each([
    ["1Ki", "1Ki"], ["1Mi", "1Mi"], ["1Gi", "1Gi"], ["1024Mi", "1Gi"], ["1000M", "1G"], [".001Ki", "1024m"],
    [".000001Ki", "1024u"], [".000000001Ki", "1024n"], [".000000000001Ki", "2n"],
  ])("%s prints as %s", (input, out) => {
    expect(formatQuantity(must(input))).toBe(out);
    expect(formatQuantity(must(`-${input}`))).toBe(`-${out}`);
  });

  it.each([
    ["1500m", "1500m"], ["1.5", "1500m"], ["0.5Gi", "512Mi"], ["1.5Gi", "1536Mi"], ["250m", "250m"], ["128M", "128M"],
    ["128974848", "128974848"], ["123Mi", "123Mi"], ["1e3", "1e3"], ["129e6", "129e6"], ["12E6", "12E6"], ["1e4", "10e3"],
    ["1.5Ki", "1536"], ["1.1Ki", "1126400m"], ["2000m", "2"], ["0.1", "100m"], ["1000Ki", "1000Ki"], ["1024Ki", "1Mi"],
    // Upstream keeps a canonical-looking input verbatim, sign and leading zeros included.
    ["+1", "+1"], ["01", "01"], ["+1Ki", "+1Ki"], ["+1Ei", "1Ei"], ["-0", "0"],
    // Past the E suffix Kubernetes has no suffix to print and emits the bare mantissa.
    ["100E", "100E"], ["1000E", "1"],
    // Capped at 2^63-1 and printed without a binary suffix (it has no factor of 1024).
    ["16Ei", "9223372036854775807"], ["100000000000000000000Ki", "9223372036854775807"],
    [`1${"0".repeat(40)}Ki`, "9223372036854775807"], ["-16Ei", "-9223372036854775807"],
    // Huge exponents stay symbolic: nothing is expanded digit by digit.
    ["1e2147483647", "10e2147483646"], ["1e-999999999", "1e-9"], ["0.0000000000001", "1n"],
  ])("%s → %s", (input, out) => {
    expect(formatQuantity(must(input))).toBe(out);
  });

  it("reads numbers as their JSON text", () => {
    expect(formatQuantity(must(0.5))).toBe("500m");
    expect(formatQuantity(must(2))).toBe("2");
    expect(isQuantityError(parseQuantity(Number.NaN))).toBe(true);
  });
});

describe("value and milliValue (Value, MilliValue, ScaledValue)", () => {
  // TestScaledValue: NewScaledQuantity(1, from).ScaledValue(to).
  it.each([
    [-9, -9, 1], [-9, -6, 1], [-9, -3, 1], [-9, 0, 1], [-6, -9, 1000], [-6, -6, 1], [-6, -3, 1], [-6, 0, 1],
    [-3, -9, 1000000], [-3, -6, 1000], [-3, -3, 1], [-3, 0, 1], [0, -9, 1e9], [0, -6, 1e6], [0, -3, 1000], [0, 0, 1], [2, -2, 10000],
  ])("1e%i at scale %i is %i", (from, to, want) => {
    expect(scaledValue(newScaledQuantity(1, from), to)).toBe(want);
  });

  it.each([
    ["100m", 100, 1], ["1", 1000, 1], ["1.5", 1500, 2], ["-1.5", -1500, -2], ["0.1m", 1, 1], ["128Mi", 134217728000, 134217728],
    ["1.5Gi", 1610612736000, 1610612736], ["9.01", 9010, 10], ["0.0001Ki", 103, 1], ["1234567890123", 1234567890123000, 1234567890123],
    // Past the int64 range MilliValue saturates, as AsScaledInt64 does.
    ["12345678901234567", 9223372036854775807, 12345678901234567],
    ["1e30", 9223372036854775807, 9223372036854775807], ["-1e30", -9223372036854775808, -9223372036854775808],
  ])("%s: milli %d, value %d", (input, milli, v) => {
    const q = must(input);
    expect(milliValue(q)).toBe(milli);
    expect(value(q)).toBe(v);
  });

  it("cpuMillis and memoryBytes read manifest values", () => {
    expect(cpuMillis(undefined)).toBe(0);
    expect(cpuMillis("250m")).toBe(250);
    expect(cpuMillis(0.1)).toBe(100);
    expect(cpuMillis(2)).toBe(2000);
    expect(cpuMillis(" 500m ")).toBe(500);
    expect(cpuMillis("1.5")).toBe(1500);
    expect(cpuMillis("banana")).toBe(0);
    expect(memoryBytes(undefined)).toBe(0);
    expect(memoryBytes("128Mi")).toBe(134217728);
    expect(memoryBytes("1G")).toBe(1e9);
    expect(memoryBytes(1024)).toBe(1024);
    expect(memoryBytes("0.5")).toBe(1);
  });

  it("decodeQuantity mirrors UnmarshalJSON", () => {
    expect(formatQuantity(decodeQuantity(" 1 ") as Quantity)).toBe("1");
    expect(decodeQuantity(null)).toMatchObject({ unscaled: 0n });
    expect(isQuantityError(decodeQuantity(true))).toBe(true);
    expect(isQuantityError(decodeQuantity({}))).toBe(true);
  });
});

describe("arithmetic (Add, Sub, Cmp)", () => {
  it("is exact", () => {
    expect(formatQuantity(add(must("0.1"), must("0.2")))).toBe("300m");
    expect(cmp(add(must("0.1"), must("0.2")), must("0.3"))).toBe(0);
    expect(formatQuantity(sub(must("1"), must("1m")))).toBe("999m");
    expect(formatQuantity(add(must("1Gi"), must("512Mi")))).toBe("1536Mi");
  });

  // TestQuantityCmp and TestQuantityCmpInt64AndDec.
  it.each([
    ["0", "0", 0], ["100m", "50m", 1], ["50m", "100m", -1], ["10000T", "100Gi", 1], ["9.01", "9.01", 0], ["9", "9.01", -1],
    ["800m", "1", -1], ["800m", "790m", 1], ["1e100", "1e99", 1], ["-1e100", "1", -1], ["1e-9", "0", 1], ["1Ki", "1024", 0],
  ])("cmp(%s, %s) = %i", (a, b, want) => {
    expect(cmp(must(a), must(b))).toBe(want);
    expect(cmp(must(b), must(a))).toBe(want === 0 ? 0 : -want);
  });

  // TestAdd / TestSub: the format of the result, and a zero left operand taking the right one's.
  it.each([
    [dec(10, 0, "DecimalSI"), dec(1, 1, "DecimalSI"), "20", "0"],
    [dec(10, 0, "DecimalSI"), dec(1, 0, "BinarySI"), "11", "9"],
    [dec(10, 0, "BinarySI"), dec(1, 0, "DecimalSI"), "11", "9"],
    [dec(0, 0, "DecimalSI"), dec(50, 0, "DecimalSI"), "50", "-50"],
    [dec(50, 0, "DecimalSI"), dec(0, 0, "DecimalSI"), "50", "50"],
  ])("%#", (a, b, sum, diff) => {
    expect(formatQuantity(add(a, b))).toBe(sum);
    expect(formatQuantity(sub(a, b))).toBe(diff);
  });

  // TestQuantityAddZeroPreservesSuffix / TestQuantitySubZeroPreservesSuffix.
  it.each(["100m", "1Gi"])("adding zero keeps %s", (v) => {
    expect(formatQuantity(add(must(v), must("0")))).toBe(v);
    expect(formatQuantity(add(must("0"), must(v)))).toBe(v);
    expect(formatQuantity(sub(must("0"), must(v)))).toBe(`-${v}`);
  });

  it("keeps absurdly distant operands bounded", () => {
    expect(formatQuantity(add(must("1e999999"), must("1")))).toBe("1e999999");
  });
});

describe("constructors (TestNewSet, TestMilliNewSet)", () => {
  it.each([
    [1, "DecimalSI", "1"], [1000, "DecimalSI", "1k"], [1234000, "DecimalSI", "1234k"], [1024, "BinarySI", "1Ki"],
    [1024 * 1024, "BinarySI", "1Mi"],
  ] as const)("newQuantity(%i, %s) = %s", (v, f, want) => {
    expect(formatQuantity(newQuantity(v, f))).toBe(want);
    expect(value(must(want))).toBe(v);
  });

  it.each([
    [1, "DecimalSI", "1m"], [1000, "DecimalSI", "1"], [1234000, "DecimalSI", "1234"], [1024, "BinarySI", "1024m"],
    [1024 * 1024, "BinarySI", "1048576m"],
  ] as const)("newMilliQuantity(%i, %s) = %s", (v, f, want) => {
    expect(formatQuantity(newMilliQuantity(v, f))).toBe(want);
  });
});
