/**
 * String lookup for the UI. Every string a component shows comes from a catalogue by key. English
 * (en.ts) is the reference; another language is one more file whose catalogue has the same keys
 * and the same `{param}` placeholders (checkCatalogue in check.ts says what is missing), added to
 * CATALOGUES below.
 */
import { en, type Catalogue, type MessageKey } from "./en";
import { ko } from "./ko";

export type { Catalogue, MessageKey };

export const CATALOGUES = { en, ko } as const satisfies Record<string, Catalogue>;
export type Locale = keyof typeof CATALOGUES;

let catalogue: Catalogue = en;
let current: Locale = "en";

/** Switches the active language; components read strings when they render. */
export function setLocale(locale: Locale): void {
  catalogue = CATALOGUES[locale];
  current = locale;
}

export function locale(): Locale {
  return current;
}

/** Switches to a catalogue directly (tests, a language being written). */
export function setCatalogue(c: Catalogue): void {
  catalogue = c;
}

/** The string for `key` with `{param}` placeholders filled in. Unknown params stay visible. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = catalogue[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
