/**
 * The popup's first screen, kept ready by the background: after writes settle (and on start-up and
 * its alarm) the service worker reads the first screen (readFirstScreen, over Dexie) and keeps it in
 * `storage.session` (memory only: gone when the browser quits, never on disk). The popup then
 * draws from one storage read (≈ 5 ms) instead of opening IndexedDB and making a hundred requests
 * (≈ 40 ms). It is only ever a head start: the popup's live queries read everything again and
 * replace it a moment later.
 *
 * It is never stale: the background removes it before a write can land (lib/background/
 * first-screen.ts, on every Dexie mutation), stores a new one only if nothing was written while it
 * was being read, and the popup uses it only for the day it was read on.
 *
 * Zod-free and Dexie-free: the popup's first script (entrypoints/popup-first.ts) uses it.
 */
import { browser } from 'wxt/browser';
import type { Contact } from '../../lib/db/schema';
import type { FirstScreen } from './reads';

export const SNAPSHOT_KEY = 'popupFirstScreen';

/** What is stored: JSON-safe (the due view's Map of contacts as a list). */
export interface StoredSnapshot {
  v: 1;
  screen: Omit<FirstScreen, 'due'> & { due: Omit<FirstScreen['due'], 'contacts'> & { contacts: Contact[] } };
}

export function toSnapshot(screen: FirstScreen): StoredSnapshot {
  return { v: 1, screen: { ...screen, due: { ...screen.due, contacts: [...screen.due.contacts.values()] } } };
}

/** The first screen in a stored snapshot, if it is one (and of `day`); else null. */
export function fromSnapshot(stored: unknown, day: string): FirstScreen | null {
  const s = stored as Partial<StoredSnapshot> | null | undefined;
  if (!s || s.v !== 1 || !s.screen || s.screen.day !== day || !Array.isArray(s.screen.due?.contacts)) return null;
  const { due } = s.screen;
  return { ...s.screen, due: { ...due, contacts: new Map(due.contacts.map((c) => [c.id, c])) } };
}

/** The snapshot of `day`, or null (none kept, another day, or no session storage here). */
export async function readSnapshot(day: string): Promise<FirstScreen | null> {
  const area = browser.storage?.session;
  if (!area) return null;
  const got = await area.get(SNAPSHOT_KEY).catch(() => null);
  return fromSnapshot(got?.[SNAPSHOT_KEY], day);
}
