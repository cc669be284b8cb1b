/** The title bar's engine badge: starting, running, paused or stopped. */
import { t } from "../i18n";
import type { EngineStatus } from "../state/store";

export interface Badge {
  label: string;
  tone: "neutral" | "ok" | "idle" | "error";
}

export function engineBadge(engine: EngineStatus, playing: boolean): Badge {
  switch (engine.state) {
    case "starting": return { label: t("app.connecting"), tone: "neutral" };
    case "fatal": return { label: t("app.fatal.title"), tone: "error" };
    case "ready": return playing ? { label: t("timeline.running"), tone: "ok" } : { label: t("timeline.paused"), tone: "idle" };
  }
}
