/** The kubectl command layer's public surface. */
export { CommandRegistry, defaultRegistry, runKubectl, type RunOptions } from "./registry";
export type { CommandContext, CommandResult, ContainerUsage, ExecRequest, ExecResult, KubectlCommand, KubectlHost, NodeProxy } from "./types";
export { tokenize } from "./tokenize";
export { complete, type Completion } from "./completion";
export { GetWatch } from "./get";
