/**
 * The YAML side of the loader: splits a stream into documents with source positions, refuses
 * documents that would exhaust the stack or memory, turns a document into plain data, and maps a
 * field path back to the offset of its node.
 *
 * YAML 1.1 rules, as Kubernetes reads manifests (sigs.k8s.io/yaml on go-yaml v2): `yes`, `on`, `y`
 * are booleans and `0755` is octal; timestamps stay strings (JSON has no timestamp type).
 */
import { Composer, LineCounter, Parser, isAlias, isMap, isScalar, isSeq, type CST, type Document, type Node as YNode, type Tags } from "yaml";
import { LIMITS } from "./limits";
import type { PathSegment } from "./field";

export interface StreamDoc {
  /** Absent when the document was refused before composing (nesting too deep). */
  doc?: Document.Parsed;
  /** Offset of the document's first token, for errors about the document as a whole. */
  offset: number;
  tooDeep: boolean;
}

export interface Stream {
  lineCounter: LineCounter;
  docs: StreamDoc[];
}

const COMPOSER_OPTIONS = {
  version: "1.1" as const,
  uniqueKeys: true,
  // yaml would print "Keys with collection values will be stringified" to the console; such a
  // key ends up as an unknown field, which the schema reports where it is.
  logLevel: "error" as const,
  customTags: (tags: Tags): Tags =>
    tags.filter((t) => (typeof t === "string" ? t !== "timestamp" : t.tag !== "tag:yaml.org,2002:timestamp")),
};

