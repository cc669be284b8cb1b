/**
 * How often the canvas redraws the cluster. Up to a few hundred pods, on every frame the engine
 * sends; above that, a few times a second, so that a thousand pods changing at once never costs a
 * frame its budget: the canvas stays smooth to pan and zoom, and the rest of the page (clock,
 * timeline, panels) keeps its 60 frames per second. A snapshot (load, seek) redraws at once.
 */
import { useEffect, useRef, useState } from "react";
import type { ClusterMirror } from "../state/cluster";
import { appStore } from "../state/store";

/** Wall milliseconds between two redraws of a cluster of `pods` pods. */
export function redrawInterval(pods: number): number {
  if (pods <= 300) return 0;
  return Math.min(500, Math.round(pods / 4));
}

/** The cluster mirror as the canvas draws it: the store's, at most every redrawInterval(pods). */
export function useRedrawnCluster(pods: number): ClusterMirror {
  const [cluster, setCluster] = useState(() => appStore.getState().cluster);
  const podsRef = useRef(pods);
  podsRef.current = pods;
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      last = performance.now();
      setCluster(appStore.getState().cluster);
    };
    const unsubscribe = appStore.subscribe((s, prev) => {
      if (s.cluster === prev.cluster) return;
      const wait = s.cluster.snapshots !== prev.cluster.snapshots ? 0 : last + redrawInterval(podsRef.current) - performance.now();
      if (wait <= 0) {
        clearTimeout(timer);
        flush();
      } else {
        timer ??= setTimeout(flush, wait);
      }
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, []);
  return cluster;
}
