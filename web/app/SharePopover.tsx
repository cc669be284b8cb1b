import { useEffect, useRef, useState } from "react";
import { t } from "../i18n";
import { useKeeper } from "../share/context";
import { formatVirtualTime } from "../panels/timeline/timeline";

type CopyState = "copying" | "copied" | "blocked";

/**
 * The Share button: makes a link to the cluster as it stands, copies it, and shows it in a
 * popover (selected, ready to copy by hand when the browser blocks the clipboard).
 */
export function ShareButton() {
  const keeper = useKeeper();
  const [open, setOpen] = useState<{ link: string; time: number } | null>(null);
  const [copy, setCopy] = useState<CopyState>("copying");
  const [unavailable, setUnavailable] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);

  const share = () => {
    if (open) return setOpen(null);
    const link = keeper.shareLink();
    const ws = keeper.current();
    if (!link || !ws) return setUnavailable(true);
    setUnavailable(false);
    setOpen({ link, time: ws.position.time });
    void writeClipboard(link).then((ok) => setCopy(ok ? "copied" : "blocked"));
    setCopy("copying");
  };

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => { if (wrap.current && !wrap.current.contains(e.target as Node)) setOpen(null); };
    const onKey = (e: KeyboardEvent) => { if (e.key === "Escape") setOpen(null); };
    document.addEventListener("pointerdown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div className="share" ref={wrap}>
      <button type="button" className="btn btn-primary btn-share" onClick={share} title={t("share.button.title")} aria-expanded={open !== null} aria-haspopup="dialog" data-testid="share">
        <LinkIcon />{t("share.button")}
      </button>
      {unavailable && !open && <span className="share-unavailable" role="status">{t("share.unavailable")}</span>}
      {open && (
        <div className="popover share-popover" role="dialog" aria-labelledby="share-title" data-testid="share-popover">
          <div className="popover-header">
            <h2 id="share-title">{t("share.title")}</h2>
            <button type="button" className="icon-btn" onClick={() => setOpen(null)} aria-label={t("share.close")}>✕</button>
          </div>
          <p className="popover-hint">{t("share.hint", { time: t("timeline.time", { time: formatVirtualTime(open.time) }) })}</p>
          <div className="share-row">
            <input
              className="share-link"
              readOnly
              value={open.link}
              aria-label={t("share.link")}
              onFocus={(e) => e.currentTarget.select()}
              ref={(el) => el?.select()}
              data-testid="share-link"
            />
            <button type="button" className="btn" onClick={() => void writeClipboard(open.link).then((ok) => setCopy(ok ? "copied" : "blocked"))}>{t("share.copy")}</button>
          </div>
          <div className="share-status">
            <span role="status" className={`share-copy share-copy-${copy}`} data-testid="share-status">
              {copy === "copied" ? `✓ ${t("share.copied")}` : copy === "blocked" ? t("share.copyFailed") : ""}
            </span>
            <span className="share-length">{t("share.length", { count: open.link.length.toLocaleString("en-US") })}</span>
          </div>
        </div>
      )}
    </div>
  );
}

async function writeClipboard(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function LinkIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" className="icon">
      <path d="M6.6 9.4a2.6 2.6 0 0 0 3.7 0l2.3-2.3a2.6 2.6 0 0 0-3.7-3.7l-.8.8M9.4 6.6a2.6 2.6 0 0 0-3.7 0L3.4 8.9a2.6 2.6 0 0 0 3.7 3.7l.8-.8" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}
