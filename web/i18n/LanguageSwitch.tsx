import { Fragment, type ReactNode } from "react";
import { t, type Locale } from "./index";
import { setLanguage, useLocale } from "./language";
import "./language.css";

/** The title bar's language menu: English / 한국어, each named in its own language. */
export function LanguageSwitch() {
  const locale = useLocale();
  return (
    <select
      className="kp-language"
      value={locale}
      onChange={(e) => setLanguage(e.target.value as Locale)}
      aria-label={t("language.label")}
      title={t("language.label")}
      data-testid="language"
    >
      <option value="en" lang="en">{t("language.en")}</option>
      <option value="ko" lang="ko">{t("language.ko")}</option>
    </select>
  );
}

/**
 * Re-renders everything below it in the new language: components read their strings when they
 * render, and memoised ones (canvas nodes) would keep the old ones, so the tree is keyed by locale.
 * State that must survive lives in stores, not in components.
 */
export function LocaleRoot({ children }: { children: ReactNode }) {
  const locale = useLocale();
  return <Fragment key={locale}>{children}</Fragment>;
}
