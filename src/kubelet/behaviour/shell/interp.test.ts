import { describe, expect, it } from "vitest";
import { runContainer } from "../testing";

const sh = (script: string) => ["/bin/sh", "-c", script];

describe("the shell", () => {
  it.each([
    ["echo hello; echo world", "hello\nworld\n", 0],
    ["false || echo fallback", "fallback\n", 0],
    ["true && echo both", "both\n", 0],
    ["false && echo never; echo $?", "1\n", 0],
    ["exit 3", "", 3],
    ["X=1; if [ $X -eq 1 ]; then echo one; elif [ $X -eq 2 ]; then echo two; else echo other; fi", "one\n", 0],
    ["for i in a b c; do echo $i; done", "a\nb\nc\n", 0],
    ["i=0; while [ $i -lt 3 ]; do i=$((i+1)); done; echo $i", "3\n", 0],
    ["i=0; until [ $i -ge 2 ]; do i=$((i+1)); echo tick; done", "tick\ntick\n", 0],
    ["echo \"quoted $HOSTNAME\" 'single $HOSTNAME'", "quoted pod-1 single $HOSTNAME\n", 0],
    ["echo ${UNSET:-default} ${HOSTNAME:+set}", "default set\n", 0],
    ["echo $(echo inner) `echo back`", "inner back\n", 0],
    ["touch /tmp/a && test -f /tmp/a && echo present; rm /tmp/a; [ -e /tmp/a ] || echo gone", "present\ngone\n", 0],
    ["mkdir -p /data/x && echo hi > /data/x/f && cat /data/x/f && echo more >> /data/x/f && wc -l /data/x/f", "hi\n2 /data/x/f\n", 0],
    ["cat /tmp/healthy", "cat: can't open '/tmp/healthy': No such file or directory\n", 1],
    ["f() { echo in-f $1; return 4; }; f arg; echo $?", "in-f arg\n4\n", 0],
    ["for i in 1 2 3 4; do if [ $i = 3 ]; then break; fi; echo $i; done", "1\n2\n", 0],
    ["set -e; false; echo unreachable", "", 1],
    ["echo a | grep a && echo piped", "a\npiped\n", 0],
    ["echo one two | wc -w", "2\n", 0],
    ["(exit 7); echo sub=$?", "sub=7\n", 0],
    ["if then", "sh: syntax error: unexpected \"then\"\n", 2],
    ["date", "Thu Jan  1 00:00:00 UTC 2026\n", 0],
    ["hostname", "pod-1\n", 0],
    ["/does/not/exist", "sh: /does/not/exist: not found\n", 127],
  ])("%s", (script, output, code) => {
    const h = runContainer(sh(script));
    h.runFor(1000);
    expect(h.output()).toBe(output);
    expect(h.exit()?.code).toBe(code);
  });

  it("sleeps on virtual time", () => {
    const h = runContainer(sh("echo start; sleep 30; echo end"));
    h.runFor(29_999);
    expect(h.output()).toBe("start\n");
    expect(h.exit()).toBeUndefined();
    h.runFor(1);
    expect(h.output()).toBe("start\nend\n");
    expect(h.exit()).toEqual({ code: 0, reason: "Completed", at: 30_000 });
  });

  it("runs the liveness example's script and its probe command against the same files", () => {
    const h = runContainer(sh("touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"));
    expect(h.proc.exec(["cat", "/tmp/healthy"], 1000)).toMatchObject({ code: 0, output: "", timedOut: false });
    h.runFor(31_000);
    expect(h.proc.exec(["cat", "/tmp/healthy"], 1000)).toMatchObject({
      code: 1, output: "cat: can't open '/tmp/healthy': No such file or directory\n", timedOut: false,
    });
  });

  it("ignores SIGTERM as PID 1 without a trap, and dies on SIGKILL", () => {
    const h = runContainer(sh("sleep 600"));
    h.proc.signal("TERM");
    h.runFor(10_000);
    expect(h.exit()).toBeUndefined();
    h.proc.signal("KILL");
    expect(h.exit()).toEqual({ code: 137, reason: "Error", at: 10_000 });
  });

  it("runs a TERM trap once the foreground command finishes, at once while in wait", () => {
    const fg = runContainer(sh("trap 'echo bye; exit 0' TERM; sleep 20"));
    fg.runFor(5000);
    fg.proc.signal("TERM");
    fg.runFor(5000);
    expect(fg.exit()).toBeUndefined();
    fg.runFor(10_000);
    expect(fg.output()).toBe("bye\n");
    expect(fg.exit()?.at).toBe(20_000);

    const bg = runContainer(sh("trap 'echo bye; exit 0' TERM; sleep 600 & wait"));
    bg.runFor(5000);
    bg.proc.signal("TERM");
    expect(bg.exit()).toEqual({ code: 0, reason: "Completed", at: 5000 });
  });

  it("gives a busy loop virtual time instead of spinning at one instant", () => {
    const h = runContainer(sh("while true; do :; done"));
    h.runFor(50);
    expect(h.exit()).toBeUndefined();
    expect(h.clock.now).toBe(50);
  });

  it("notes unknown programs in the log and keeps them running", () => {
    const h = runContainer(["myapp", "--serve"], { ports: [8080] });
    h.runFor(60_000);
    expect(h.exit()).toBeUndefined();
    expect(h.output()).toBe('kubeplay: "myapp --serve" is not simulated; it runs as a long-lived process serving ports 8080\n');
    expect(h.proc.http({ port: 8080, path: "/" })).toEqual({ kind: "response", status: 200, body: "pod-1\n" });
  });
});
