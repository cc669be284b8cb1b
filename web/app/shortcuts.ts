/**
 * The page's keyboard shortcuts: Space plays or pauses, → steps one engine event, ? shows the help,
 * Esc closes it, the Menu key (or Shift+F10) opens the actions menu of the selected object. A key press belongs to the element that has focus when that element uses the key
 * itself (the editor, a text field, a slider; Space on a button presses the button), so shortcuts
 * never eat typing. An element marked `data-own-keys` keeps all its key presses.
 */

export type ShortcutAction = "togglePlay" | "step" | "toggleHelp" | "closeHelp" | "openMenu";

/** The part of a KeyboardEvent the mapping reads. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey?: boolean;
  target: EventTarget | null;
}

/** The part of an Element the mapping reads (a plain object in tests). */
export interface FocusTarget {
  tagName?: string;
  isContentEditable?: boolean;
  closest?(selector: string): unknown;
  getAttribute?(name: string): string | null;
}

/** Where typing goes: every key belongs to the element. */
const TYPING = "input:not([type=button]):not([type=checkbox]):not([type=radio]):not([type=range]), textarea, select, [contenteditable=''], [contenteditable=true], .monaco-editor, [data-own-keys]";
/** Controls that use Space themselves (native activation). */
const PRESSABLE = "button, a[href], summary, [role=button], [role=checkbox], [role=switch], [role=menuitem], [role=tab], input[type=button], input[type=checkbox], input[type=radio]";
/** Controls that use the arrow keys themselves. */
const ARROWS = "input[type=range], [role=slider], [role=tab], [role=radio], [role=listbox], [role=menu], .react-flow__node";

function matches(target: FocusTarget | null, selector: string): boolean {
  if (!target || typeof target.closest !== "function") return false;
  return target.closest(selector) !== null;
}

export function shortcutFor(e: KeyPress, helpOpen: boolean): ShortcutAction | undefined {
  const target = e.target as FocusTarget | null;
  if (e.key === "Escape") return helpOpen ? "closeHelp" : undefined;
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  if (target?.isContentEditable || matches(target, TYPING)) return undefined;
  if (e.key === "?") return "toggleHelp";
  // The help dialog is modal: the cluster does not move behind it.
  if (helpOpen) return undefined;
  if (e.key === " " || e.key === "Spacebar") return matches(target, PRESSABLE) ? undefined : "togglePlay";
  if (e.key === "ArrowRight") return matches(target, ARROWS) ? undefined : "step";
  // The keyboard's context-menu keys open the selection's actions menu.
  if (e.key === "ContextMenu" || (e.key === "F10" && e.shiftKey)) return "openMenu";
  return undefined;
}
