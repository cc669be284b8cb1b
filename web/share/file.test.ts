import { describe, expect, it } from "vitest";
import { checkImport, exportFileName, formatBytes, MAX_IMPORT_BYTES } from "./file";

describe("exportFileName", () => {
  it.each([
    { name: "the Scenario's name", text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n---\napiVersion: kubeplay.dev/v1alpha1\nkind: Scenario\nmetadata: {name: rolling-update}\n", file: "rolling-update.yaml" },
    { name: "the first object's name", text: "# pods\napiVersion: v1\nkind: Pod\nmetadata:\n  labels: {app: web}\n  name: web-1\n", file: "web-1.yaml" },
    { name: "a flow-style name", text: "kind: Pod\nmetadata: {labels: {a: b}, name: \"db\"}\n", file: "db.yaml" },
    { name: "a name made safe for a file", text: "kind: Pod\nmetadata:\n  name: My_Pod.v2\n", file: "my-pod.v2.yaml" },
    { name: "no name at all", text: "# nothing yet\n", file: "scenario.yaml" },
    { name: "a nested name is not the object's", text: "kind: Pod\nspec:\n  containers:\n    - name: nginx\n", file: "scenario.yaml" },
  ])("$name → $file", ({ text, file }) => {
    expect(exportFileName(text)).toBe(file);
  });
});

describe("checkImport", () => {
  it("accepts a file up to the engine's limit and refuses a larger one with both sizes", () => {
    expect(checkImport(MAX_IMPORT_BYTES)).toEqual({ ok: true });
    expect(checkImport(MAX_IMPORT_BYTES + 1)).toEqual({ ok: false, reason: "tooLarge", size: "2.0 MiB", max: "2.0 MiB" });
    expect(checkImport(5 * 1024 * 1024)).toMatchObject({ size: "5.0 MiB" });
  });

  it.each([[512, "512 B"], [2048, "2.0 KiB"], [50_000, "49 KiB"], [3 * 1024 * 1024, "3.0 MiB"]])("formats %i bytes as %s", (n, s) => {
    expect(formatBytes(n)).toBe(s);
  });
});
