/**
 * The background's side of the popup's kept first screen (components/popup/snapshot.ts): drops it
 * the moment a write to one of the tables it shows is made, and keeps a new one once writes pause
 * (and on start-up and the refresh alarm, through refreshAll).
 *
 * Never stale: a write drops the snapshot before its request is even sent (lib/db/write-watch.ts),
 * and a snapshot read while something was written is not kept. The removal and a later `set` are
 * calls on the same storage area from this one worker, so they land in the order made.
 */
import { browser } from 'wxt/browser';
import { getDb } from '../db/db';
import { afterPause } from './after-pause';
import { onDbWrite } from '../db/write-watch';
import { dueCount } from '../reminders/due';
import { toIsoDate } from '../domain/dates';
import { FIRST_SCREEN_TABLES } from '../../components/popup/idb-read';
import { readFirstScreen } from '../../components/popup/reads';
import { SNAPSHOT_KEY, fromSnapshot, toSnapshot } from '../../components/popup/snapshot';

/** A new snapshot is read once writes pause this long (ms)… */
export const SNAPSHOT_DELAY_MS = 400;
/** … or at the latest this long after the first of them (an import writes for seconds). */
const SNAPSHOT_MAX_WAIT_MS = 10_000;

const SHOWN = new Set<string>(FIRST_SCREEN_TABLES);
/** Bumped on every write to a shown table: a read that saw a bump is not kept. */
let generation = 0;
/** Whether a snapshot may be stored (null: unknown, e.g. a worker that just started). */
let stored: boolean | null = null;
/** What the stored snapshot was read at: nothing to read again while both hold. */
let keptFor: { generation: number; day: string } | null = null;
const keepSoon = afterPause(() => {
  void keepSnapshot().catch((err: unknown) => console.warn('[rapport] popup snapshot failed', err));
}, SNAPSHOT_DELAY_MS, SNAPSHOT_MAX_WAIT_MS);

/** Drops the snapshot (a write to `table` is being made) and schedules a new one. */
export function dropSnapshot(table: string): void {
  if (!SHOWN.has(table)) return;
  generation++;
  if (stored !== false) {
    stored = false;
    void browser.storage.session?.remove(SNAPSHOT_KEY).catch(() => {});
  }
  keepSoon.poke();
}

/**
 * Reads the first screen of `now`'s day and keeps it, unless something was written meanwhile (the
 * snapshot scheduled after that write will be kept instead). Returns whether it was kept.
 */
export async function keepSnapshot(now: Date = new Date()): Promise<boolean> {
  const area = browser.storage.session;
  if (!area) return false;
  const seen = generation;
  const day = toIsoDate(now);
  // Kept already, and nothing written since on that day (the refresh after a write burst, or the
  // half-hourly alarm, right after the snapshot scheduled by that burst).
  if (stored === true && keptFor?.generation === seen && keptFor.day === day) return true;
  // A worker that just started (MV3 stops it after 30 s idle) finds the screen an earlier one kept:
  // still right, as every write goes through this worker and removes it before it is sent. Reading it
  // again would cost a start-up about half a second of work (30k contacts) in front of the panel's
  // first lookup.
  if (stored === null) {
    const got = await area.get(SNAPSHOT_KEY).catch(() => ({}) as Record<string, unknown>);
    if (seen === generation && stored === null && fromSnapshot(got[SNAPSHOT_KEY], day)) {
      stored = true;
      keptFor = { generation: seen, day };
      return true;
    }
  }
  const [screen, total] = await Promise.all([readFirstScreen(getDb(), now, day), dueCount(getDb(), day)]);
  if (seen !== generation) return false;
  screen.due.total = total;
  stored = true; // before the set: a write from now on removes it again, after the set lands
  keptFor = { generation: seen, day };
  await area.set({ [SNAPSHOT_KEY]: toSnapshot(screen) });
  return true;
}

/**
 * keepSnapshot, unless writes are still going on (a snapshot is scheduled for when they pause: a
 * read now would be thrown away, and would hold the next write back, e.g. an import's next batch).
 */
export function keepSnapshotIfIdle(now: Date = new Date()): Promise<boolean> {
  return keepSoon.pending() ? Promise.resolve(false) : keepSnapshot(now);
}

/** Call once from the background's main function. */
export function watchWritesForSnapshot(): void {
  onDbWrite(dropSnapshot);
}

/** Tests only: forget the state (a fresh worker). */
export function resetSnapshotStateForTests(): void {
  generation = 0;
  stored = null;
  keptFor = null;
  keepSoon.cancel();
}
