import { t } from "../i18n";
import { useApp } from "../state/store";
import { engineBadge } from "./engine-badge";

export function TitleBar() {
  const engine = useApp((s) => s.engine);
  const playing = useApp((s) => s.playback.playing);
  const badge = engineBadge(engine, playing);
  return (
    <header className="titlebar">
      <div className="brand">
        <Logo />
        <h1 className="brand-name">{t("app.title")}</h1>
        <span className="brand-tagline">{t("app.tagline")}</span>
      </div>
      <span className={`badge badge-${badge.tone}`} data-testid="engine-status">
        <span className="badge-dot" aria-hidden="true" />
        {badge.label}
      </span>
    </header>
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
