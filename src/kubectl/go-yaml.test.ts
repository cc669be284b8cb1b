import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { goYamlMarshal, yamlKeyLess } from "./go-yaml";

// Cases from sigs.k8s.io/yaml goyaml.v2/encode_test.go (marshalTests, TestLineWrapping,
// TestSortedOutput), restricted to JSON-shaped values, plus kubectl-shaped documents.
describe("goYamlMarshal: goyaml.v2 marshalTests", () => {
  const cases: Array<[unknown, string]> = [
    [null, "null\n"],
    [{}, "{}\n"],
    [{ v: "hi" }, "v: hi\n"],
    [{ v: "true" }, "v: \"true\"\n"],
    [{ v: "false" }, "v: \"false\"\n"],
    [{ v: true }, "v: true\n"],
    [{ v: false }, "v: false\n"],
    [{ v: 10 }, "v: 10\n"],
    [{ v: -10 }, "v: -10\n"],
    [{ v: 4294967296 }, "v: 4294967296\n"],
    [{ v: "10" }, "v: \"10\"\n"],
    [{ v: 0.1 }, "v: 0.1\n"],
    [{ v: -0.1 }, "v: -0.1\n"],
    [{ v: null }, "v: null\n"],
    [{ v: "" }, "v: \"\"\n"],
    [{ v: ["A", "B"] }, "v:\n- A\n- B\n"],
    [{ v: ["A", "B\nC"] }, "v:\n- A\n- |-\n  B\n  C\n"],
    [{ v: ["A", 1, { B: [2, 3] }] }, "v:\n- A\n- 1\n- B:\n  - 2\n  - 3\n"],
    [{ a: { b: "c" } }, "a:\n  b: c\n"],
    [{ a: "-" }, "a: '-'\n"],
    [{ a: [1, 2] }, "a:\n- 1\n- 2\n"],
    [{ a: "<foo>" }, "a: <foo>\n"],
    [{ a: "1:1" }, "a: \"1:1\"\n"],
    [{ a: "\u0000" }, "a: \"\\0\"\n"],
    [{ a: "你好" }, "a: 你好\n"],
    [{ a: "2015-02-24T18:19:39Z" }, "a: \"2015-02-24T18:19:39Z\"\n"],
    [{ a: "b: c" }, "a: 'b: c'\n"],
    [{ a: "Hello #comment" }, "a: 'Hello #comment'\n"],
    [{ a: "你好 #comment" }, "a: '你好 #comment'\n"],
    [{ a: 100.5 }, "a: 100.5\n"],
  ];
  it.each(cases)("%j", (value, want) => {
    expect(goYamlMarshal(value)).toBe(want);
  });

  it("wraps long scalars at the first space past column 80 (TestLineWrapping)", () => {
    const v = { a: "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 " };
    expect(goYamlMarshal(v)).toBe(
      "a: 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n" +
      "  ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 '\n");
  });
});

describe("yamlKeyLess (TestSortedOutput, string keys)", () => {
  const order = ["", ".1", ".2", ".a", "1", "2", "a!10", "a/0001", "a/002", "a/3", "a/10", "a/11", "a/0012", "a/100",
    "a~10", "ab/1", "b/1", "b/01", "b/2", "b/02", "b/3", "b/03", "b1", "b01", "b3", "c2.10", "c10.2", "d1", "d7", "d7abc",
    "d12", "d12a"];
  it("sorts naturally", () => {
    const shuffled = [...order].reverse();
    shuffled.sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));
    expect(shuffled).toEqual(order);
  });
  it("kubernetes keys: uppercase before lowercase, shorter prefix first", () => {
    expect(goYamlMarshal({ kind: 1, apiVersion: 2, Zeta: 3, "app.kubernetes.io/name": 4, app: 5 }))
      .toBe("Zeta: 3\napiVersion: 2\napp: 5\napp.kubernetes.io/name: 4\nkind: 1\n");
  });
});

