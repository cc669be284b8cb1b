#!/usr/bin/env node
// The `kubeplay` command when installed as a package: runs the TypeScript CLI through tsx.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const tsxCli = require.resolve("tsx/cli");
const res = spawnSync(process.execPath, [tsxCli, join(here, "..", "src", "cli", "main.ts"), ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(res.status ?? 1);
