/**
 * The programs of well-known images, as a container's main process or a shell command runs
 * them: servers that listen on their usual ports and answer HTTP / TCP / gRPC health checks
 * (nginx serves its html directory from the container's file system, so an init container can
 * fill it), databases that refuse to start without their password variable (as the official
 * images do), the probe example images (agnhost liveness: healthy for 10 s, then 500), stress
 * (allocates memory: OOMKilled past the limit), perl computing π for the Job example.
 */
import { STATIC_ROOTS } from "./probe-files";
import { isFsFail, type FileSystem } from "./fs";
import type { HttpRequest } from "./net-types";
import { formatDate } from "./shell/commands-text";
import type { Effect, IO, Proc } from "./shell/types";

export interface Server {
  /** HTTP answer; absent for servers that do not speak HTTP. */
  http?(req: HttpRequest): { status: number; body: string };
  /** What a non-HTTP server sends back to an HTTP request. */
  banner?: string;
  /** Answers the gRPC health-checking protocol. */
  grpc?: boolean;
}

/** What a program may do in its container. */
export interface ProgramApi {
  readonly hostname: string;
  readonly podIP: string;
  readonly fs: FileSystem;
  readonly epochMs: number;
  /** Declared containerPorts of the container. */
  readonly declaredPorts: readonly number[];
  /** True when run by an exec probe or `kubectl exec` rather than as the container's process. */
  readonly inExec: boolean;
  now(): number;
  /** Milliseconds since the container started. */
  uptime(): number;
  /** Starts accepting on `port` after `delayMs` (the program's own start-up time). */
  listen(port: number, server: Server, delayMs?: number): void;
  /** Memory the program holds from now on. */
  setMemory(bytes: number): void;
  /** The program exits with `code` when it receives SIGTERM. */
  onTerm(code: number): void;
  /** Whether something in the pod accepts connections on `port` (localhost). */
  localOpen(port: number): boolean;
  /** Whether something in the pod answers gRPC health on `port` (localhost). */
  localGrpc(port: number): boolean;
}

const MI = 1024 * 1024;
const done = (code: number): Proc => (function* () { return code; })();
const forever = (): Proc => (function* () { yield { kind: "block" } as Effect; return 0; })();

function flag(argv: string[], names: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    for (const n of names) {
      if (a === n) return argv[i + 1];
      if (a.startsWith(`${n}=`)) return a.slice(n.length + 1);
    }
  }
  return undefined;
}

/** A static file server rooted at `root` (nginx, httpd, python -m http.server). */
function staticFiles(fs: FileSystem, root: string, notFound: string): Server["http"] {
  return (req) => {
    const path = req.path.split("?")[0] ?? "/";
    const target = `${root}${path}`;
    const file = fs.isDir(target) ? `${target.replace(/\/$/, "")}/index.html` : target;
    const text = fs.read(file);
    if (isFsFail(text)) return { status: 404, body: notFound };
    return { status: 200, body: text };
  };
}

function server(api: ProgramApi, io: IO, port: number, s: Server, opts: { logs?: string[]; memory: number; startMs?: number; term?: number }): Proc {
  for (const l of opts.logs ?? []) io.out(`${l}\n`);
  api.setMemory(opts.memory);
  api.onTerm(opts.term ?? 0);
  api.listen(port, s, opts.startMs ?? 0);
  return forever();
}

const NGINX_404 = "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

/** π to `digits` decimal places (Machin's formula on big integers), as `perl -Mbignum=bpi` prints it. */
export function piDigits(digits: number): string {
  const guard = 10n;
  const unity = 10n ** BigInt(digits + 10);
  const arctanInv = (x: bigint): bigint => {
    let sum = 0n, term = unity / x, n = 1n, sign = 1n;
    const x2 = x * x;
    while (term !== 0n) {
      sum += sign * (term / n);
      term /= x2;
      n += 2n;
      sign = -sign;
    }
    return sum;
  };
  const pi = 4n * (4n * arctanInv(5n) - arctanInv(239n));
  const s = (pi / guard ** 10n).toString();
  return `${s[0]}.${s.slice(1, digits)}`;
}

type Program = (argv: string[], io: IO, env: Readonly<Record<string, string>>, api: ProgramApi) => Proc | undefined;

const nginx: Program = (_argv, io, _env, api) => server(api, io, 80, { http: staticFiles(api.fs, STATIC_ROOTS.nginx!, NGINX_404) }, {
  memory: 4 * MI,
  logs: ["/docker-entrypoint.sh: Configuration complete; ready for start up", `${formatDate(api.epochMs + api.now(), "%Y/%m/%d %H:%M:%S")} [notice] 1#1: start worker processes`],
});

const postgres: Program = (_argv, io, env, api) => {
  if (!env.POSTGRES_PASSWORD && env.POSTGRES_HOST_AUTH_METHOD !== "trust") {
    io.err("Error: Database is uninitialized and superuser password is not specified.\n       You must specify POSTGRES_PASSWORD to a non-empty value for the\n       superuser. For example, \"-e POSTGRES_PASSWORD=password\" on \"docker run\".\n");
    return done(1);
  }
  return server(api, io, 5432, { banner: "" }, { memory: 30 * MI, startMs: 3000, logs: ["LOG:  database system is ready to accept connections"] });
};

