/**
 * The popup's boot, free of React and Dexie: takes the first screen the background keeps ready
 * (snapshot.ts: one storage read, ≈ 5 ms), or else reads it (raw IndexedDB, one read-only
 * transaction: idb-read.ts, ≈ 40 ms with 30k contacts), and draws it as plain DOM as soon as it
 * has it (first-paint.ts: the same markup React then draws over it). It runs from
 * entrypoints/popup-first.ts, a classic script at the top of popup.html's <head>: it starts while
 * the page is still being parsed, without waiting for the stylesheets or the module scripts. main.tsx takes what it started from `globalThis[POPUP_BOOT]` (or starts it itself
 * when that script did not run). A failure is not an error here: the live queries read everything
 * again.
 */
import { type FirstScreen, readFirstScreen } from './reads';
import { openExisting, readOnlyDb } from './idb-read';
import { paintFirstScreen } from './first-paint';
import { DB_NAME } from '../../lib/db/constants';
import { toIsoDate } from '../../lib/domain/dates';
import { readSnapshot } from './snapshot';

export interface PopupBoot {
  /** The first screen's data (null: no database yet, or the read failed). */
  firstScreen: Promise<FirstScreen | null>;
  /**
   * Resolves once the static first screen is on screen (the task after its frame), or when there
   * is none: React draws over it then, not before (its first render would hold that frame back).
   */
  firstPaint: Promise<void>;
  /** React is about to draw into #root: from now on the static first screen is not drawn. */
  reactTakesOver(): void;
}

/** Where popup-first.js leaves its boot for main.tsx. */
export const POPUP_BOOT = '__rapportPopupBoot';

/** At most this long (ms) React waits for the static screen's frame (a background tab gets none). */
const MAX_WAIT = 150;

/** Where the first screen came from: the background's snapshot, or this page's own read. */
export type FirstSource = 'kept' | 'read' | 'none';

async function read(noted: (source: FirstSource) => void): Promise<FirstScreen | null> {
  const now = new Date();
  const kept = await readSnapshot(toIsoDate(now)).catch(() => null);
  if (kept) {
    noted('kept');
    return kept;
  }
  noted('read');
  const idb = await openExisting(DB_NAME);
  if (!idb) return null;
  try {
    return await readFirstScreen(readOnlyDb(idb), now, toIsoDate(now));
  } finally {
    idb.close();
  }
}

/**
 * The document has been parsed (the boot runs in <head>, before #root exists): readiness
 * "interactive", which comes before the module scripts run and DOMContentLoaded fires (waiting for
 * that event held the first screen back 10–20 ms, behind main.tsx's chunks).
 */
function parsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (document.readyState === 'loading') return;
      document.removeEventListener('readystatechange', check);
      resolve();
    };
    document.addEventListener('readystatechange', check);
  });
}

/** Starts reading and drawing the first screen. */
export function startBoot(): PopupBoot {
  let source: FirstSource = 'none';
  const firstScreen: Promise<FirstScreen | null> = read((s) => { source = s; }).catch(() => null);
  let reactIn = false;
  const firstPaint = new Promise<void>((resolve) => {
    setTimeout(resolve, MAX_WAIT);
    // Registered before anyone else waits for the read, so it runs first when the read answers.
    void firstScreen.then(async (screen) => {
      await parsed();
      const root = document.getElementById('root');
      if (!root) return resolve();
      root.dataset.first = source; // (tests and diagnosis: which way the first screen came)
      if (reactIn) return resolve();
      try {
        paintFirstScreen(root, screen, toIsoDate(new Date()));
      } catch {
        root.replaceChildren(); // React draws it all anyway
        return resolve();
      }
      requestAnimationFrame(() => setTimeout(resolve, 0));
    });
  });
  return { firstScreen, firstPaint, reactTakesOver: () => { reactIn = true; } };
}

/** The boot popup-first.js started, or a new one (that script did not run, e.g. in tests). */
export function takeBoot(): PopupBoot {
  const g = globalThis as typeof globalThis & { [POPUP_BOOT]?: PopupBoot };
  return (g[POPUP_BOOT] ??= startBoot());
}
