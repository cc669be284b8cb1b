/**
 * The UI side of the worker protocol (DESIGN §6). It starts the engine worker, checks that both
 * sides speak the same protocol version, writes snapshots and patches into the store's cluster
 * mirror, and asks for a resync when a patch does not follow the last applied sequence number.
 * Commands sent before the worker said `ready` wait in order and go out once it has.
 */
import { PROTOCOL_VERSION, type ExplainReport, type FromWorker, type Replay, type ToWorker, type UiAction } from "../../src/protocol/messages";
import type { Kind } from "../../src/api/types";
import type { AppStore } from "../state/store";

/** The part of a Worker the client uses (a fake in tests). */
export interface EngineWorker {
  postMessage(msg: ToWorker): void;
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
  terminate(): void;
}

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The request's id: `stopKubectl(id)` ends a following command. */
  id?: number;
  /** The command follows (get -w, logs -f): more output comes to its `onStream` until it ends. */
  following?: boolean;
}

/** More output of a following command; `ended` (a reason, possibly "") when it is over. */
export interface KubectlChunk {
  stdout: string;
  ended?: string;
}

export class EngineClient {
  private worker: EngineWorker | undefined;
  private ready = false;
  private readonly outbox: ToWorker[] = [];
  /** A gap was seen: patches are dropped until the requested snapshot arrives. */
  private resyncing = false;
  private nextKubectlId = 1;
  private readonly kubectlPending = new Map<number, (r: KubectlResult) => void>();
  private readonly streamHandlers = new Map<number, (chunk: KubectlChunk) => void>();
  private readonly completePending = new Map<number, (r: { prefix: string; candidates: string[] }) => void>();
  private readonly explainPending = new Map<number, (r: ExplainReport) => void>();

  constructor(
    private readonly store: AppStore,
    private readonly createWorker: () => EngineWorker,
  ) {}

  /** Starts the worker and greets it. Idempotent. */
  start(): void {
    if (this.worker) return;
    const w = this.createWorker();
    this.worker = w;
    w.onmessage = (ev) => this.handle(ev.data);
    w.onerror = (ev) => this.store.getState().setEngineStatus({ state: "fatal", message: ev.message || "The engine worker failed to start." });
    w.postMessage({ type: "hello", protocolVersion: PROTOCOL_VERSION });
  }

  /** Stops the worker (page teardown, hot reload). */
  stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.ready = false;
    this.outbox.length = 0;
  }

  /** Loads a scenario into a fresh run; with `replay`, restored to a recorded position (web/share). */
  load(yaml: string, seed?: number, replay?: Replay): void {
    this.send({ type: "load", yaml, ...(seed === undefined ? {} : { seed }), ...(replay ? { replay } : {}) });
  }
  play(): void { this.send({ type: "play" }); }
  pause(): void { this.send({ type: "pause" }); }
  step(): void { this.send({ type: "step" }); }
  setSpeed(speed: number): void { this.send({ type: "setSpeed", speed }); }
  seek(time: number): void { this.send({ type: "seek", time }); }
  /** Steps until the object changes or gets an event (the timeline's "next change of the selection"). */
  stepToChange(target: { kind: Kind; namespace?: string; name: string }): void { this.send({ type: "stepToChange", target }); }
  apply(yaml: string): void { this.send({ type: "apply", yaml }); }
  action(action: UiAction): void { this.send({ type: "action", action }); }

  /**
   * Runs a kubectl command line; `stdin` is what `-f -` reads. A following command (get -w,
   * logs -f) goes on sending its output to `onStream` until it ends or `stopKubectl` ends it.
   */
  kubectl(command: string, stdin?: string, onStream?: (chunk: KubectlChunk) => void): Promise<KubectlResult> {
    const id = this.nextKubectlId++;
    if (onStream) this.streamHandlers.set(id, onStream);
    return new Promise((resolve) => {
      this.kubectlPending.set(id, resolve);
      this.send({ type: "kubectl", id, command, ...(stdin === undefined ? {} : { stdin }) });
    });
  }

  /** Ctrl+C on a following command. */
  stopKubectl(id: number): void {
    this.send({ type: "kubectlStop", id });
  }

  /** What may come next on a partial kubectl command line (the console's Tab). */
  complete(line: string): Promise<{ prefix: string; candidates: string[] }> {
    const id = this.nextKubectlId++;
    return new Promise((resolve) => {
      this.completePending.set(id, resolve);
      this.send({ type: "complete", id, line });
    });
  }

  /** The "why?" data about an object at the current instant. */
  explain(target: { kind: Kind; namespace?: string; name: string }): Promise<ExplainReport> {
    const id = this.nextKubectlId++;
    return new Promise((resolve) => {
      this.explainPending.set(id, resolve);
      this.send({ type: "explain", id, target });
    });
  }

  /** Handles one message from the worker. */
  handle(msg: FromWorker): void {
    const s = this.store.getState();
    switch (msg.type) {
      case "ready":
        if (msg.protocolVersion !== PROTOCOL_VERSION) {
          s.setEngineStatus({ state: "fatal", message: `The page and the engine speak different protocol versions (page: ${PROTOCOL_VERSION}, engine: ${msg.protocolVersion}). Reload the page.` });
          return;
        }
        this.ready = true;
        s.setEngineStatus({ state: "ready" });
        for (const m of this.outbox.splice(0)) this.worker?.postMessage(m);
        return;
      case "snapshot":
        this.resyncing = false;
        s.receiveSnapshot(msg.seq, msg.snapshot);
        return;
      case "patch":
        if (this.resyncing) return;
        if (!s.receivePatch(msg.seq, msg.patch)) {
          this.resyncing = true;
          this.send({ type: "resync" });
        }
        return;
      case "errors":
        s.receiveErrors(msg.source, msg.errors);
        return;
      case "playback":
        s.receivePlayback(msg.playing, msg.speed);
        return;
      case "kubectlResult": {
        const resolve = this.kubectlPending.get(msg.id);
        this.kubectlPending.delete(msg.id);
        resolve?.({ stdout: msg.stdout, stderr: msg.stderr, exitCode: msg.exitCode, id: msg.id, ...(msg.following ? { following: true } : {}) });
        if (!msg.following) this.streamHandlers.delete(msg.id);
        return;
      }
      case "kubectlStream": {
        this.streamHandlers.get(msg.id)?.({ stdout: msg.stdout, ...(msg.ended !== undefined ? { ended: msg.ended } : {}) });
        if (msg.ended !== undefined) this.streamHandlers.delete(msg.id);
        return;
      }
      case "completeResult": {
        const resolve = this.completePending.get(msg.id);
        this.completePending.delete(msg.id);
        resolve?.({ prefix: msg.prefix, candidates: msg.candidates });
        return;
      }
      case "explainResult": {
        const resolve = this.explainPending.get(msg.id);
        this.explainPending.delete(msg.id);
        resolve?.(msg.report);
        return;
      }
      case "logged":
        // The timeline's command log is kept by the share journal, which observes the worker (web/share/journal.ts).
        return;
      case "fatal":
        s.setEngineStatus({ state: "fatal", message: msg.message });
        return;
      default: {
        const unknown: never = msg;
        s.setEngineStatus({ state: "fatal", message: `Unknown message from the engine: ${JSON.stringify(unknown)}` });
      }
    }
  }

  private send(msg: ToWorker): void {
    if (this.ready && this.worker) this.worker.postMessage(msg);
    else this.outbox.push(msg);
  }
}
