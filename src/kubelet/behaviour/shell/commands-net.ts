/**
 * Network commands against the simulated cluster: nslookup (busybox 1.28's output, as the
 * Kubernetes docs show it), wget (busybox), curl and nc. Names resolve through cluster DNS
 * with the pod's search path; Services route to a ready endpoint as kube-proxy would.
 */
import { CLUSTER_DNS_IP } from "../../../network/dns";
import type { HttpResult } from "../net-types";
import { errLine, type Command, type Effect, type Proc } from "./types";

const done = (code: number): Proc => (function* () { return code; })();

const STATUS_TEXT: Record<number, string> = {
  200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently", 302: "Found", 304: "Not Modified",
  400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 500: "Internal Server Error",
  502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
};

export function statusText(code: number): string {
  return STATUS_TEXT[code] ?? "Unknown";
}

const nslookup: Command = (argv, io, ctx) => {
  const name = argv.slice(1).find((a) => !a.startsWith("-"));
  if (!name) { errLine(io, "nslookup", "usage: nslookup HOST [DNS_SERVER]"); return done(1); }
  io.out(`Server:    ${CLUSTER_DNS_IP}\nAddress 1: ${CLUSTER_DNS_IP} kube-dns.kube-system.svc.cluster.local\n\n`);
  const r = ctx.host.net.resolve(name);
  if (!r.ok) {
    io.err(`nslookup: can't resolve '${name}'\n`);
    return done(1);
  }
  io.out(`Name:      ${name}\n`);
  r.ips.forEach((ip, i) => io.out(`Address ${i + 1}: ${ip}${r.ips.length === 1 ? ` ${r.fqdn}` : ""}\n`));
  return done(0);
};

interface Url {
  host: string;
  port: number;
  path: string;
}

export function parseUrl(text: string): Url | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)$/.exec(text.trim());
  if (!m) return undefined;
  const port = m[3] ? Number(m[3]) : m[1] === "https" ? 443 : 80;
  return { host: m[2]!, port, path: m[4] || "/" };
}

/** How long a client waits on a peer that never answers before giving up. */
function* waitTimeout(ms: number): Generator<Effect, void, void> {
  if (ms > 0) yield { kind: "sleep", ms };
}

const wget: Command = (argv, io, ctx) => (function* () {
  let quiet = false, spider = false, outFile: string | undefined, timeoutS = 900;
  let urlText: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "-q" || a === "--quiet") quiet = true;
    else if (a === "--spider") spider = true;
    else if (a === "-O") outFile = argv[++i];
    else if (a.startsWith("-O")) outFile = a.slice(2);
    else if (a === "-T") timeoutS = Number(argv[++i]) || timeoutS;
    else if (a.startsWith("--timeout=")) timeoutS = Number(a.slice(10)) || timeoutS;
    else if (a.startsWith("-qO")) { quiet = true; outFile = a.slice(3) || argv[++i]; }
    else if (!a.startsWith("-")) urlText = a;
  }
  const url = urlText ? parseUrl(urlText) : undefined;
  if (!url) { errLine(io, "wget", urlText ? `bad address '${urlText}'` : "missing URL"); return 1; }
  const { result, ip } = ctx.host.net.http(url.host, { port: url.port, path: url.path });
  if (result.kind === "bad-address") { errLine(io, "wget", `bad address '${url.host}'`); return 1; }
  if (!quiet) io.err(`Connecting to ${url.host}${url.port === 80 ? "" : `:${url.port}`} (${ip}:${url.port})\n`);
  if (result.kind === "refused") { errLine(io, "wget", `can't connect to remote host (${ip}): Connection refused`); return 1; }
  if (result.kind === "timeout") {
    yield* waitTimeout(timeoutS * 1000);
    errLine(io, "wget", "download timed out");
    return 1;
  }
  if (result.kind === "malformed") { errLine(io, "wget", `bad header line: ${result.text}`); return 1; }
  if (result.status >= 400) { errLine(io, "wget", `server returned error: HTTP/1.1 ${result.status} ${statusText(result.status)}`); return 1; }
  if (spider) { if (!quiet) io.err("remote file exists\n"); return 0; }
  const target = outFile ?? (url.path.split("/").pop() || "index.html");
  if (target === "-") io.out(result.body);
  else {
    const err = ctx.host.fs.write(target, result.body);
    if (err) { errLine(io, "wget", `can't open '${target}': No such file or directory`); return 1; }
  }
  if (!quiet) {
    io.err(target === "-" ? "writing to stdout\n" : `saving to '${target}'\n`);
    io.err(`${(target === "-" ? "-" : target).padEnd(20)} 100% |********************************| ${String(result.body.length).padStart(5)}  0:00:00 ETA\n`);
    io.err(target === "-" ? "written to stdout\n" : `'${target}' saved\n`);
  }
  return 0;
})();

