/** The kubectl command layer's public surface. */
export { CommandRegistry, defaultRegistry, runKubectl, type RunOptions } from "./registry";
export type { CommandContext, CommandResult, KubectlCommand, KubectlHost } from "./types";
export { tokenize } from "./tokenize";
