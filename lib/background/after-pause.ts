/**
 * Runs `run` once calls to `poke` pause for `delayMs`, and at the latest `maxWaitMs` after the first
 * poke of a burst (writes that go on for seconds, e.g. an import's batches, still get a run).
 * Used for the background's work after writes: the badge refresh and the popup's kept first screen.
 */
export interface AfterPause {
  poke(): void;
  /** Whether a run is scheduled (a burst is still going on). */
  pending(): boolean;
  /** Forgets the scheduled run (tests). */
  cancel(): void;
}

export function afterPause(run: () => void, delayMs: number, maxWaitMs: number): AfterPause {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAt = 0;
  return {
    poke() {
      const now = Date.now();
      if (timer === undefined) firstAt = now;
      else clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        run();
      }, Math.max(0, Math.min(delayMs, firstAt + maxWaitMs - now)));
    },
    pending: () => timer !== undefined,
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
