import { describe, expect, it } from "vitest";
import { parseFlags } from "./flags";
import { tokenize } from "./tokenize";

describe("tokenize", () => {
  const cases: Array<[string, string[] | string]> = [
    ["scale deploy web --replicas=3", ["scale", "deploy", "web", "--replicas=3"]],
    ["  set   image deployment/web\tweb=nginx:1.27 ", ["set", "image", "deployment/web", "web=nginx:1.27"]],
    [`annotate deploy web 'kubernetes.io/change-cause=image 1.27'`, ["annotate", "deploy", "web", "kubernetes.io/change-cause=image 1.27"]],
    [`x "a \\"quoted\\" word" b`, ["x", `a "quoted" word`, "b"]],
    [`x "keep \\n as is"`, ["x", "keep \\n as is"]],
    [`x a\\ b`, ["x", "a b"]],
    [`x ''`, ["x", ""]],
    [`x 'open`, "unterminated single quote"],
    [`x "open`, "unterminated double quote"],
  ];
  it.each(cases)("%s", (line, want) => {
    const res = tokenize(line);
    if (typeof want === "string") expect(res).toEqual({ ok: false, error: want });
    else expect(res).toEqual({ ok: true, argv: want });
  });
});

describe("parseFlags", () => {
  const spec = { replicas: { type: "int" as const, required: true }, all: { type: "bool" as const }, selector: { type: "string" as const, short: "l" }, cascade: { type: "string" as const, noOptDefault: "background" } };
  const cases: Array<{ argv: string[]; flags?: Record<string, unknown>; positionals?: string[]; error?: string }> = [
    { argv: ["deploy", "web", "--replicas=3"], flags: { replicas: 3 }, positionals: ["deploy", "web"] },
    { argv: ["--replicas", "3", "deploy/web", "-n", "prod"], flags: { replicas: 3, namespace: "prod" }, positionals: ["deploy/web"] },
    { argv: ["--replicas=0", "-lapp=web", "--all"], flags: { replicas: 0, selector: "app=web", all: true }, positionals: [] },
    { argv: ["--replicas=1", "--all=false", "--cascade", "x"], flags: { replicas: 1, all: false, cascade: "background" }, positionals: ["x"] },
    { argv: ["--replicas=1", "--", "--not-a-flag"], flags: { replicas: 1 }, positionals: ["--not-a-flag"] },
    { argv: ["deploy", "web"], error: `required flag(s) "replicas" not set` },
    { argv: ["--replicas=x"], error: `invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax` },
    { argv: ["--replicas=1", "--foo"], error: "unknown flag: --foo" },
    { argv: ["--replicas=1", "-x"], error: "unknown shorthand flag: 'x' in -x" },
    { argv: ["--replicas"], error: "flag needs an argument: --replicas" },
  ];
  it.each(cases)("$argv", ({ argv, flags, positionals, error }) => {
    const res = parseFlags(argv, spec);
    if (error) expect(res).toEqual({ ok: false, error });
    else expect(res).toEqual({ ok: true, flags, positionals });
  });
});
