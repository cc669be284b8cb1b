import { FatalBanner } from "./app/FatalBanner";
import { TitleBar } from "./app/TitleBar";
import { ClusterCanvas } from "./canvas/ClusterCanvas";
import { ScenarioEditor } from "./editor/ScenarioEditor";
import { t } from "./i18n";
import { PanelDock } from "./panels/dock/PanelDock";
import { Timeline } from "./panels/timeline/Timeline";
import "./layout.css";

/**
 * The layout shell (DESIGN §7): the scenario editor on the left, the cluster canvas in the middle,
 * the panels about the selection on the right, the timeline along the bottom.
 */
export function App() {
  return (
    <div className="kp-app">
      <TitleBar />
      <FatalBanner />
      <main className="kp-workspace">
        <div className="kp-col kp-col-editor">
          <ScenarioEditor />
        </div>
        <section className="kp-col kp-col-canvas card" aria-label={t("canvas.label")}>
          <ClusterCanvas />
        </section>
        <div className="kp-col kp-col-panels">
          <PanelDock />
        </div>
      </main>
      <Timeline />
    </div>
  );
}
