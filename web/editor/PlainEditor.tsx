import { useEffect, useRef, type KeyboardEvent } from "react";
import type { CodeEditorProps } from "./code-editor";
import { lineNumbers } from "./gutter";
import { onReveal } from "./reveal";

/** A plain text area with line numbers: shown while Monaco loads, and instead of it if it cannot. */
export function PlainEditor({ text, onChange, onApply, label }: Pick<CodeEditorProps, "text" | "onChange" | "onApply" | "label">) {
  const gutter = useRef<HTMLPreElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => onReveal((line, column) => {
    const el = area.current;
    if (!el) return;
    const lines = el.value.split("\n");
    const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
    el.focus();
    el.setSelectionRange(offset, offset);
  }), []);

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onApply();
    }
  };

  return (
    <div className="code">
      <pre className="code-gutter" ref={gutter} aria-hidden="true">{lineNumbers(text)}</pre>
      <textarea
        ref={area}
        className="code-input"
        value={text}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onScroll={(e) => { if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop; }}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        wrap="off"
        aria-label={label}
        data-testid="plain-editor"
      />
    </div>
  );
}
