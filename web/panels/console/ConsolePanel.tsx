import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useStore } from "zustand";
import { useEngine } from "../../engine/context";
import { t } from "../../i18n";
import { appStore } from "../../state/store";
import { applyCompletion, completionLine, historyDown, historyUp, parseConsoleLine } from "./console";
import { append, begin, clearTranscript, consoleStore, finish, follow, followingEntry, setHistory } from "./console-store";
import "./console.css";

/**
 * A terminal on the simulated cluster: what is typed goes to the engine as a kubectl command and
 * the answer is printed exactly as kubectl prints it. ↑/↓ walk the history, Tab completes.
 */
export function ConsolePanel() {
  const engine = useEngine();
  const transcript = useStore(consoleStore, (s) => s.transcript);
  const [line, setLine] = useState("");
  const [choices, setChoices] = useState<string[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const end = useRef<HTMLDivElement>(null);

  useEffect(() => {
    end.current?.scrollIntoView({ block: "end" });
  }, [transcript, choices]);

  /** Ctrl+C: the following command (get -w, logs -f) stops, as in a terminal. */
  const interrupt = (): boolean => {
    const f = followingEntry();
    if (!f || f.following === undefined) return false;
    engine.stopKubectl(f.following);
    append(f.id, "^C\n", "");
    return true;
  };

  const run = (typed: string) => {
    setChoices([]);
    setLine("");
    // A terminal would wait for Ctrl+C; here a new command stops the watch first.
    if (typed.trim()) interrupt();
    const parsed = parseConsoleLine(typed, appStore.getState().editor.text);
    switch (parsed.type) {
      case "empty":
        return;
      case "clear":
        clearTranscript();
        return;
      case "help":
        finish(begin(typed), t("console.help"), "");
        return;
      case "unknown":
        finish(begin(typed), "", t("console.unknown", { program: parsed.program }) + "\n");
        return;
      case "kubectl": {
        const id = begin(typed);
        void engine.kubectl(parsed.command, parsed.stdin, (chunk) => append(id, chunk.stdout, chunk.ended)).then((r) => {
          finish(id, r.stdout, r.stderr);
          if (r.following && r.id !== undefined) follow(id, r.id);
        });
        return;
      }
      default: {
        const never: never = parsed;
        return never;
      }
    }
  };

  const complete = async () => {
    const { head, tail } = completionLine(line);
    const c = await engine.complete(tail);
    const next = applyCompletion(tail, c.prefix, c.candidates);
    setLine(head + next.line);
    setChoices(next.list);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const history = consoleStore.getState().history;
    if (e.key === "Enter") {
      e.preventDefault();
      run(line);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      const r = historyUp(history, line);
      setHistory(r.history);
      setLine(r.line);
    } else if (e.key === "ArrowDown") {
      e.preventDefault();
      const r = historyDown(history, line);
      setHistory(r.history);
      setLine(r.line);
    } else if (e.key === "Tab") {
      e.preventDefault();
      void complete();
    } else if (e.key === "l" && e.ctrlKey) {
      e.preventDefault();
      clearTranscript();
    } else if (e.key === "c" && e.ctrlKey && !window.getSelection()?.toString()) {
      // Ctrl+C with nothing selected is the terminal's interrupt (with a selection it copies).
      e.preventDefault();
      if (!interrupt()) setLine("");
    }
  };

  return (
    <div className="kp-console" data-testid="console" onClick={() => input.current?.focus()}>
      <div className="kp-console-out" data-testid="console-output" aria-live="polite">
        {transcript.length === 0 && <p className="kp-console-hint">{t("console.hint")}</p>}
        {transcript.map((e) => (
          <div key={e.id} className="kp-console-entry" data-testid="console-entry">
            {e.input && (
              <div className="kp-console-cmd"><span className="kp-console-prompt" aria-hidden="true">$ </span>{e.input}</div>
            )}
            {e.pending && <div className="kp-console-pending">…</div>}
            {e.stdout && <pre className="kp-console-stdout" data-testid="console-stdout">{e.stdout}</pre>}
            {e.stderr && <pre className="kp-console-stderr" data-testid="console-stderr">{e.stderr}</pre>}
            {e.following !== undefined && <div className="kp-console-following" data-testid="console-following">{t("console.following")}</div>}
          </div>
        ))}
        {choices.length > 0 && <pre className="kp-console-choices" data-testid="console-choices">{choices.join("  ")}</pre>}
        <div ref={end} />
      </div>
      <label className="kp-console-line">
        <span className="kp-console-prompt" aria-hidden="true">$</span>
        <input
          ref={input}
          data-testid="console-input"
          aria-label={t("console.input")}
          placeholder={t("console.placeholder")}
          value={line}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          onChange={(e) => setLine(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </label>
    </div>
  );
}
