/**
 * Flag parsing as cobra/pflag does it for kubectl: `--name=value`, `--name value`, `-n value`,
 * `-nvalue`, `-n=value`, boolean `--flag` / `--flag=false`, `--` ending the flags, flags anywhere
 * among the positional arguments. Errors carry pflag's wording ("unknown flag: --foo").
 */

export type FlagType = "string" | "bool" | "int";

export interface FlagDef {
  type: FlagType;
  short?: string;
  /** Flags like --replicas that must be given (cobra MarkFlagRequired). */
  required?: boolean;
  /** pflag NoOptDefVal: the value of a bare `--flag` (which then takes no following argument). */
  noOptDefault?: string;
}

export type FlagSpec = Readonly<Record<string, FlagDef>>;
export type FlagValues = Record<string, string | boolean | number>;

export type ParsedArgs = { ok: true; flags: FlagValues; positionals: string[] } | { ok: false; error: string };

/** Flags every command here accepts (kubectl's global flags that matter in the playground). */
export const GLOBAL_FLAGS: FlagSpec = {
  namespace: { type: "string", short: "n" },
};

function setValue(flags: FlagValues, name: string, def: FlagDef, raw: string, display: string): string | undefined {
  if (def.type === "string") {
    flags[name] = raw;
    return undefined;
  }
  if (def.type === "bool") {
    const v = raw.toLowerCase();
    if (["true", "1", "t"].includes(v)) flags[name] = true;
    else if (["false", "0", "f"].includes(v)) flags[name] = false;
    else return `invalid argument "${raw}" for "${display}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`;
    return undefined;
  }
  if (!/^[+-]?\d+$/.test(raw)) return `invalid argument "${raw}" for "${display}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`;
  flags[name] = Number(raw);
  return undefined;
}

export function parseFlags(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const all: Record<string, FlagDef> = { ...GLOBAL_FLAGS, ...spec };
  const byShort = new Map<string, string>();
  for (const [name, def] of Object.entries(all)) if (def.short) byShort.set(def.short, name);
  const flags: FlagValues = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const def = all[name];
      if (!def) return { ok: false, error: `unknown flag: --${name}` };
      let raw: string;
      if (eq >= 0) raw = a.slice(eq + 1);
      else if (def.type === "bool") raw = "true";
      else if (def.noOptDefault !== undefined) raw = def.noOptDefault;
      else if (i + 1 < argv.length) raw = argv[++i]!;
      else return { ok: false, error: `flag needs an argument: --${name}` };
      const err = setValue(flags, name, def, raw, `--${name}`);
      if (err) return { ok: false, error: err };
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      const letter = a[1]!;
      const name = byShort.get(letter);
      if (!name) return { ok: false, error: `unknown shorthand flag: '${letter}' in ${a}` };
      const def = all[name]!;
      let raw: string;
      if (a.length > 2) raw = a[2] === "=" ? a.slice(3) : a.slice(2);
      else if (def.type === "bool") raw = "true";
      else if (i + 1 < argv.length) raw = argv[++i]!;
      else return { ok: false, error: `flag needs an argument: '${letter}' in -${letter}` };
      const err = setValue(flags, name, def, raw, `-${letter}, --${name}`);
      if (err) return { ok: false, error: err };
      continue;
    }
    positionals.push(a);
  }
  const missing = Object.entries(spec).filter(([n, d]) => d.required && flags[n] === undefined).map(([n]) => `"${n}"`);
  if (missing.length) return { ok: false, error: `required flag(s) ${missing.join(", ")} not set` };
  return { ok: true, flags, positionals };
}

export const str = (f: FlagValues, name: string): string | undefined => (typeof f[name] === "string" ? (f[name] as string) : undefined);
export const num = (f: FlagValues, name: string): number | undefined => (typeof f[name] === "number" ? (f[name] as number) : undefined);
export const bool = (f: FlagValues, name: string): boolean => f[name] === true;