/** Nesting depth of a document's CST, walked with an explicit stack (the CST itself may be deep). */
function cstDepth(token: CST.Token): number {
  let max = 0;
  const stack: Array<[CST.Token | undefined, number]> = [[token, 0]];
  while (stack.length > 0) {
    const [t, depth] = stack.pop()!;
    if (!t) continue;
    if (depth > max) max = depth;
    if (max > LIMITS.maxDepth) return max;
    if (t.type === "document") stack.push([t.value, depth]);
    else if (t.type === "block-map" || t.type === "block-seq" || t.type === "flow-collection") {
      for (const item of t.items) {
        if ("key" in item && item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
  return max;
}

/** Lines that start or end a document ("---" / "..."): a cheap lower bound on the document count. */
export function documentMarkers(text: string): { count: number; offsets: number[] } {
  let starts = 0;
  let ends = 0;
  const offsets: number[] = [];
  for (const m of text.matchAll(/^(---|\.\.\.)(?=[ \t\r\n]|$)/gm)) {
    if (m[1] === "---") { starts++; if (offsets.length <= LIMITS.maxDocuments) offsets.push(m.index); }
    else ends++;
  }
  return { count: Math.max(starts, ends), offsets };
}

/** Parses the stream into documents. The parser and the depth check never recurse. */
export function readStream(text: string): Stream {
  const lineCounter = new LineCounter();
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const composer = new Composer(COMPOSER_OPTIONS);
  const docs: StreamDoc[] = [];
  const composed: Document.Parsed[] = [];
  for (const token of tokens) {
    let fed: CST.Token = token;
    if (token.type === "document") {
      const tooDeep = cstDepth(token) > LIMITS.maxDepth;
      docs.push({ offset: token.offset, tooDeep });
      // A refused document is composed empty, so the composer keeps its one-per-token rhythm.
      if (tooDeep) fed = { ...token, value: undefined };
    }
    for (const d of composer.next(fed)) composed.push(d);
  }
  for (const d of composer.end(false, text.length)) composed.push(d);
  composed.forEach((d, i) => {
    const entry = docs[i];
    if (entry && !entry.tooDeep) entry.doc = d;
  });
  return { lineCounter, docs };
}

export type Plain = { ok: true; value: unknown } | { ok: false; message: string };

const TOO_DEEP = Symbol("too deep");

/** Drops null map values (the API server treats them as unset) and bounds the depth after aliases. */
function normalize(v: unknown, depth: number): unknown {
  if (depth > LIMITS.maxDepth) return TOO_DEEP;
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (const item of v) {
      const n = normalize(item, depth + 1);
      if (n === TOO_DEEP) return TOO_DEEP;
      out.push(n);
    }
    return out;
  }
  if (v instanceof Map) return normalize(Object.fromEntries([...v].map(([k, x]) => [String(k), x])), depth);
  if (v instanceof Set) return normalize([...v], depth);
  if (typeof v === "object" && v !== null) {
    if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return String(v);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (x === null || x === undefined) continue;
      const n = normalize(x, depth + 1);
      if (n === TOO_DEEP) return TOO_DEEP;
      out[k] = n;
    }
    return out;
  }
  if (typeof v === "bigint") return Number(v);
  return v;
}

/** The document as plain data, or why it cannot be read (alias bomb, dangling alias, depth). */
export function toPlain(doc: Document.Parsed): Plain {
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
  } catch (e) {
    // The yaml package reports alias problems by throwing; a stack overflow means absurd nesting.
    if (e instanceof RangeError) return { ok: false, message: `nesting deeper than ${LIMITS.maxDepth} levels` };
    const msg = e instanceof Error ? e.message : String(e);
    if (msg.startsWith("Excessive alias count")) {
      return { ok: false, message: `YAML aliases expand too much (more than ${LIMITS.maxAliasCount}); write the repeated parts out instead of using *aliases` };
    }
    return { ok: false, message: `YAML: ${msg}` };
  }
  const n = normalize(value, 0);
  if (n === TOO_DEEP) return { ok: false, message: `nesting deeper than ${LIMITS.maxDepth} levels (after expanding aliases)` };
  return { ok: true, value: n };
}

const start = (n: unknown): number | undefined => (n && typeof n === "object" && "range" in n ? (n as YNode).range?.[0] : undefined);

const isMergeKey = (key: unknown): boolean =>
  isScalar(key) && (key.value === "<<" || (typeof key.value === "symbol" && key.value.description === "<<"));

type Pair = { key: unknown; value: unknown };

/** The pair for `seg` in a mapping, following `<<` merge keys the way YAML merges them. */
function findPair(map: unknown, seg: PathSegment, doc: Document.Parsed, hops = 0): Pair | undefined {
  if (hops > 8) return undefined;
  const node = isAlias(map) ? map.resolve(doc) : map;
  if (!isMap(node)) return undefined;
  const items = node.items as Pair[];
  const direct = items.find((p) => isScalar(p.key) && !isMergeKey(p.key) && String(p.key.value) === String(seg));
  if (direct) return direct;
  for (const p of items) {
    if (!isMergeKey(p.key)) continue;
    const sources = isSeq(p.value) ? p.value.items : [p.value];
    for (const s of sources) {
      const found = findPair(s, seg, doc, hops + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The offset of the node a field path names: its value (or its key when `atKey`, or when the value
 * is empty). When the path leaves the document (a missing required field), the key of the deepest
 * existing parent, so the learner sees where the field belongs.
 */
export function locate(doc: Document.Parsed, segments: readonly PathSegment[], atKey: boolean): number {
  let node: unknown = doc.contents;
  let best = start(node) ?? doc.range[0];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = findPair(node, seg, doc);
      if (!pair) return best;
      const keyStart = start(pair.key);
      const emptyValue = pair.value === null || (isScalar(pair.value) && pair.value.value === null);
      if ((i === segments.length - 1 && atKey) || emptyValue) return keyStart ?? best;
      // A missing child of this value is reported at this key.
      best = keyStart ?? best;
      node = pair.value;
      if (i === segments.length - 1) return start(node) ?? best;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg];
      if (item === undefined) return best;
      node = item;
      best = start(item) ?? best;
    } else {
      return best;
    }
  }
  return best;
}

/** The scalar node at a path, for mapping positions inside a block scalar (an `apply:` manifest). */
export function scalarAt(doc: Document.Parsed, segments: readonly PathSegment[]): { offset: number; end: number; block: boolean } | undefined {
  let node: unknown = doc.contents;
  for (const seg of segments) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) node = findPair(node, seg, doc)?.value;
    else if (isSeq(node) && typeof seg === "number") node = node.items[seg];
    else return undefined;
  }
  if (!isScalar(node) || !node.range) return undefined;
  return { offset: node.range[0], end: node.range[1], block: node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED" };
}
