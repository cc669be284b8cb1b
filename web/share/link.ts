/**
 * The share-link format: `#v1:` followed by the workspace as JSON, DEFLATE-compressed (fflate, raw
 * deflate) and base64url-encoded, so a link survives chat apps and needs no escaping. The version
 * prefix is the format's contract: a new format gets a new prefix and old links keep opening
 * (mermaid-live-editor's `pako:` links work the same way). Autosave stores the same string.
 *
 * Decoding never throws: a link from a newer Kubeplay, or one cut short or altered on the way, is a
 * typed result the page explains while it keeps working.
 */
import { deflateSync, inflateSync, strToU8 } from "fflate";
import { compactWorkspace, parseWorkspace, type Workspace } from "./workspace";

export const LINK_VERSION = 1;
const PREFIX = `v${LINK_VERSION}:`;

/** Decompressed JSON beyond this is refused: a small link must not unpack into a huge one. */
export const MAX_DECODED_BYTES = 4 * 1024 * 1024;

export type LinkResult =
  /** No workspace in the hash. */
  | { kind: "none" }
  | { kind: "ok"; workspace: Workspace }
  /** Made by a newer Kubeplay, whose format this page cannot read. */
  | { kind: "future"; version: number }
  /** Not a workspace: cut short, altered, or not a Kubeplay link. `detail` says what failed. */
  | { kind: "damaged"; detail: string };

/** The workspace as the part of a URL after `#`. */
export function encodeWorkspace(ws: Workspace): string {
  return PREFIX + toBase64Url(deflateSync(strToU8(JSON.stringify(compactWorkspace(ws))), { level: 9 }));
}

/** Reads a location hash ("#v1:…", with or without the "#"). */
export function decodeWorkspace(hash: string): LinkResult {
  const body = hash.startsWith("#") ? hash.slice(1) : hash;
  if (body.trim() === "") return { kind: "none" };
  const m = /^v(\d{1,6}):/.exec(body);
  if (!m) return { kind: "damaged", detail: "the link does not start with a Kubeplay version prefix" };
  const version = Number(m[1]);
  if (version > LINK_VERSION) return { kind: "future", version };
  if (version !== LINK_VERSION) return { kind: "damaged", detail: `unknown link version ${version}` };

  const data = body.slice(m[0].length);
  if (!/^[\w+/=\s-]*$/.test(data)) return { kind: "damaged", detail: "the link holds characters that base64url does not use" };
  const bytes = fromBase64Url(data);
  if (!bytes) return { kind: "damaged", detail: "the link is cut short" };
  const json = inflate(bytes);
  if (typeof json !== "string") return { kind: "damaged", detail: json.problem };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { kind: "damaged", detail: "the unpacked link is not JSON" };
  }
  const parsed = parseWorkspace(value);
  return parsed.ok ? { kind: "ok", workspace: parsed.value } : { kind: "damaged", detail: parsed.problem };
}

/** The page's address with the workspace in its hash. */
export function shareUrl(pageUrl: string, ws: Workspace): string {
  const base = pageUrl.split("#")[0] ?? pageUrl;
  return `${base}#${encodeWorkspace(ws)}`;
}

function inflate(bytes: Uint8Array): string | { problem: string } {
  let raw: Uint8Array;
  try {
    // The output buffer caps the size: a longer result is cut to one byte past the limit.
    raw = inflateSync(bytes, { out: new Uint8Array(MAX_DECODED_BYTES + 1) });
  } catch {
    return { problem: "the link's compressed data is cut short or altered" };
  }
  if (raw.length > MAX_DECODED_BYTES) return { problem: `the unpacked link is larger than ${MAX_DECODED_BYTES / 1024 / 1024} MiB` };
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch {
    return { problem: "the unpacked link is not UTF-8 text" };
  }
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/** Standard base64's "+" and "/" are read too: a tool on the way may have converted the link. */
const INDEX = new Map([...[...ALPHABET].map((c, i): [string, number] => [c, i]), ["+", 62], ["/", 63]]);

/** base64url without padding (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** Bytes of a base64url string (padding and whitespace tolerated); undefined when it is not one. */
export function fromBase64Url(s: string): Uint8Array | undefined {
  const clean = s.replace(/[\s=]+$/g, "").replace(/\s+/g, "");
  if (clean.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((clean.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (const c of clean) {
    const v = INDEX.get(c);
    if (v === undefined) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}
