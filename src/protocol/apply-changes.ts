/**
 * The receiving side of a patch's object changes (WireChange): what the UI's cluster mirror and the
 * tests run to rebuild the worker's objects. Pure; the input map is not modified.
 */
import { objectKey, type Kind, type ObjectKey, type Stored } from "../api/types";
import { applyDiff } from "./diff";
import type { WireChange } from "./messages";

export type ObjectMap = ReadonlyMap<ObjectKey, Stored<Kind>>;

/**
 * `objects` with `changes` applied in order, or "missing" when a diff names an object (or a base)
 * the map does not hold: the two sides disagree and the receiver must ask for a fresh snapshot.
 * Returns `objects` itself when there is nothing to change.
 */
export function applyChanges(objects: ObjectMap, changes: readonly WireChange[]): ObjectMap | "missing" {
  if (changes.length === 0) return objects;
  const next = new Map(objects);
  for (const c of changes) {
    switch (c.op) {
      case "put":
        next.set(objectKey(c.object.kind, c.object.metadata.namespace, c.object.metadata.name), c.object);
        break;
      case "remove":
        next.delete(objectKey(c.kind, c.namespace, c.name));
        break;
      case "diff": {
        const key = objectKey(c.kind, c.namespace, c.name);
        const from = next.get(c.base === undefined ? key : objectKey(c.kind, c.namespace, c.base));
        if (!from) return "missing";
        next.set(key, applyDiff(from, c.ops));
        break;
      }
      default: {
        const never: never = c;
        throw new Error(`unknown change ${JSON.stringify(never)}`);
      }
    }
  }
  return next;
}
