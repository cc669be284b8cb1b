import { describe, expect, it } from "vitest";
import type { LabelSelector } from "kubernetes-types/meta/v1";
import {
  compileSelector, EVERYTHING, formatLabelSelector, isSelectorError, NOTHING, parseSelector, selectorFromSet,
  validateLabelKey, validateLabelSelector, validateLabelValue, type Selector,
} from "./selector";

function must(s: Selector | ReturnType<typeof parseSelector>): Selector {
  if (isSelectorError(s)) throw new Error(s.message);
  return s;
}
const parsed = (text: string): Selector => must(parseSelector(text));

const KEY_RE = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const NAME_PART_REGEX = `name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '${KEY_RE}')`;
const VALUE_REGEX = `a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(${KEY_RE})?')`;

// Cases from k8s.io/apimachinery/pkg/api/validate/content/kube_test.go (TestIsLabelKey, TestIsLabelValue).
describe("validateLabelKey / validateLabelValue", () => {
  it.each([
    "simple", "now-with-dashes", "1-starts-with-num", "1234", "simple/simple", "now-with-dashes/simple",
    "now-with-dashes/now-with-dashes", "now.with.dots/simple", "now-with.dashes-and.dots/simple", "1-num.2-num/3-num",
    "1234/5678", "1.2.3.4/5678", "Uppercase_Is_OK_123", "example.com/Uppercase_Is_OK_123", "requests.storage-foo",
    "a".repeat(63), `${"a".repeat(253)}/${"b".repeat(63)}`,
  ])("key %s is valid", (k) => expect(validateLabelKey(k)).toEqual([]));

  it.each([
    "nospecialchars%^=@", "cantendwithadash-", "-cantstartwithadash-", "only/one/slash", "Example.com/abc", "example_com/abc",
    "example.com/", "/simple", "a".repeat(64), `${"a".repeat(254)}/abc`,
  ])("key %s is invalid", (k) => expect(validateLabelKey(k)).not.toEqual([]));

  it.each(["simple", "now-with-dashes", "1-starts-with-num", "end-with-num-1", "1234", "a".repeat(63), ""])(
    "value %j is valid", (v) => expect(validateLabelValue(v)).toEqual([]));

  it.each([
    "nospecialchars%^=@", "Tama-nui-te-rā.is.Māori.sun", "\\backslashes\\are\\bad", "-starts-with-dash", "ends-with-dash-",
    ".starts.with.dot", "ends.with.dot.", "a".repeat(64),
  ])("value %j is invalid", (v) => expect(validateLabelValue(v)).not.toEqual([]));

  it("words errors as Kubernetes does", () => {
    expect(validateLabelKey("a_")).toEqual([NAME_PART_REGEX]);
    expect(validateLabelKey("a".repeat(64))).toEqual(["name part must be no more than 63 bytes"]);
    expect(validateLabelKey("example.com/")).toEqual(["name part must be non-empty", NAME_PART_REGEX]);
    expect(validateLabelKey("/x")).toEqual(["prefix part must be non-empty"]);
    expect(validateLabelKey("Example.com/x")).toEqual([
      "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
    expect(validateLabelKey("a/b/c")).toEqual([
      `a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '${KEY_RE}') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ]);
    expect(validateLabelValue("-x")).toEqual([VALUE_REGEX]);
    expect(validateLabelValue("a".repeat(64))).toEqual(["must be no more than 63 bytes"]);
    // Go counts bytes: 32 two-byte characters are 64 bytes.
    expect(validateLabelValue("é".repeat(32))[0]).toBe("must be no more than 63 bytes");
  });

  it("stays fast on hostile input", () => {
    expect(validateLabelKey(`${"a-".repeat(50000)}!`).length).toBe(2);
  });
});

// Cases from k8s.io/apimachinery/pkg/labels/selector_test.go.
describe("parseSelector (labels.Parse)", () => {
  // TestSelectorParse: good strings print back without their spaces.
  it.each(["x=a,y=b,z=c", "", "x!=a,y=b", "x=", "x= ", "x=,z= ", "x= ,z= ", "!x", "x>1", "x>1,z<5"])("%j round-trips", (s) => {
    expect(parsed(s).toString()).toBe(s.replaceAll(" ", ""));
  });

  it.each(["x=a||y=b", "x==a==b", "!x=a", "x<a"])("%j is rejected", (s) => {
    expect(isSelectorError(parseSelector(s))).toBe(true);
  });

  it("sorts requirements by key (TestDeterministicParse)", () => {
    expect(parsed("x=a,a=x").toString()).toBe(parsed("a=x,x=a").toString());
    expect(parsed("app in (b,a),tier!=db,!legacy,env,x=y,x==y,z notin (q)").toString())
      .toBe("app in (a,b),env,!legacy,tier!=db,x=y,x==y,z notin (q)");
  });

  // TestSetSelectorParser: [input, printed form] for the valid ones, undefined for the invalid.
  it.each([
    ["", ""], ["\rx", "x"], ["this-is-a-dns.domain.com/key-with-dash", "this-is-a-dns.domain.com/key-with-dash"],
    ["this-is-another-dns.domain.com/key-with-dash in (so,what)", "this-is-another-dns.domain.com/key-with-dash in (so,what)"],
    ["0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)", "0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)"],
    ["foo  in\t (abc)", "foo in (abc)"], ["x notin\n (abc)", "x notin (abc)"], ["x  notin\t\t\t(abc,def)", "x notin (abc,def)"],
    ["x in (abc,def)", "x in (abc,def)"], ["x in (abc,)", "x in (,abc)"], ["x in ()", "x in ()"],
    ["x notin (abc,def),bar,z in (),w", "bar,w,x notin (abc,def),z in ()"], ["x,y in (a)", "x,y in (a)"],
    ["x=a", "x=a"], ["x>1", "x>1"], ["x<7", "x<7"], ["x=a,y!=b", "x=a,y!=b"], ["x=a,y!=b,z in (h,i,j)", "x=a,y!=b,z in (h,i,j)"],
    ["x notin ( )", "x notin ()"], ["x notin (, a)", "x notin (,a)"], ["a ", "a"],
    ["a in (x,y,notin, z,in)", "a in (in,notin,x,y,z)"], ["notin=in", "notin=in"], ["x,y", "x,y"],
    ["x=a||y=b", undefined], ["x,,y", undefined], [",x,y", undefined], ["x nott in (y)", undefined], ["a in (xyz),", undefined],
    ["a in (xyz)b notin ()", undefined], ["a in (xyz abc)", undefined], ["a notin(", undefined], ["a (", undefined],
    ["(", undefined],
  ])("%j", (input, printed) => {
    const s = parseSelector(input);
    if (printed === undefined) expect(isSelectorError(s)).toBe(true);
    else expect(must(s).toString()).toBe(printed);
  });

  it.each([
    ["x IN (a)", "unable to parse requirement: found 'IN', expected: in, notin, =, ==, !=, gt, lt"],
    ["x,", "found '', expected: identifier after ','"],
    [",", "found ',', expected: !, identifier, or 'end of string'"],
    ["x=a=b", "found '=', expected: ',' or 'end of string'"],
    ["x in (a", "unable to parse requirement: found '', expected: ',' or ')'"],
    ["x in a", "unable to parse requirement: found 'a' expected: '('"],
    ["x>a", `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`],
    ["x=a_", `unable to parse requirement: values[0][x]: Invalid value: "a_": ${VALUE_REGEX}`],
    ["a:", `unable to parse requirement: <nil>: Invalid value: "a:": ${NAME_PART_REGEX}`],
  ])("%j fails with %j", (input, message) => {
    const s = parseSelector(input);
    expect(isSelectorError(s) && s.message).toBe(message);
  });

  // TestSelectorMatches and TestRequirementSelectorMatching.
  it.each([
    ["", { x: "y" }, true], ["x=y", { x: "y" }, true], ["x=y,z=w", { x: "y", z: "w" }, true],
    ["x!=y,z!=w", { x: "z", z: "a" }, true], ["notin=in", { notin: "in" }, true], ["x", { x: "z" }, true],
    ["!x", { y: "z" }, true], ["x>1", { x: "2" }, true], ["x<1", { x: "0" }, true],
    ["x=z", {}, false], ["x=y", { x: "z" }, false], ["x=y,z=w", { x: "w", z: "w" }, false], ["x!=y,z!=w", { x: "z", z: "w" }, false],
    ["x", { y: "z" }, false], ["!x", { x: "z" }, false], ["x>1", { x: "0" }, false], ["x<1", { x: "2" }, false],
    ["foo=bar,baz=blah", { foo: "bar", baz: "blah" }, true], ["foo=bar,foobar=bar,baz=blah", { foo: "bar", baz: "blah" }, false],
    ["x in (foo),y notin (alpha)", { x: "foo", y: "baz" }, true], ["x in (foo),y in (alpha)", { x: "foo", y: "baz" }, false],
    ["x notin (),y", { y: "" }, true], ["!x,y", { y: "" }, true], ["x notin (),!y", { y: "" }, false],
    ["x in ()", { y: "baz" }, false], ["z>1", { z: "v2" }, false], ["z>1", { z: "+2" }, true],
    ["z<9223372036854775807", { z: "9223372036854775806" }, true], ["z>1", { z: "9223372036854775808" }, false],
    ["constructor", {}, false], ["!constructor", {}, true],
  ] as const)("%j matches %j: %s", (sel, labels, want) => {
    expect(parsed(sel).matches(labels)).toBe(want);
  });

  it("matches undefined labels as an empty set", () => {
    expect(parsed("!x").matches(undefined)).toBe(true);
    expect(parsed("x").matches(undefined)).toBe(false);
  });
});

describe("compileSelector (LabelSelectorAsSelector)", () => {
  it("selects nothing for a nil selector and everything for an empty one", () => {
    expect(compileSelector(undefined)).toBe(NOTHING);
    expect(compileSelector(null)).toBe(NOTHING);
    expect(NOTHING.matches({ a: "b" })).toBe(false);
    expect(NOTHING.empty).toBe(false);
    for (const sel of [{}, { matchLabels: {} }, { matchExpressions: [] }]) {
      const s = must(compileSelector(sel));
      expect(s.empty).toBe(true);
      expect(s.matches({ x: "y" })).toBe(true);
      expect(s.matches(undefined)).toBe(true);
    }
  });

  it.each([
    [{ matchLabels: { app: "web" } }, "app=web", { app: "web", x: "1" }, true],
    [{ matchLabels: { app: "web" } }, "app=web", { app: "db" }, false],
    [{ matchLabels: { tier: "fe", app: "web" } }, "app=web,tier=fe", { app: "web" }, false],
    [{ matchExpressions: [{ key: "env", operator: "In", values: ["prod", "dev"] }] }, "env in (dev,prod)", { env: "dev" }, true],
    [{ matchExpressions: [{ key: "env", operator: "NotIn", values: ["prod"] }] }, "env notin (prod)", {}, true],
    [{ matchExpressions: [{ key: "env", operator: "NotIn", values: ["prod"] }] }, "env notin (prod)", { env: "prod" }, false],
    [{ matchExpressions: [{ key: "gpu", operator: "Exists" }] }, "gpu", { gpu: "" }, true],
    [{ matchExpressions: [{ key: "gpu", operator: "DoesNotExist" }] }, "!gpu", { gpu: "" }, false],
    [{ matchLabels: { b: "1" }, matchExpressions: [{ key: "a", operator: "Exists" }] }, "a,b=1", { a: "x", b: "1" }, true],
  ] as Array<[LabelSelector, string, Record<string, string>, boolean]>)("%j", (sel, text, labels, want) => {
    const s = must(compileSelector(sel));
    expect(s.toString()).toBe(text);
    expect(s.matches(labels)).toBe(want);
  });

  it.each([
    [{ matchExpressions: [{ key: "k", operator: "In" }] },
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"],
    [{ matchExpressions: [{ key: "k", operator: "NotIn", values: [] }] },
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"],
    [{ matchExpressions: [{ key: "k", operator: "Exists", values: ["a"] }] },
      "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"],
    [{ matchExpressions: [{ key: "k", operator: "Equals", values: ["a"] }] },
      `spec.selector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator`],
    [{ matchLabels: { "a_": "x" } }, `spec.selector.matchLabels: Invalid value: "a_": ${NAME_PART_REGEX}`],
    [{ matchLabels: { a: "-x" } }, `spec.selector.matchLabels: Invalid value: "-x": ${VALUE_REGEX}`],
    [{ matchExpressions: [{ key: "k", operator: "In", values: ["ok", "-x"] }] },
      `spec.selector.matchExpressions[0].values[1]: Invalid value: "-x": ${VALUE_REGEX}`],
  ] as Array<[LabelSelector, string]>)("rejects %j naming the field", (sel, message) => {
    const s = compileSelector(sel, "spec.selector");
    expect(isSelectorError(s) && s.message).toBe(message);
    expect(validateLabelSelector(sel, "spec.selector")).toEqual([message]);
  });

  it("aggregates several errors as the API server does", () => {
    const s = compileSelector({ matchExpressions: [{ key: "a", operator: "In" }, { key: "b", operator: "Bad" }] });
    expect(isSelectorError(s) && s.message).toBe(
      "[matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn', " +
      `matchExpressions[1].operator: Invalid value: "Bad": not a valid selector operator]`);
  });

  it("caches frozen selectors by identity", () => {
    const sel = Object.freeze({ matchLabels: Object.freeze({ app: "web" }) });
    expect(compileSelector(sel)).toBe(compileSelector(sel));
  });

  it("formats for kubectl describe (FormatLabelSelector)", () => {
    expect(formatLabelSelector({ matchLabels: { app: "web" } })).toBe("app=web");
    expect(formatLabelSelector({})).toBe("<none>");
    expect(formatLabelSelector({ matchExpressions: [{ key: "k", operator: "In" }] })).toBe("<error>");
  });

  it("knows which value a selector pins (RequiresExactMatch)", () => {
    const s = must(compileSelector({ matchLabels: { app: "web" }, matchExpressions: [{ key: "t", operator: "In", values: ["a", "b"] }] }));
    expect(s.requiresExactMatch("app")).toBe("web");
    expect(s.requiresExactMatch("t")).toBeUndefined();
  });
});

describe("selectorFromSet (SelectorFromSet, TestSetMatches)", () => {
  const labels = { foo: "bar", baz: "blah" };
  it.each([[{}, true], [{ foo: "bar" }, true], [{ baz: "blah" }, true], [{ foo: "bar", baz: "blah" }, true], [{ foo: "blah" }, false]])(
    "%j matches: %s", (set, want) => expect(selectorFromSet(set).matches(labels)).toBe(want));

  it("treats an absent or empty map as everything", () => {
    expect(selectorFromSet(undefined)).toBe(EVERYTHING);
    expect(selectorFromSet({}).empty).toBe(true);
    expect(selectorFromSet({ b: "2", a: "1" }).toString()).toBe("a=1,b=2");
  });
});
