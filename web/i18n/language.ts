/**
 * The page's language: English or Korean, switchable at any time and remembered in this browser
 * (a preference of the person, so share links do not carry it). Until one is chosen, a browser
 * set to Korean gets Korean. Switching re-renders the app (LocaleRoot keys it by locale).
 */
import { useStore } from "zustand";
import { createStore } from "zustand/vanilla";
import type { KeyValueStore } from "../share/autosave";
import { CATALOGUES, setLocale, type Locale } from "./index";

export const LOCALE_KEY = "kubeplay.locale";

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && Object.prototype.hasOwnProperty.call(CATALOGUES, v);
}

/** The stored choice, else the browser's language when we have it, else English. */
export function initialLocale(storage: KeyValueStore | undefined, browserLanguages: readonly string[]): Locale {
  try {
    const stored = storage?.getItem(LOCALE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage disabled: fall through to the browser's language.
  }
  return browserLanguages.some((l) => l.toLowerCase().startsWith("ko")) ? "ko" : "en";
}

export const languageStore = createStore<{ locale: Locale }>()(() => ({ locale: "en" }));

function storage(): KeyValueStore | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function activate(locale: Locale): void {
  setLocale(locale);
  if (typeof document !== "undefined") document.documentElement.lang = locale;
  languageStore.setState({ locale });
}

/** Called once at start-up, before the first render. */
export function initLanguage(): void {
  activate(initialLocale(storage(), typeof navigator === "undefined" ? [] : navigator.languages ?? [navigator.language]));
}

export function setLanguage(locale: Locale): void {
  try {
    storage()?.setItem(LOCALE_KEY, locale);
  } catch {
    // Not remembered, but switched.
  }
  activate(locale);
}

export function useLocale(): Locale {
  return useStore(languageStore, (s) => s.locale);
}
