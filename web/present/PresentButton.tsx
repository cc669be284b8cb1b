import { lazy, Suspense } from "react";
import { createPortal } from "react-dom";
import { useStore } from "zustand";
import { t } from "../i18n";
import { presentStore, setPresenting } from "./present-store";
import "./present.css";

/** Loaded on the first "Present": instructors need it, the page's first download does not. */
const PresentOverlay = lazy(() => import("./PresentOverlay").then((m) => ({ default: m.PresentOverlay })));

/** The title bar's "Present" toggle; while presenting, the instructor's toolbar and laser float above the page. */
export function PresentButton() {
  const on = useStore(presentStore, (s) => s.on);
  return (
    <>
      <button
        type="button"
        className={`btn btn-sm kp-present-btn${on ? " is-on" : ""}`}
        aria-pressed={on}
        onClick={() => setPresenting(!on)}
        title={t("present.enter.title")}
        data-testid="present-toggle"
      >
        {on ? t("present.exit") : t("present.enter")}
      </button>
      {on && createPortal(<Suspense fallback={null}><PresentOverlay /></Suspense>, document.body)}
    </>
  );
}
