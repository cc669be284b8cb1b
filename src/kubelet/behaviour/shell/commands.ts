/**
 * The registry of shell commands by name. Package managers and build tools that scripts run
 * before their real work succeed after a short while (and say so in the log) instead of blocking.
 */
import { FS_COMMANDS } from "./commands-fs";
import { NET_COMMANDS } from "./commands-net";
import { TEXT_COMMANDS } from "./commands-text";
import type { Command, Effect } from "./types";

/** How long a simulated package install takes. */
const INSTALL_MS = 3000;

const installer: Command = (argv, _io, ctx) => (function* () {
  if (["npm", "yarn", "pnpm"].includes(argv[0]!) && !["install", "i", "ci", "add"].includes(argv[1] ?? "")) {
    ctx.host.note(`"${argv.join(" ")}" is not simulated; it runs as a long-lived process that does nothing`);
    yield { kind: "block" } as Effect;
    return 0;
  }
  ctx.host.note(`"${argv.join(" ")}" is simulated: it succeeds after ${INSTALL_MS / 1000}s`);
  yield { kind: "sleep", ms: INSTALL_MS } as Effect;
  return 0;
})();

const INSTALLERS = ["apk", "apt", "apt-get", "yum", "dnf", "pip", "pip3", "npm", "yarn", "pnpm", "gem", "bundle", "composer", "mvn", "gradle", "make"];

export const COMMANDS: Record<string, Command> = {
  ...TEXT_COMMANDS,
  ...FS_COMMANDS,
  ...NET_COMMANDS,
  ...Object.fromEntries(INSTALLERS.map((n) => [n, installer])),
};
