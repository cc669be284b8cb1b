import type { Kind, Stored } from "../../../src/api/types";
import { commandOf, menuItems } from "../../canvas/menu/menu";
import { runKubectlLine, runNodeAction } from "../../canvas/menu/run";
import { useEngine } from "../../engine/context";
import { t } from "../../i18n";
import type { SelectedRef } from "../../state/selection";

/**
 * Buttons that act on the selected object: the canvas menu's actions (web/canvas/menu/menu.ts),
 * those that need no typed value, run the same way (kubectl echoed in the console, or a node
 * action in the timeline), so share links replay them.
 */
export function Actions({ selection, obj }: { selection: SelectedRef; obj: Stored<Kind> }) {
  const engine = useEngine();
  const items = menuItems(selection, obj).filter((i) => i.run.type !== "prompt");
  return (
    <div className="kp-inspector-actions" role="group" aria-label={t("actions.label")} data-testid="inspector-actions">
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          className={`btn btn-sm${item.danger ? " kp-danger" : ""}`}
          title={commandOf(item)}
          onClick={() => (item.run.type === "kubectl" ? runKubectlLine(engine, item.run.command) : item.run.type === "action" ? runNodeAction(engine, item.run.action) : undefined)}
          data-testid={`action-${item.id}`}
        >
          {t(item.label, item.params)}
        </button>
      ))}
    </div>
  );
}
