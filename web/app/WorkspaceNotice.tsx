import { useStore } from "zustand";
import { t } from "../i18n";
import { useKeeper } from "../share/context";
import type { OpeningNotice } from "../share/opening";

function noticeText(n: OpeningNotice): { text: string; tone: "error" | "info" } {
  const fallback = (f: string) => (f === "autosave" ? t("notice.fallback.autosave") : t("notice.fallback.starter"));
  switch (n.kind) {
    case "link-damaged": return { text: `${t("notice.link.damaged", { detail: n.detail })} ${fallback(n.fallback)}`, tone: "error" };
    case "link-future": return { text: `${t("notice.link.future", { version: n.version })} ${fallback(n.fallback)}`, tone: "error" };
    case "link-opened": return { text: t("notice.link.opened"), tone: "info" };
    case "autosave-unreadable": return { text: t("notice.autosave.unreadable", { detail: n.detail }), tone: "error" };
  }
}

/** What the page says about how it opened (a bad link, kept-aside work) and whether it can save. */
export function WorkspaceNotice() {
  const keeper = useKeeper();
  const notice = useStore(keeper.notices, (s) => s.notice);
  const saveFailed = useStore(keeper.notices, (s) => s.saveFailed);
  if (!notice && !saveFailed) return null;
  const shown = notice ? noticeText(notice) : undefined;
  return (
    <div className="notices">
      {notice && shown && (
        <div className={`notice notice-${shown.tone}`} role={shown.tone === "error" ? "alert" : "status"} data-testid="workspace-notice" data-kind={notice.kind}>
          <span className="notice-icon" aria-hidden="true">{shown.tone === "error" ? "!" : "i"}</span>
          <span className="notice-text">{shown.text}</span>
          {notice.kind === "link-opened" && (
            <button type="button" className="btn btn-small" onClick={() => keeper.restorePrevious()}>{t("notice.link.restorePrevious")}</button>
          )}
          <button type="button" className="icon-btn" onClick={() => keeper.dismissNotice()} aria-label={t("notice.dismiss")}>✕</button>
        </div>
      )}
      {saveFailed && (
        <div className="notice notice-error" role="alert">
          <span className="notice-icon" aria-hidden="true">!</span>
          <span className="notice-text">{t("notice.saveFailed")}</span>
        </div>
      )}
    </div>
  );
}
