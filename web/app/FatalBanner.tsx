import { t } from "../i18n";
import { useApp } from "../state/store";

/** Shown when the engine reported a bug: the message, and a way out. */
export function FatalBanner() {
  const engine = useApp((s) => s.engine);
  if (engine.state !== "fatal") return null;
  return (
    <div className="fatal" role="alert" data-testid="fatal">
      <div className="fatal-text">
        <strong>{t("app.fatal.title")}</strong>
        <pre>{engine.message}</pre>
      </div>
      <button type="button" className="btn" onClick={() => window.location.reload()}>{t("app.fatal.reload")}</button>
    </div>
  );
}
