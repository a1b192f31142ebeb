import { createRoot } from 'react-dom/client';
import { PopupApp } from '../../components/popup/PopupApp';
import type { PopupBoot } from '../../components/popup/boot';
import type { FirstScreen } from '../../components/popup/reads';

/** How long React waits for the first screen's reads before drawing "Loading…" instead (ms). */
const WAIT_FOR_DATA = 60;

/**
 * Draws the popup: at once with its data when the first screen's reads are done within
 * WAIT_FOR_DATA (usually: they started before React loaded), so the first frame already shows
 * goals and the due list; else "Loading…" first, filled in when they are. It draws over the static
 * first screen (components/popup/boot.ts) once that is painted (`painted`): React's first commit replaces the
 * container's children, in one frame.
 */
export function mount({ firstScreen: first, firstPaint: painted, reactTakesOver }: PopupBoot): void {
  let settled: { value: FirstScreen | null } | undefined;
  const done = first.then((value) => { settled = { value }; });
  const draw = () => {
    reactTakesOver();
    createRoot(document.getElementById('root')!).render(<PopupApp first={first} initial={settled} />);
  };
  // With the data, after the frame that shows the static first screen (React's first render is a
  // long task: it must not hold that frame back).
  void Promise.race([done, new Promise((r) => setTimeout(r, WAIT_FOR_DATA))]).then(() => (settled ? painted : undefined)).then(draw);
}
