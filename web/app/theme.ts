/**
 * Light and dark themes. The learner's choice is kept in this browser; until they choose, the page
 * follows the system setting. The theme is a preference of the person, not of the workspace, so
 * share links do not carry it. The active theme is `data-theme` on <html>; styles.css maps it to
 * colours, and the editor picks its matching Monaco theme.
 */
import { useStore } from "zustand";
import { createStore } from "zustand/vanilla";
import type { KeyValueStore } from "../share/autosave";

export type Theme = "light" | "dark";
export type ThemePreference = Theme | "system";

export const THEME_KEY = "kubeplay.theme";

export function resolveTheme(preference: ThemePreference, systemDark: boolean): Theme {
  return preference === "system" ? (systemDark ? "dark" : "light") : preference;
}

export function readPreference(storage: KeyValueStore | undefined): ThemePreference {
  try {
    const v = storage?.getItem(THEME_KEY);
    return v === "light" || v === "dark" ? v : "system";
  } catch {
    return "system";
  }
}

interface ThemeState {
  preference: ThemePreference;
  systemDark: boolean;
  theme: Theme;
}

/** The page's theme; written only by the functions below. */
export const themeStore = createStore<ThemeState>()(() => ({ preference: "system", systemDark: false, theme: "light" }));

export function useTheme(): Theme {
  return useStore(themeStore, (s) => s.theme);
}

function update(preference: ThemePreference, systemDark: boolean): void {
  const theme = resolveTheme(preference, systemDark);
  themeStore.setState({ preference, systemDark, theme });
  if (typeof document !== "undefined") {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }
}

/** Reads the preference and the system setting, applies the theme and follows system changes. */
export function startTheme(storage: KeyValueStore | undefined): void {
  const media = typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : undefined;
  update(readPreference(storage), media?.matches ?? false);
  media?.addEventListener("change", (e) => update(themeStore.getState().preference, e.matches));
  themeStorage = storage;
}

let themeStorage: KeyValueStore | undefined;

/** The toggle: the other theme, remembered from now on. */
export function toggleTheme(): void {
  const next: Theme = themeStore.getState().theme === "dark" ? "light" : "dark";
  try {
    themeStorage?.setItem(THEME_KEY, next);
  } catch {
    // Not remembered; the page still switches.
  }
  update(next, themeStore.getState().systemDark);
}
