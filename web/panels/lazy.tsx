/**
 * The issue-7 panels (inspector, "why?", console, diagrams) load when their tab is first opened:
 * the page's first download stays small (bench: initial JS ≤ 200 KB gzip).
 */
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from "react";
import "./panels.css";

function deferred(load: () => Promise<{ default: ComponentType }>): () => React.JSX.Element {
  const Lazy: LazyExoticComponent<ComponentType> = lazy(load);
  return function DeferredPanel() {
    return (
      <Suspense fallback={<p className="kp-panel-loading" aria-busy="true">…</p>}>
        <Lazy />
      </Suspense>
    );
  };
}

export const InspectorPanel = deferred(() => import("./inspector/InspectorPanel").then((m) => ({ default: m.InspectorPanel })));
export const WhyPanel = deferred(() => import("./why/WhyPanel").then((m) => ({ default: m.WhyPanel })));
export const ConsolePanel = deferred(() => import("./console/ConsolePanel").then((m) => ({ default: m.ConsolePanel })));
export const DiagramsPanel = deferred(() => import("../diagrams/DiagramsPanel").then((m) => ({ default: m.DiagramsPanel })));
