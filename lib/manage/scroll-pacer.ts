/**
 * Holds background work back while the user scrolls. The options list reads 30,000 contacts in
 * chunks after its first rows show; a chunk costs 4 to 8 ms of the page's thread, and chunks that
 * landed in the frames of a scroll made them late (scrolling while the list loaded dropped 4 to 13
 * frames of 150 in the benchmark, and 0 to 2 once it had loaded). With the pacer, the next chunk waits
 * until nothing has scrolled for `quietMs`, but never longer than `maxWaitMs`, so a list that is
 * scrolled without pause still fills in.
 */
export interface ScrollPacer {
  /** Resolves once the page has been still for `quietMs` (at most `maxWaitMs` after the call). */
  pace(): Promise<void>;
  /** Stops listening. */
  stop(): void;
}

export interface ScrollPacerOptions {
  quietMs?: number;
  maxWaitMs?: number;
  /** Where scroll events are heard (capture phase: an element's scroll does not bubble). */
  target?: EventTarget;
  now?: () => number;
}

export function scrollPacer({
  quietMs = 150, maxWaitMs = 1000, target = globalThis.document, now = () => performance.now(),
}: ScrollPacerOptions = {}): ScrollPacer {
  let last = -Infinity;
  const onScroll = () => { last = now(); };
  target?.addEventListener('scroll', onScroll, { capture: true, passive: true });
  return {
    pace: () => new Promise<void>((resolve) => {
      const start = now();
      const check = () => {
        const t = now();
        const quiet = t - last;
        const waited = t - start;
        if (quiet >= quietMs || waited >= maxWaitMs) resolve();
        else setTimeout(check, Math.max(1, Math.min(quietMs - quiet, maxWaitMs - waited)));
      };
      check();
    }),
    stop: () => target?.removeEventListener('scroll', onScroll, { capture: true }),
  };
}
