import { createContext, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { KINDS, objectKey } from "../../../src/api/types";
import { useEngine } from "../../engine/context";
import { t } from "../../i18n";
import { useApp } from "../../state/store";
import type { SelectedRef } from "../../state/selection";
import { commandOf, menuItems, type MenuItem } from "./menu";
import { runKubectlLine, runNodeAction } from "./run";
import "./menu.css";

/** Where the menu opens: the object, and the pointer in page coordinates. */
export interface MenuRequest {
  ref: SelectedRef;
  x: number;
  y: number;
}

/** Opens the canvas's context menu (pods inside a node card open it themselves). */
export const OpenMenuContext = createContext<(req: MenuRequest) => void>(() => {});

/** What the last item did, shown for a few seconds at the bottom of the canvas. */
interface Outcome {
  id: number;
  command: string;
  text: string;
  failed: boolean;
}

const OUTCOME_MS = 6000;
const MENU_WIDTH = 330;

/**
 * The context menu over the canvas: the actions for one object, each with the kubectl command it
 * runs beside its label. Arrow keys move, Enter runs, Esc closes; an item that needs a value
 * (a taint, an image, a replica count) asks for it in place. What ran is echoed into the console
 * with kubectl's answer, and summed up at the bottom of the canvas.
 */
export function ContextMenu({ request, onClose, bounds }: { request: MenuRequest | null; onClose(): void; bounds: DOMRect | undefined }) {
  const engine = useEngine();
  const obj = useApp((s) => (request ? s.cluster.objects.get(objectKey(request.ref.kind, KINDS[request.ref.kind].namespaced ? request.ref.namespace ?? "default" : undefined, request.ref.name)) : undefined));
  const [prompt, setPrompt] = useState<{ item: MenuItem; value: string; error?: string } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const menu = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => setPrompt(null), [request]);

  // Focus moves into the menu when it opens and back where it was when it closes.
  useLayoutEffect(() => {
    if (!request) return;
    opener.current = document.activeElement;
    menu.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
    return () => {
      const el = opener.current as HTMLElement | null;
      if (el && typeof el.focus === "function" && document.contains(el)) el.focus();
    };
  }, [request]);

  useEffect(() => {
    if (prompt) input.current?.select();
  }, [prompt?.item.id]); // eslint-disable-line react-hooks/exhaustive-deps

  // A press anywhere else closes the menu.
  useEffect(() => {
    if (!request) return;
    const away = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener("pointerdown", away, true);
    return () => document.removeEventListener("pointerdown", away, true);
  }, [request, onClose]);

  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(() => setOutcome((o) => (o?.id === outcome.id ? null : o)), OUTCOME_MS);
    return () => clearTimeout(timer);
  }, [outcome]);

  const report = (command: string, text: string, failed: boolean) => setOutcome((o) => ({ id: (o?.id ?? 0) + 1, command, text, failed }));

  const runKubectl = (command: string) => runKubectlLine(engine, command, (o) => report(o.command, o.text, o.failed));

  const activate = (item: MenuItem) => {
    const run = item.run;
    if (run.type === "prompt") {
      setPrompt({ item, value: run.initial });
      return;
    }
    onClose();
    if (run.type === "kubectl") return runKubectl(run.command);
    runNodeAction(engine, run.action);
    if (run.action.type === "node" && run.action.state) {
      report(t(run.action.state === "Down" ? "menu.nodeDown" : "menu.nodeUp"), t(run.action.state === "Down" ? "menu.nodeDownDone" : "menu.nodeUpDone", { node: run.action.name }), false);
    }
  };

  const submitPrompt = () => {
    if (!prompt || prompt.item.run.type !== "prompt") return;
    const built = prompt.item.run.build(prompt.value);
    if ("error" in built) {
      setPrompt({ ...prompt, error: t(built.error) });
      return;
    }
    onClose();
    runKubectl(built.command);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      if (prompt) setPrompt(null);
      else onClose();
      return;
    }
    if (e.key === "Tab" && !prompt) {
      e.preventDefault();
      onClose();
      return;
    }
    if (prompt) return;
    const items = [...(menu.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (e.key === "ArrowDown") { e.preventDefault(); move(at + 1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); move(at - 1); }
    else if (e.key === "Home") { e.preventDefault(); move(0); }
    else if (e.key === "End") { e.preventDefault(); move(items.length - 1); }
  };

  const items = request ? menuItems(request.ref, obj as never) : [];
  const left = bounds && request ? Math.max(8, Math.min(request.x - bounds.left, bounds.width - MENU_WIDTH - 8)) : 0;
  const top = bounds && request ? Math.max(8, request.y - bounds.top) : 0;
  const maxHeight = bounds ? Math.max(160, bounds.height - top - 8) : undefined;

  return (
    <>
      {request && (
        <div
          ref={menu}
          className="kp-menu"
          role="menu"
          aria-label={t("menu.label", { name: request.ref.name })}
          style={{ left, top, width: MENU_WIDTH, maxHeight }}
          onKeyDown={onKeyDown}
          onContextMenu={(e) => e.preventDefault()}
          data-own-keys=""
          data-testid="canvas-menu"
        >
          <div className="kp-menu-head">
            <span className="kp-kind">{KINDS[request.ref.kind].plural.replace(/s$/, "")}</span>
            <span className="kp-menu-name">{request.ref.name}</span>
          </div>
          {prompt ? (
            <form className="kp-menu-prompt" onSubmit={(e) => { e.preventDefault(); submitPrompt(); }}>
              <label className="kp-menu-prompt-label" htmlFor="kp-menu-input">{t(prompt.item.label, prompt.item.params)}</label>
              <input
                id="kp-menu-input"
                ref={input}
                className="kp-menu-input"
                value={prompt.value}
                spellCheck={false}
                autoComplete="off"
                onChange={(e) => setPrompt({ ...prompt, value: e.target.value, error: undefined })}
                aria-describedby="kp-menu-hint"
                aria-invalid={prompt.error ? true : undefined}
                data-testid="canvas-menu-input"
              />
              <div id="kp-menu-hint" className={prompt.error ? "kp-menu-error" : "kp-menu-hint"}>
                {prompt.error ?? (prompt.item.run.type === "prompt" ? t(prompt.item.run.hint) : "")}
              </div>
              <div className="kp-menu-prompt-buttons">
                <button type="button" className="btn btn-small" onClick={() => setPrompt(null)}>{t("menu.back")}</button>
                <button type="submit" className="btn btn-small btn-primary" data-testid="canvas-menu-run">{t("menu.run")}</button>
              </div>
            </form>
          ) : (
            items.map((item) => {
              const cmd = commandOf(item);
              return (
                <div key={item.id}>
                  {item.group && <div className="kp-menu-sep" role="separator" />}
                  <button
                    type="button"
                    role="menuitem"
                    tabIndex={-1}
                    className={`kp-menu-item${item.danger ? " is-danger" : ""}`}
                    onClick={() => activate(item)}
                    data-testid={`menu-${item.id}`}
                  >
                    <span className="kp-menu-text">{t(item.label, item.params)}</span>
                    {cmd && <code className="kp-menu-cmd" title={cmd}>{cmd}</code>}
                  </button>
                </div>
              );
            })
          )}
        </div>
      )}
      {outcome && (
        <div className={`kp-menu-outcome${outcome.failed ? " is-failed" : ""}`} role="status" data-testid="canvas-menu-outcome">
          <code className="kp-menu-outcome-cmd">{outcome.command.startsWith("kubectl ") ? `$ ${outcome.command}` : outcome.command}</code>
          {outcome.text && <pre className="kp-menu-outcome-text">{outcome.text}</pre>}
        </div>
      )}
    </>
  );
}
