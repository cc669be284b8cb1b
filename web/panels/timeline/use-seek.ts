/** One seek controller per engine client, shared by whatever seeks (the scrubber, shortcuts). */
import type { EngineClient } from "../../engine/client";
import { useEngine } from "../../engine/context";
import { SeekController } from "../../state/seek";
import { appStore } from "../../state/store";

const controllers = new WeakMap<EngineClient, SeekController>();

export function seekControllerFor(engine: EngineClient): SeekController {
  let c = controllers.get(engine);
  if (!c) {
    c = new SeekController(appStore, engine);
    controllers.set(engine, c);
  }
  return c;
}

export function useSeek(): SeekController {
  return seekControllerFor(useEngine());
}
