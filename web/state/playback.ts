/**
 * The playback slice: whether the engine plays and how fast (written only by the engine client
 * from `playback` messages), and the seek the timeline is waiting for (written only by the seek
 * controller, web/state/seek.ts).
 */
export interface PlaybackSlice {
  playback: { playing: boolean; speed: number };
  receivePlayback(playing: boolean, speed: number): void;
  /** Virtual second the timeline asked to jump to and waits for; null when none. */
  seeking: number | null;
  setSeeking(target: number | null): void;
}

export function createPlaybackSlice(set: (s: Partial<PlaybackSlice>) => void): PlaybackSlice {
  return {
    playback: { playing: false, speed: 1 },
    receivePlayback: (playing, speed) => set({ playback: { playing, speed } }),
    seeking: null,
    setSeeking: (seeking) => set({ seeking }),
  };
}
