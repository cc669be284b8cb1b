/**
 * The node's image manager (pkg/kubelet/images/image_manager.go): pull policies, the node's image
 * cache, serialized pulls (serializeImagePulls defaults to true: one pull at a time per node),
 * and the image pull back-off keyed by pod UID and image. Events use the kubelet's wording.
 */
import type { Container, Pod } from "kubernetes-types/core/v1";
import type { Timer } from "../clock/clock";
import type { Recorder } from "../api/events";
import type { KObject } from "../api/types";
import { imagePullBackOff } from "./backoff";
import { checkPull, FAILED_PULL_MS, imageInfo, MANIFEST_CHECK_MS, normalizeImage, pullDurationMs, tagOf } from "./behaviour/images";
import { EV, MSG, WAITING } from "./reasons";

export type PullResult =
  | { ok: true }
  | { ok: false; reason: (typeof WAITING)["ErrImagePull" | "ImagePullBackOff" | "ErrImageNeverPull" | "InvalidImageName"]; message: string };

export interface ImageEnv {
  now(): number;
  after(ms: number, label: string, run: () => void): Timer;
  recorder: Recorder;
}

export class ImageManager {
  private readonly present = new Set<string>();
  private readonly backoff = imagePullBackOff();
  private readonly lastError = new Map<string, string>();
  /** Virtual time the puller is busy until (pulls are serialized). */
  private busyUntil = 0;
  /** Images a queued pull will have fetched: a later pull of one only checks the manifest. */
  private readonly queued = new Set<string>();

  constructor(private readonly env: ImageEnv) {}

  hasImage(image: string): boolean {
    return this.present.has(normalizeImage(image));
  }

  /** The kubelet stopped: pulls under way are lost (the images already on disk stay). */
  forgetAll(): void {
    this.busyUntil = 0;
    this.queued.clear();
  }

  /**
   * EnsureImageExists: calls `done` at once (present, in back-off, never-pull) or when the pull
   * finishes. The returned timer cancels a pull still waiting or in progress.
   */
  ensure(pod: Pod & KObject, c: Container, done: (r: PullResult) => void): Timer | undefined {
    const image = c.image ?? "";
    const rec = this.env.recorder;
    const check = checkPull(image);
    if (!check.ok && check.reason === "InvalidImageName") {
      rec.event(pod, "Warning", EV.InspectFailed, check.message);
      done({ ok: false, reason: WAITING.InvalidImageName, message: check.message });
      return undefined;
    }
    const policy = c.imagePullPolicy ?? (tagOf(image) === "latest" ? "Always" : "IfNotPresent");
    const present = this.hasImage(image);
    if (policy === "Never" || (policy === "IfNotPresent" && present)) {
      if (present) {
        rec.event(pod, "Normal", EV.Pulled, MSG.alreadyPresent(image));
        done({ ok: true });
      } else {
        rec.event(pod, "Warning", EV.ErrImageNeverPull, MSG.neverPull(image));
        done({ ok: false, reason: WAITING.ErrImageNeverPull, message: MSG.neverPull(image) });
      }
      return undefined;
    }
    const key = `${pod.metadata?.uid}_${image}`;
    const now = this.env.now();
    if (this.backoff.isInBackOffSinceUpdate(key, now)) {
      rec.event(pod, "Normal", EV.BackOff, MSG.backOffPull(image));
      done({ ok: false, reason: WAITING.ImagePullBackOff, message: MSG.backOffPullWaiting(image, this.lastError.get(key) ?? "") });
      return undefined;
    }
    rec.event(pod, "Normal", EV.Pulling, MSG.pulling(image));
    const ref = normalizeImage(image);
    const pullMs = !check.ok ? FAILED_PULL_MS : present || this.queued.has(ref) ? MANIFEST_CHECK_MS : pullDurationMs(image, pod.metadata?.annotations, c.name);
    if (check.ok) this.queued.add(ref);
    const start = Math.max(now, this.busyUntil);
    const finish = start + pullMs;
    this.busyUntil = finish;
    return this.env.after(finish - now, `pull ${image}`, () => {
      if (!check.ok) {
        rec.event(pod, "Warning", EV.Failed, MSG.failedPull(image, check.error));
        this.backoff.next(key, this.env.now(), this.env.now());
        this.lastError.set(key, check.error);
        done({ ok: false, reason: WAITING.ErrImagePull, message: check.error });
        return;
      }
      this.present.add(ref);
      this.backoff.forget(key);
      rec.event(pod, "Normal", EV.Pulled, MSG.pulled(image, pullMs, finish - now, imageInfo(image).sizeBytes));
      done({ ok: true });
    });
  }
}
