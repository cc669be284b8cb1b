import type { Deployment } from "kubernetes-types/apps/v1";
import type { UiAction } from "../../../src/protocol/messages";
import type { Kind, Stored } from "../../../src/api/types";
import { useEngine } from "../../engine/context";
import { t, type MessageKey } from "../../i18n";
import type { SelectedRef } from "../../state/selection";
import { actionsFor, type InspectorAction } from "./inspector";

const LABEL: Record<InspectorAction["id"], MessageKey> = {
  "node-down": "actions.nodeDown",
  "node-up": "actions.nodeUp",
  cordon: "actions.cordon",
  uncordon: "actions.uncordon",
  drain: "actions.drain",
  delete: "actions.delete",
  "scale-up": "actions.scaleUp",
  "scale-down": "actions.scaleDown",
};

/** Buttons that act on the selected object, as the scenario's actions timeline does. */
export function Actions({ selection, obj }: { selection: SelectedRef; obj: Stored<Kind> }) {
  const engine = useEngine();
  const replicas = (obj as Deployment).spec?.replicas ?? 1;
  const run = (id: InspectorAction["id"]) => {
    const node = (state: "Down" | "Up" | "Cordon" | "Uncordon" | "Drain"): UiAction => ({ type: "node", name: selection.name, state });
    switch (id) {
      case "node-down": return engine.action(node("Down"));
      case "node-up": return engine.action(node("Up"));
      case "cordon": return engine.action(node("Cordon"));
      case "uncordon": return engine.action(node("Uncordon"));
      case "drain": return engine.action(node("Drain"));
      case "delete": return engine.action({ type: "delete", kind: selection.kind, ...(selection.namespace ? { namespace: selection.namespace } : {}), name: selection.name });
      case "scale-up":
      case "scale-down": {
        const n = Math.max(0, replicas + (id === "scale-up" ? 1 : -1));
        void engine.kubectl(`scale ${selection.kind.toLowerCase()}/${selection.name}${selection.namespace ? ` -n ${selection.namespace}` : ""} --replicas=${n}`);
        return;
      }
      default: {
        const never: never = id;
        return never;
      }
    }
  };
  return (
    <div className="kp-inspector-actions" role="group" aria-label={t("actions.label")} data-testid="inspector-actions">
      {actionsFor(selection.kind).map((id) => (
        <button key={id} type="button" className={`btn btn-sm${id === "node-down" || id === "delete" ? " kp-danger" : ""}`} onClick={() => run(id)} data-testid={`action-${id}`}>
          {t(LABEL[id], { replicas: id === "scale-up" ? replicas + 1 : Math.max(0, replicas - 1) })}
        </button>
      ))}
    </div>
  );
}
