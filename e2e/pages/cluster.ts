/**
 * The cluster canvas, the details panel and the timeline, in a learner's verbs: read where each
 * pod is drawn (the queue or a node, and so a zone), click an object, step, play, and move along
 * the scrubber.
 */
import { expect, type Locator, type Page } from "@playwright/test";
import { saveScreenshot } from "./screenshots";
import { TimelineControls } from "./timeline";


/** A pod as drawn, not the fading copy ("ghost") of a pod that was just removed. */
const LIVE_POD = ".kp-pod:not(.is-ghost)";

export interface PodPlace {
  name: string;
  status: string;
  /** The node it is drawn on; "" in the scheduling queue. */
  node: string;
}

export class ClusterPage extends TimelineControls {
  readonly canvas: Locator;
  readonly queue: Locator;
  readonly details: Locator;
  readonly nextChange: Locator;
  readonly scrubber: Locator;

  constructor(page: Page) {
    super(page);
    this.canvas = page.getByTestId("canvas");
    this.queue = page.getByTestId("canvas-queue");
    this.details = page.getByTestId("details");
    this.nextChange = page.getByTestId("step-to-change");
    this.scrubber = page.getByTestId("scrubber");
  }

  /** Opens the page and waits until the engine has drawn the starter cluster. */
  async open(): Promise<void> {
    await this.page.goto("/");
    await expect(this.playPause).toBeEnabled();
    await expect(this.canvas.locator(".kp-machine")).not.toHaveCount(0);
  }

  pods(prefix = ""): Locator {
    // An empty [attr^=""] matches nothing in CSS: no prefix means every pod.
    return this.canvas.locator(prefix ? `${LIVE_POD}[data-pod^="${prefix}"]` : `${LIVE_POD}[data-pod]`);
  }

  pod(name: string): Locator {
    return this.canvas.locator(`${LIVE_POD}[data-pod="${name}"]`);
  }

  node(name: string): Locator {
    return this.canvas.locator(`.kp-machine[data-node="${name}"]`);
  }

  /** Pods whose name starts with `prefix`, with their status and node, in name order. */
  async podPlaces(prefix = ""): Promise<PodPlace[]> {
    const places = await this.pods(prefix).evaluateAll((els) => els.map((el) => ({
      name: el.getAttribute("data-pod") ?? "",
      status: el.getAttribute("data-status") ?? "",
      node: el.getAttribute("data-bound") ?? "",
    })));
    return places.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Plays until `count` pods named `prefix…` are Running on the canvas, then pauses. */
  async playUntilRunning(prefix: string, count: number, timeout = 20_000): Promise<void> {
    await this.play();
    await expect.poll(async () => (await this.podPlaces(prefix)).filter((p) => p.status === "Running").length, { timeout }).toBe(count);
    await this.pause();
  }

  /** The zone of each node drawn, by node name. */
  async nodeZones(): Promise<Record<string, string>> {
    const pairs = await this.canvas.locator(".kp-machine").evaluateAll((els) => els.map((el) => [el.getAttribute("data-node") ?? "", el.getAttribute("data-zone") ?? ""]));
    return Object.fromEntries(pairs);
  }

  async queueCount(): Promise<number> {
    return Number(await this.queue.getAttribute("data-count"));
  }

  /** True when the pod's tile is drawn inside the node's card (after any move has finished). */
  async drawnInside(pod: string, node: string): Promise<boolean> {
    const p = await this.pod(pod).boundingBox();
    const n = await this.node(node).boundingBox();
    if (!p || !n) return false;
    return p.x >= n.x - 0.5 && p.y >= n.y - 0.5 && p.x + p.width <= n.x + n.width + 0.5 && p.y + p.height <= n.y + n.height + 0.5;
  }

  async selectPod(name: string): Promise<void> {
    await this.pod(name).click();
    await expect(this.details).toHaveAttribute("data-name", name);
  }

  async showView(view: "cluster" | "workloads"): Promise<void> {
    await this.page.getByTestId(`canvas-view-${view}`).click();
    await expect(this.canvas).toHaveAttribute("data-view", view);
  }

  async stepToNextChange(): Promise<void> {
    const seq = await this.seq();
    await this.nextChange.click();
    await expect(this.timeline).toHaveAttribute("data-seq", String(seq + 1));
  }

  /** The furthest virtual second the timeline knows (its scrubber's shaded part). */
  async horizon(): Promise<number> {
    return Number(await this.scrubber.getAttribute("data-horizon"));
  }

  /** Seeks with the scrubber's keyboard: Home is the start, End the furthest time reached. */
  async scrubWithKey(key: "Home" | "End"): Promise<void> {
    const snapshots = await this.snapshotsSeen();
    await this.scrubber.focus();
    await this.page.keyboard.press(key);
    await expect.poll(() => this.snapshotsSeen()).toBeGreaterThan(snapshots);
    await expect(this.timeline.getByText("replaying to here…")).toHaveCount(0);
  }

  /** Seeks by pressing the scrubber at `seconds` (the pointer's place on the track). */
  async scrubTo(seconds: number): Promise<void> {
    const box = await this.scrubber.boundingBox();
    const end = Number(await this.scrubber.getAttribute("data-end"));
    if (!box) throw new Error("the scrubber is not on screen");
    const snapshots = await this.snapshotsSeen();
    await this.page.mouse.click(box.x + (seconds / end) * box.width, box.y + box.height / 2);
    await expect.poll(() => this.snapshotsSeen()).toBeGreaterThan(snapshots);
    await expect(this.timeline.getByText("replaying to here…")).toHaveCount(0);
  }

  /** Engine snapshots applied so far (each seek is answered by one). */
  private async snapshotsSeen(): Promise<number> {
    return Number(await this.canvas.getAttribute("data-snapshots"));
  }

  async screenshot(name: string): Promise<void> {
    await saveScreenshot(this.page, name);
  }
}
