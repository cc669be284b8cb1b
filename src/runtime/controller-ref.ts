/**
 * Adoption and release by labels, as upstream's ControllerRefManager (pkg/controller
 * controller_ref_manager.go ClaimObject) does it for every workload controller:
 *
 * - an object controlled by us whose labels still match is ours;
 * - an object controlled by us whose labels no longer match is released (our controllerRef
 *   removed), unless we are being deleted;
 * - an orphan (no controllerRef) that matches, is not being deleted and lives in our namespace is
 *   adopted (our controllerRef added), unless we are being deleted;
 * - an object controlled by someone else is left alone.
 */
import type { ObjectStore } from "../api/store";
import { KINDS, type Kind, type Stored } from "../api/types";
import type { Selector } from "../api/selector";
import { controllerOf, newControllerRef } from "../controllers/pod-util";

export interface ClaimResult<K extends Kind> {
  /** The objects we control after claiming, in the order given. */
  claimed: Stored<K>[];
  /** The first failure of an adopt or release (the caller retries with back-off). */
  error?: string;
}

/**
 * Claims `candidates` (objects of `kind` in the owner's namespace) for `owner`. `match` defaults
 * to the selector; pods add filters (ClaimPods' active-pod filter) through `extraMatch`.
 */
export function claimObjects<K extends Kind>(
  store: ObjectStore, owner: Stored<Kind>, kind: K, selector: Selector, candidates: readonly Stored<K>[],
  extraMatch?: (o: Stored<K>) => boolean,
): ClaimResult<K> {
  const claimed: Stored<K>[] = [];
  let error: string | undefined;
  const ownerUid = owner.metadata.uid;
  const ownerDeleting = Boolean(owner.metadata.deletionTimestamp);
  const match = (o: Stored<K>) => selector.matches(o.metadata.labels) && (!extraMatch || extraMatch(o));
  for (const o of candidates) {
    const ref = controllerOf(o);
    if (ref) {
      if (ref.uid !== ownerUid) continue;
      if (match(o)) {
        claimed.push(o);
        continue;
      }
      if (ownerDeleting) continue;
      const res = store.mutate(kind, o.metadata.namespace, o.metadata.name, (d) => {
        const refs = d.metadata?.ownerReferences ?? [];
        d.metadata!.ownerReferences = refs.filter((r) => r.uid !== ownerUid);
        if (d.metadata!.ownerReferences.length === 0) delete d.metadata!.ownerReferences;
      });
      if (!res.ok && res.reason !== "NotFound") error ??= res.message;
      continue;
    }
    if (ownerDeleting || !match(o) || o.metadata.deletionTimestamp) continue;
    if (owner.metadata.namespace && owner.metadata.namespace !== o.metadata.namespace) continue;
    let takenMeanwhile = false;
    const res = store.mutate(kind, o.metadata.namespace, o.metadata.name, (d) => {
      if (controllerOf(d)) {
        takenMeanwhile = true;
        return false;
      }
      d.metadata!.ownerReferences = [...(d.metadata?.ownerReferences ?? []), newControllerRef(owner)];
    });
    if (!res.ok) {
      if (res.reason !== "NotFound") error ??= res.message;
      continue;
    }
    if (takenMeanwhile) {
      error ??= `${KINDS[kind].plural} "${o.metadata.name}" is already controlled by another object`;
      continue;
    }
    claimed.push(res.object);
  }
  return error === undefined ? { claimed } : { claimed, error };
}
