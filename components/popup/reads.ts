/**
 * What the popup reads, as plain functions over the database (no React): the due page, and the
 * FIRST SCREEN (settings, goal progress, due page), read with raw IndexedDB in one read-only
 * transaction as soon as the popup's first script runs (entrypoints/popup/first.ts), while React
 * and the components load, so the database works while the page boots. Live updates (useLive in data.ts) start after that screen
 * is painted and re-run the same functions.
 */
import type { RapportDB } from '../../lib/db/db';
import type { Contact, Reminder, Settings } from '../../lib/db/schema';
import { readSettingsLite } from '../../lib/domain/settings-read';
import { type GoalWithProgress, loadGoalProgress } from '../../lib/goals/db';
import { plusDays } from '../../lib/goals/periods';
import { type DueEntry, loadDuePage } from '../../lib/reminders/due';
import { lastSharedDay } from '../../lib/reminders/share';

/** How many due items the popup renders at once (the badge counts them all). */
export const DUE_PAGE = 25;

export interface DueView {
  entries: DueEntry[];
  /** Whether more is due than `entries` shows. */
  more: boolean;
  contacts: Map<number, Contact>;
  lastShared: string | null;
  /** When nothing is due: the next thing coming up, for the empty state. */
  next: { what: string; due: string } | null;
  /** Whether any contact has a keep-in-touch date at all (empty-state advice). */
  hasFollowUps: boolean;
  /**
   * How many are due in all, when known with the page: the first screen the background keeps
   * ready has it (it counts them for the badge anyway); otherwise the popup counts after its first
   * paint.
   */
  total?: number;
}

/** The first `limit` due entries (reads about `limit` records, however much is due). */
export async function readDue(db: RapportDB, day: string, limit: number): Promise<DueView> {
  const shared = lastSharedDay(db); // one key; read alongside the page
  const page = await loadDuePage(db, day, limit);
  const { entries } = page;
  const contacts = new Map<number, Contact>();
  page.contacts.forEach((c) => contacts.set(c.id, c));
  const lastShared = await shared;
  let next: DueView['next'] = null;
  let hasFollowUps = true;
  if (!entries.length) {
    const tomorrow = plusDays(day, 1);
    const [nextContact, nextReminder] = await Promise.all([
      db.contacts.where('nextFollowUp').aboveOrEqual(tomorrow).first(),
      db.reminders.where('[state+due]').between(['open', tomorrow], ['open', '\uffff'], true, true).first(),
    ]);
    hasFollowUps = !!nextContact;
    const options: { what: string; due: string }[] = [];
    if (nextContact?.nextFollowUp) options.push({ what: `Keep in touch with ${nextContact.name}`, due: nextContact.nextFollowUp });
    if (nextReminder) options.push({ what: reminderHeadline(nextReminder), due: nextReminder.due });
    options.sort((a, b) => a.due.localeCompare(b.due));
    next = options[0] ?? null;
  }
  return { entries, more: page.more, contacts, lastShared, next, hasFollowUps };
}

export function reminderHeadline(r: Reminder): string {
  if (r.kind === 'share-expertise') return 'Share your expertise';
  return r.title;
}

/** Everything the popup's first screen shows, for the local day `day`. */
export interface FirstScreen {
  day: string;
  settings: Settings;
  goals: GoalWithProgress[];
  due: DueView;
}

/**
 * The first screen: the settings, every active goal's progress and the first page of the due list,
 * all requests at once (the popup runs it over idb-read.ts: one read-only transaction, no Dexie).
 */
export async function readFirstScreen(db: RapportDB, now: Date, day: string): Promise<FirstScreen> {
  // (loadGoalProgress reads the settings too: a second get of one key, so nothing waits for the first.)
  const [settings, goals, due] = await Promise.all([
    readSettingsLite(db),
    loadGoalProgress(db, now, { activeOnly: true }),
    readDue(db, day, DUE_PAGE),
  ]);
  return { day, settings, goals, due };
}