describe("goYamlMarshal: scalar styles", () => {
  const cases: Array<[string, unknown, string]> = [
    ["YAML 1.1 booleans are quoted", { a: "yes", b: "on", c: "N", d: "~" }, "a: \"yes\"\nb: \"on\"\nc: \"N\"\nd: \"~\"\n"],
    ["numbers in any base are quoted", { a: "0x1F", b: "1_000", c: "08", d: "1e3", e: ".5", f: "+1" },
      "a: \"0x1F\"\nb: \"1_000\"\nc: \"08\"\nd: \"1e3\"\ne: \".5\"\nf: \"+1\"\n"],
    ["dates are quoted, invalid dates are not", { a: "2026-01-01", b: "2026-13-01", c: "2026-01-01 10:00:00", d: "2024-02-29", e: "2023-02-29" },
      "a: \"2026-01-01\"\nb: 2026-13-01\nc: \"2026-01-01 10:00:00\"\nd: \"2024-02-29\"\ne: 2023-02-29\n"],
    ["IPs, images and commands stay plain", { ip: "10.244.1.5", image: "nginx:1.14.2", c: ["sh", "-c", "echo hi; sleep 5"] },
      "c:\n- sh\n- -c\n- echo hi; sleep 5\nimage: nginx:1.14.2\nip: 10.244.1.5\n"],
    ["indicators force single quotes", { a: "*", b: "- x", c: " lead", d: "trail ", e: "it's: here" },
      "a: '*'\nb: '- x'\nc: ' lead'\nd: 'trail '\ne: 'it''s: here'\n"],
    ["control and astral characters force double quotes", { a: "a\tb", b: "smile 😀" }, "a: \"a\\tb\"\nb: \"smile \\U0001F600\"\n"],
    ["literal chomping", { clip: "a\n", keep: "a\n\n", strip: "a\nb", lead: " a\nb\n" },
      "clip: |\n  a\nkeep: |+\n  a\n\nlead: |2\n   a\n  b\nstrip: |-\n  a\n  b\n"],
    ["space before a newline cannot be a block", { a: "x \ny" }, "a: \"x \\ny\"\n"],
    ["empty collections in sequences", { a: [[], {}, [1]] }, "a:\n- []\n- {}\n- - 1\n"],
    ["long plain values wrap under the key",
      { message: "Back-off restarting failed container app in pod web-0_default(3f0c2a6e-2d4b-4a51-9b1c-8f4e0a7d1c22) again and again" },
      "message: Back-off restarting failed container app in pod web-0_default(3f0c2a6e-2d4b-4a51-9b1c-8f4e0a7d1c22)\n  again and again\n"],
  ];
  it.each(cases)("%s", (_n, value, want) => {
    const out = goYamlMarshal(value);
    expect(out).toBe(want);
    expect(parse(out)).toEqual(value); // and it reads back as the same data
  });
});

describe("goYamlMarshal: a Pod as kubectl prints it", () => {
  it("matches kubectl's layout", () => {
    const pod = {
      kind: "Pod", apiVersion: "v1",
      metadata: { name: "web-0", namespace: "default", labels: { app: "web" }, resourceVersion: "42", uid: "3f0c2a6e",
        creationTimestamp: "2026-01-01T00:00:00Z",
        annotations: { "kubectl.kubernetes.io/last-applied-configuration": "{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}\n" } },
      spec: { restartPolicy: "Always", containers: [{ name: "app", image: "busybox:1.36", command: ["sh", "-c", "echo hello; sleep 3600"],
        ports: [{ containerPort: 80, protocol: "TCP" }], resources: {} }] },
      status: { phase: "Running", podIP: "10.244.1.5", conditions: [{ type: "Ready", status: "False", lastProbeTime: null,
        lastTransitionTime: "2026-01-01T00:00:05Z", reason: "ContainersNotReady", message: "containers with unready status: [app]" }] },
    };
    expect(goYamlMarshal(pod)).toBe(`apiVersion: v1
kind: Pod
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"v1","kind":"Pod"}
  creationTimestamp: "2026-01-01T00:00:00Z"
  labels:
    app: web
  name: web-0
  namespace: default
  resourceVersion: "42"
  uid: 3f0c2a6e
spec:
  containers:
  - command:
    - sh
    - -c
    - echo hello; sleep 3600
    image: busybox:1.36
    name: app
    ports:
    - containerPort: 80
      protocol: TCP
    resources: {}
  restartPolicy: Always
status:
  conditions:
  - lastProbeTime: null
    lastTransitionTime: "2026-01-01T00:00:05Z"
    message: 'containers with unready status: [app]'
    reason: ContainersNotReady
    status: "False"
    type: Ready
  phase: Running
  podIP: 10.244.1.5
`);
  });
});
