/**
 * The popup's first script, free of React and Dexie: it starts reading the first screen (raw
 * IndexedDB, one read-only transaction: components/popup/idb-read.ts) while main.tsx loads React
 * and the components, and draws that screen as plain DOM as soon as it is read
 * (components/popup/first-paint.ts: the same markup React then draws over it). A failure is not an
 * error here: the live queries read everything again.
 */
import { type FirstScreen, readFirstScreen } from '../../components/popup/reads';
import { openExisting, readOnlyDb } from '../../components/popup/idb-read';
import { paintFirstScreen } from '../../components/popup/first-paint';
import { DB_NAME } from '../../lib/db/constants';
import { toIsoDate } from '../../lib/domain/dates';

async function read(): Promise<FirstScreen | null> {
  const now = new Date();
  const idb = await openExisting(DB_NAME);
  if (!idb) return null;
  try {
    return await readFirstScreen(readOnlyDb(idb), now, toIsoDate(now));
  } finally {
    idb.close();
  }
}

export const firstScreen: Promise<FirstScreen | null> = read().catch(() => null);

let reactIn = false;
const MAX_WAIT = 150;

/** React is about to draw into #root: from now on the static first screen is not drawn. */
export function reactTakesOver(): void {
  reactIn = true;
}

/**
 * Resolves once the static first screen is on screen (the task after its frame), or when there is
 * none: React draws over it then, not before (its first render would hold that frame back). At
 * most MAX_WAIT ms (a background tab gets no frames).
 */
export const firstPaint: Promise<void> = new Promise((resolve) => {
  setTimeout(resolve, MAX_WAIT);
  // Registered before anyone else waits for the read, so it runs first when the read answers.
  void firstScreen.then((screen) => {
    const root = document.getElementById('root');
    if (reactIn || !root) return resolve();
    try {
      paintFirstScreen(root, screen, toIsoDate(new Date()));
    } catch {
      root.replaceChildren(); // React draws it all anyway
      return resolve();
    }
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
});
