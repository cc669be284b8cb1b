import { useState } from "react";
import { t } from "../i18n";
import { LanguageSwitch } from "../i18n/LanguageSwitch";
import { PresentButton } from "../present/PresentButton";
import { useApp } from "../state/store";
import { engineBadge } from "./engine-badge";
import { HelpOverlay } from "./HelpOverlay";
import { ShareButton } from "./SharePopover";
import { toggleTheme, useTheme } from "./theme";
import { useShortcuts } from "./useShortcuts";
import { WorkspaceNotice } from "./WorkspaceNotice";

/**
 * The top of the page: the brand, the engine's state, Share, the theme toggle and help. It also
 * owns the page-wide parts of the shell: the keyboard shortcuts, the help dialog and the notices
 * about how the workspace opened (shown under the bar).
 */
export function TitleBar() {
  const engine = useApp((s) => s.engine);
  const playing = useApp((s) => s.playback.playing);
  const theme = useTheme();
  const [helpOpen, setHelpOpen] = useState(false);
  useShortcuts(helpOpen, setHelpOpen);
  const badge = engineBadge(engine, playing);
  return (
    <>
      <header className="titlebar">
        <div className="brand">
          <Logo />
          <h1 className="brand-name">{t("app.title")}</h1>
          <span className="brand-tagline">{t("app.tagline")}</span>
        </div>
        <div className="titlebar-actions" role="group" aria-label={t("app.actions")}>
          <span className={`badge badge-${badge.tone}`} data-testid="engine-status">
            <span className="badge-dot" aria-hidden="true" />
            {badge.label}
          </span>
          <ShareButton />
          <PresentButton />
          <LanguageSwitch />
          <button
            type="button"
            className="icon-btn icon-btn-bordered"
            onClick={toggleTheme}
            aria-label={theme === "dark" ? t("theme.toLight") : t("theme.toDark")}
            title={theme === "dark" ? t("theme.toLight") : t("theme.toDark")}
            data-testid="theme-toggle"
          >
            {theme === "dark" ? <SunIcon /> : <MoonIcon />}
          </button>
          <button type="button" className="icon-btn icon-btn-bordered" onClick={() => setHelpOpen(!helpOpen)} aria-label={t("help.button")} title={t("help.button")} data-testid="help-button">
            <span className="help-glyph" aria-hidden="true">?</span>
          </button>
        </div>
      </header>
      <WorkspaceNotice />
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
    </>
  );
}

function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
      <path d="M16 2.5 28 9.25v13.5L16 29.5 4 22.75V9.25z" fill="var(--accent)" />
      <path d="M13 10.5v11l9-5.5z" fill="#fff" />
    </svg>
  );
}

function MoonIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path d="M13.5 9.6A5.6 5.6 0 0 1 6.4 2.5a5.6 5.6 0 1 0 7.1 7.1z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}

function SunIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <circle cx="8" cy="8" r="3" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M8 1.5v1.6M8 12.9v1.6M1.5 8h1.6M12.9 8h1.6M3.4 3.4l1.1 1.1M11.5 11.5l1.1 1.1M3.4 12.6l1.1-1.1M11.5 4.5l1.1-1.1" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}