function curlFail(io: Parameters<Command>[1], silent: boolean, showErr: boolean, code: number, msg: string): number {
  if (!silent || showErr) io.err(`curl: (${code}) ${msg}\n`);
  return code;
}

const curl: Command = (argv, io, ctx) => (function* () {
  let silent = false, showErr = false, fail = false, head = false, outFile: string | undefined, maxTimeS: number | undefined;
  let urlText: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--silent") silent = true;
    else if (a === "--fail") fail = true;
    else if (a === "--head") head = true;
    else if (a === "-o" || a === "--output") outFile = argv[++i];
    else if (a === "-m" || a === "--max-time" || a === "--connect-timeout") maxTimeS = Number(argv[++i]) || maxTimeS;
    else if (a === "-H" || a === "-X" || a === "-d" || a === "-w" || a === "-A" || a === "--data") i++;
    else if (/^-[a-zA-Z]+$/.test(a)) {
      for (const c of a.slice(1)) {
        if (c === "s") silent = true;
        else if (c === "S") showErr = true;
        else if (c === "f") fail = true;
        else if (c === "I") head = true;
      }
    } else if (!a.startsWith("-")) urlText = a;
  }
  const url = urlText ? parseUrl(urlText) : undefined;
  if (!url) return curlFail(io, silent, showErr, 3, "URL using bad/illegal format or missing URL");
  const { result } = ctx.host.net.http(url.host, { port: url.port, path: url.path, method: head ? "HEAD" : "GET" });
  if (result.kind === "bad-address") return curlFail(io, silent, showErr, 6, `Could not resolve host: ${url.host}`);
  if (result.kind === "refused") {
    return curlFail(io, silent, showErr, 7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`);
  }
  if (result.kind === "timeout") {
    if (maxTimeS === undefined) { yield { kind: "block" } as Effect; return 28; }
    yield* waitTimeout(maxTimeS * 1000);
    return curlFail(io, silent, showErr, 28, `Operation timed out after ${maxTimeS * 1000} milliseconds with 0 bytes received`);
  }
  if (result.kind === "malformed") return curlFail(io, silent, showErr, 1, "Received HTTP/0.9 when not allowed");
  if (fail && result.status >= 400) return curlFail(io, silent, showErr, 22, `The requested URL returned error: ${result.status}`);
  const text = head ? `HTTP/1.1 ${result.status} ${statusText(result.status)}\r\nContent-Length: ${result.body.length}\r\n\r\n` : result.body;
  if (!silent) {
    const n = String(text.length);
    io.err("  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n");
    io.err("                                 Dload  Upload   Total   Spent    Left  Speed\n");
    io.err(`100 ${n.padStart(5)}  100 ${n.padStart(5)}    0     0      0      0 --:--:-- --:--:-- --:--:--     0\n`);
  }
  if (outFile && outFile !== "-") ctx.host.fs.write(outFile, text);
  else io.out(text);
  return 0;
})();

/** nc: `-z host port` checks a port; `-l` listens (a program of the image); otherwise connects and sends stdin. */
const nc: Command = (argv, io, ctx) => (function* () {
  if (argv.some((a) => /^-[a-zA-Z]*l/.test(a))) {
    const p = ctx.host.program(argv, io, ctx.env);
    if (p) return yield* p;
  }
  const operands = argv.slice(1).filter((a, i, all) => !a.startsWith("-") && !/^-[wq]$/.test(all[i - 1] ?? ""));
  const [host, portText] = operands;
  if (!host || !portText) { errLine(io, "nc", "usage: nc [-z] HOST PORT"); return 1; }
  const { result } = ctx.host.net.tcp(host, Number(portText));
  if (result === "bad-address") { errLine(io, "nc", `bad address '${host}'`); return 1; }
  if (result === "refused") { errLine(io, "nc", `can't connect to remote host (${host}): Connection refused`); return 1; }
  if (result === "timeout") { yield { kind: "sleep", ms: 5000 } as Effect; errLine(io, "nc", "timed out"); return 1; }
  return 0;
})();

export const NET_COMMANDS: Record<string, Command> = { nslookup, wget, curl, nc };

export type { HttpResult };