const mysqld: Program = (_argv, io, env, api) => {
  if (!env.MYSQL_ROOT_PASSWORD && !env.MYSQL_ALLOW_EMPTY_PASSWORD && !env.MYSQL_RANDOM_ROOT_PASSWORD) {
    io.err("error: database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n");
    return done(1);
  }
  return server(api, io, 3306, { banner: "J\u0000\u0000\u0000\n8.4.0" }, { memory: 350 * MI, startMs: 15_000, logs: ["[Server] /usr/sbin/mysqld: ready for connections. Version: '8.4.0'  port: 3306"] });
};

/** agnhost liveness (and the older registry.k8s.io/liveness /server): /healthz is 200 for 10 s, then 500. */
const livenessServer: Program = (_argv, io, _env, api) => server(api, io, 8080, {
  http: (req) => {
    const secs = api.uptime() / 1000;
    if (req.path.startsWith("/healthz") && secs > 10) return { status: 500, body: `error: ${secs}` };
    return { status: 200, body: "ok" };
  },
}, { memory: 2 * MI });

const echoHostname = (api: ProgramApi) => ({ http: () => ({ status: 200, body: `${api.hostname}\n` }), grpc: true });

const agnhost: Program = (argv, io, env, api) => {
  const sub = argv[1];
  switch (sub) {
    case "liveness": return livenessServer(argv, io, env, api);
    case "netexec": {
      const port = Number(flag(argv, ["--http-port"]) ?? 8080);
      return server(api, io, port, {
        http: (req) => (req.path.startsWith("/hostname") ? { status: 200, body: api.hostname } : req.path.startsWith("/healthz") ? { status: 200, body: "ok" } : { status: 200, body: `NOW: ${formatDate(api.epochMs + api.now(), "%F %T")}` }),
      }, { memory: 8 * MI });
    }
    case "serve-hostname": return server(api, io, Number(flag(argv, ["--port"]) ?? 9376), echoHostname(api), { memory: 4 * MI });
    default: api.onTerm(0); return forever();
  }
};

const stress: Program = (argv, io, _env, api) => (function* () {
  const vm = Number(flag(argv, ["--vm", "-m"]) ?? 0);
  const bytesText = flag(argv, ["--vm-bytes"]) ?? "256M";
  const m = /^(\d+)([bkmgBKMG]?)$/.exec(bytesText);
  const unit = { "": 1, b: 1, k: 1024, m: MI, g: 1024 * MI }[(m?.[2] ?? "").toLowerCase()] ?? 1;
  const cpu = Number(flag(argv, ["--cpu", "-c"]) ?? 0);
  io.out(`stress: info: [1] dispatching hogs: ${cpu} cpu, 0 io, ${vm} vm, 0 hdd\n`);
  api.setMemory(vm * Number(m?.[1] ?? 0) * unit + MI);
  const timeout = flag(argv, ["--timeout", "-t"]);
  if (timeout) {
    const secs = Number(timeout.replace(/s$/, ""));
    yield { kind: "sleep", ms: secs * 1000 } as Effect;
    io.out(`stress: info: [1] successful run completed in ${secs}s\n`);
    return 0;
  }
  yield { kind: "block" } as Effect;
  return 0;
})();

const perl: Program = (argv, io) => {
  const script = argv.join(" ");
  const m = /bpi\((\d+)\)/.exec(script);
  if (!m) return argv.length === 1 ? done(0) : undefined;
  return (function* () {
    yield { kind: "sleep", ms: 3000 } as Effect;
    io.out(`${piDigits(Number(m[1]))}\n`);
    return 0;
  })();
};

const python: Program = (argv, io, _env, api) => {
  const m = argv.indexOf("-m");
  if (m >= 0 && argv[m + 1] === "http.server") {
    const port = Number(argv[m + 2] ?? 8000) || 8000;
    io.out(`Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...\n`);
    return server(api, io, port, { http: staticFiles(api.fs, api.fs.cwd === "/" ? "" : api.fs.cwd, "Error response\nError code: 404\n") }, { memory: 20 * MI, term: 143 });
  }
  return argv.length === 1 ? done(0) : undefined;
};

/** Health-check clients that images ship (exec probes use them). */
const checks: Record<string, Program> = {
  pg_isready: (_a, io, _e, api) => {
    const ok = api.localOpen(5432);
    io.out(ok ? "/var/run/postgresql:5432 - accepting connections\n" : "/var/run/postgresql:5432 - no response\n");
    return done(ok ? 0 : 2);
  },
  "redis-cli": (argv, io, _e, api) => {
    if (!api.localOpen(6379)) { io.err("Could not connect to Redis at 127.0.0.1:6379: Connection refused\n"); return done(1); }
    io.out(argv.includes("ping") || argv.includes("PING") ? "PONG\n" : "OK\n");
    return done(0);
  },
  mysqladmin: (_a, io, _e, api) => {
    if (!api.localOpen(3306)) { io.err("mysqladmin: connect to server at 'localhost' failed\n"); return done(1); }
    io.out("mysqld is alive\n");
    return done(0);
  },
  grpc_health_probe: (argv, io, _e, api) => {
    const port = Number((flag(argv, ["-addr", "--addr"]) ?? ":50051").split(":").pop());
    const ok = api.localGrpc(port);
    io.out(ok ? "status: SERVING\n" : `timeout: failed to connect service ":${port}" within 1s\n`);
    return done(ok ? 0 : 2);
  },
};

