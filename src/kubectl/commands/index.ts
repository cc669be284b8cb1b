/** The kubectl command layer's public surface. */
export { CommandRegistry, defaultRegistry, openKubectlStream, runKubectl, type RunOptions } from "./registry";
export type { CommandContext, CommandResult, CommandStream, ContainerUsage, ExecRequest, ExecResult, KubectlCommand, KubectlHost, NodeProxy } from "./types";
export { tokenize } from "./tokenize";
export { complete, type Completion } from "./completion";
export { GetWatch } from "./get";
