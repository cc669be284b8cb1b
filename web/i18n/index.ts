/**
 * String lookup for the UI. Every string a component shows comes from a catalogue by key; English
 * is the only catalogue today (Korean comes later and must define the same keys).
 */
import { en, type Catalogue, type MessageKey } from "./en";

export type { MessageKey };

let catalogue: Catalogue = en;

/** Switches the active catalogue (used when a second language lands). */
export function setCatalogue(c: Catalogue): void {
  catalogue = c;
}

/** The string for `key` with `{param}` placeholders filled in. Unknown params stay visible. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = catalogue[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
