import { createRoot } from 'react-dom/client';
import { PopupApp } from '../../components/popup/PopupApp';
import type { FirstScreen } from '../../components/popup/reads';

/** How long React waits for the first screen's reads before drawing "Loading…" instead (ms). */
const WAIT_FOR_DATA = 60;

/**
 * Draws the popup: at once with its data when the first screen's reads are done within
 * WAIT_FOR_DATA (usually: they started before React loaded), so the first frame already shows
 * goals and the due list; else "Loading…" first, filled in when they are.
 */
export function mount(first: Promise<FirstScreen | null>): void {
  let settled: { value: FirstScreen | null } | undefined;
  const done = first.then((value) => { settled = { value }; });
  const draw = () => createRoot(document.getElementById('root')!).render(<PopupApp first={first} initial={settled} />);
  void Promise.race([done, new Promise((r) => setTimeout(r, WAIT_FOR_DATA))]).then(draw);
}
