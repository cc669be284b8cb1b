import { useEffect, useRef } from "react";
import { t, type MessageKey } from "../i18n";

const KEYS: Array<{ keys: Array<MessageKey | string>; what: MessageKey }> = [
  { keys: ["help.key.space"], what: "help.keys.playPause" },
  { keys: ["help.key.right"], what: "help.keys.step" },
  { keys: ["?"], what: "help.keys.help" },
  { keys: ["help.key.esc"], what: "help.keys.close" },
  { keys: ["help.key.shift", "F10"], what: "help.keys.menu" },
  { keys: ["help.key.ctrl", "help.key.enter"], what: "help.keys.apply" },
  { keys: ["help.key.ctrl", "help.key.space"], what: "help.keys.suggest" },
  { keys: ["F8"], what: "help.keys.nextProblem" },
];

const HOWTO: MessageKey[] = ["help.howto.write", "help.howto.apply", "help.howto.run", "help.howto.act", "help.howto.keep"];

function keyLabel(k: MessageKey | string): string {
  return k.startsWith("help.key.") ? t(k as MessageKey) : k;
}

/** The help dialog: what the playground does, and its keyboard shortcuts. */
export function HelpOverlay({ onClose }: { onClose(): void }) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The dialog itself takes the focus (not its Close button, which Space would press).
    const before = document.activeElement as HTMLElement | null;
    dialog.current?.focus();
    return () => before?.focus?.();
  }, []);

  return (
    <div className="overlay" onPointerDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div className="dialog help" role="dialog" aria-modal="true" aria-labelledby="help-title" tabIndex={-1} ref={dialog} data-testid="help">
        <div className="dialog-header">
          <h2 id="help-title">{t("help.title")}</h2>
          <button type="button" className="icon-btn" onClick={onClose} aria-label={t("help.close")}>✕</button>
        </div>
        <div className="help-columns">
          <section>
            <h3>{t("help.howto.title")}</h3>
            <ol className="help-steps">
              {HOWTO.map((k) => <li key={k}>{t(k)}</li>)}
            </ol>
          </section>
          <section>
            <h3>{t("help.keys.title")}</h3>
            <table className="help-keys">
              <tbody>
                {KEYS.map(({ keys, what }) => (
                  <tr key={what}>
                    <td className="help-key">{keys.map((k, i) => <span key={i}>{i > 0 && " + "}<kbd>{keyLabel(k)}</kbd></span>)}</td>
                    <td>{t(what)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="help-note">{t("help.keys.note")}</p>
          </section>
        </div>
      </div>
    </div>
  );
}
