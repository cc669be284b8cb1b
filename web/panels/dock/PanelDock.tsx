import { t } from "../../i18n";
import { useApp } from "../../state/store";
import { PANELS } from "./panels";
import "./dock.css";

/** The right-hand dock: one tab per registered panel (web/panels/dock/panels.tsx). */
export function PanelDock() {
  const active = useApp((s) => s.layout.panel);
  const setPanel = useApp((s) => s.setPanel);
  const current = PANELS.find((p) => p.id === active) ?? PANELS[0]!;
  return (
    <section className="kp-dock card" aria-label={t("dock.label")}>
      <div className="kp-dock-tabs" role="tablist">
        {PANELS.map((p) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            id={`dock-tab-${p.id}`}
            aria-selected={p.id === current.id}
            aria-controls={`dock-panel-${p.id}`}
            className={p.id === current.id ? "is-active" : ""}
            onClick={() => setPanel(p.id)}
            data-testid={`dock-tab-${p.id}`}
          >
            {t(p.label)}
          </button>
        ))}
      </div>
      <div className="kp-dock-body" role="tabpanel" id={`dock-panel-${current.id}`} aria-labelledby={`dock-tab-${current.id}`}>
        {current.render()}
      </div>
    </section>
  );
}
