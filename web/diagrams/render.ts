/**
 * Mermaid, loaded on first use (a dynamic import: it is not part of the page's first download) and
 * configured once: `securityLevel: 'strict'` (no HTML in labels, no click handlers) and the dagre
 * layout (elk would pull a large chunk per diagram). Renders are queued: mermaid keeps global state
 * while it draws.
 */
type Mermaid = (typeof import("mermaid"))["default"];

let loading: Promise<Mermaid> | undefined;
let configuredTheme: string | undefined;
let queue: Promise<unknown> = Promise.resolve();
let counter = 0;

function load(): Promise<Mermaid> {
  loading ??= import("mermaid").then((m) => m.default);
  return loading;
}

/** The SVG markup of a diagram, or the parser's message. */
export async function renderDiagram(text: string, dark: boolean): Promise<{ svg: string } | { error: string }> {
  const job = queue.then(async () => {
    const mermaid = await load();
    const theme = dark ? "dark" : "default";
    if (configuredTheme !== theme) {
      // Natural sizes (no useMaxWidth): the narrow dock scrolls a diagram instead of shrinking it unreadably.
      mermaid.initialize({
        startOnLoad: false, securityLevel: "strict", layout: "dagre", theme, fontFamily: "system-ui, sans-serif",
        themeVariables: { fontSize: "13px" },
        state: { useMaxWidth: false }, sequence: { useMaxWidth: false, wrap: true, width: 110, actorMargin: 24, messageFontSize: 12, actorFontSize: 12, noteFontSize: 12, messageMargin: 28 }, gantt: { useMaxWidth: false, useWidth: 760, leftPadding: 190 },
      });
      configuredTheme = theme;
    }
    try {
      const { svg } = await mermaid.render(`kp-mermaid-${++counter}`, text);
      return { svg };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  });
  queue = job.catch(() => undefined);
  return job;
}
