import type { ScenarioError } from "../../src/scenario/types";

/** What both editors (Monaco and the plain fallback) take. */
export interface CodeEditorProps {
  text: string;
  onChange(text: string): void;
  onApply(): void;
  /** The engine's problems about this text. */
  problems: readonly ScenarioError[];
  theme: "light" | "dark";
  label: string;
}