const PROGRAMS: Record<string, Program> = {
  nginx,
  "httpd-foreground": (_a, io, _e, api) => server(api, io, 80, { http: staticFiles(api.fs, STATIC_ROOTS.httpd!, "<html><body><h1>Not Found</h1></body></html>\n") }, { memory: 8 * MI }),
  httpd: (_a, io, _e, api) => server(api, io, 80, { http: staticFiles(api.fs, STATIC_ROOTS.httpd!, "<html><body><h1>Not Found</h1></body></html>\n") }, { memory: 8 * MI }),
  "apache2-foreground": (_a, io, _e, api) => server(api, io, 80, { http: () => ({ status: 200, body: "OK!" }) }, { memory: 12 * MI }),
  "redis-server": (argv, io, _e, api) => server(api, io, Number(flag(argv, ["--port"]) ?? 6379), { banner: "-ERR wrong number of arguments for 'get' command" }, { memory: 3 * MI, logs: ["* Ready to accept connections tcp"] }),
  postgres,
  mysqld,
  mongod: (_a, io, _e, api) => server(api, io, 27017, { banner: "It looks like you are trying to access MongoDB over HTTP on the native driver port." }, { memory: 150 * MI, startMs: 2000 }),
  memcached: (_a, io, _e, api) => server(api, io, 11211, { banner: "ERROR" }, { memory: 2 * MI }),
  etcd: (_a, io, _e, api) => server(api, io, 2379, { http: () => ({ status: 200, body: '{"health":"true","reason":""}' }), grpc: true }, { memory: 50 * MI, startMs: 1000 }),
  server: livenessServer,
  agnhost,
  goproxy: (_a, io, _e, api) => server(api, io, 8080, { http: () => ({ status: 200, body: "" }) }, { memory: 3 * MI }),
  "run.sh": (_a, io, _e, api) => server(api, io, 8080, { http: () => ({ status: 200, body: `Hostname: ${api.hostname}\n` }) }, { memory: 10 * MI }),
  "http-echo": (argv, io, _e, api) => {
    const text = flag(argv, ["-text", "--text"]) ?? "hello-world";
    const port = Number((flag(argv, ["-listen", "--listen"]) ?? ":5678").split(":").pop()) || 5678;
    return server(api, io, port, { http: () => ({ status: 200, body: `${text}\n` }) }, { memory: 3 * MI, logs: [`[INFO] server is listening on :${port}`] });
  },
  whoami: (_a, io, _e, api) => server(api, io, 80, { http: () => ({ status: 200, body: `Hostname: ${api.hostname}\nIP: 127.0.0.1\nIP: ${api.podIP}\n` }) }, { memory: 3 * MI }),
  pause: () => forever(),
  stress,
  perl,
  python,
  python3: python,
  node: (argv) => (argv.length === 1 ? done(0) : undefined),
  ...checks,
};

/** nc -l [-p] PORT: accepts TCP connections (and answers nothing). */
function netcatListen(argv: string[], io: IO, api: ProgramApi): Proc {
  const port = Number(flag(argv, ["-p"]) ?? argv.filter((a) => /^\d+$/.test(a)).pop() ?? 0);
  return server(api, io, port, { banner: "" }, { memory: 1 * MI, term: 143 });
}

/** The process body of a known program, or undefined when the name is not one. */
export function knownProgram(argv: string[], io: IO, env: Readonly<Record<string, string>>, api: ProgramApi): Proc | undefined {
  const base = (argv[0] ?? "").split("/").pop() ?? "";
  if (base === "nc" || base === "netcat") return netcatListen(argv, io, api);
  const p = PROGRAMS[base];
  return p ? p([base, ...argv.slice(1)], io, env, api) : undefined;
}

/**
 * A program the simulation does not know: a long-lived application that listens on the
 * container's declared ports (answering HTTP with its hostname and gRPC health with SERVING),
 * holds 16Mi and exits on SIGTERM with 143. It says so in the log.
 */
export function unknownProgram(argv: string[], api: ProgramApi, note: (text: string) => void): Proc {
  note(`"${argv.join(" ")}" is not simulated; it runs as a long-lived process${api.declaredPorts.length ? ` serving ports ${api.declaredPorts.join(", ")}` : ""}`);
  for (const port of api.declaredPorts) api.listen(port, echoHostname(api));
  api.setMemory(16 * MI);
  api.onTerm(143);
  return forever();
}
