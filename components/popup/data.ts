/** What the popup reads, straight from Dexie through indexes (live: re-renders on every change). */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { type RapportDB, getDb } from '../../lib/db/db';
import type { Contact, Reminder, Settings } from '../../lib/db/schema';
import { readSettings } from '../../lib/domain/settings';
import { toIsoDate } from '../../lib/domain/dates';
import { type GoalWithProgress, loadGoalProgress } from '../../lib/goals/db';
import { periodOf, plusDays } from '../../lib/goals/periods';
import { type DueEntry, dueCount, loadDuePage } from '../../lib/reminders/due';
import { lastSharedDay } from '../../lib/reminders/share';

/** How many due items the popup renders at once (the badge counts them all). */
export const DUE_PAGE = 25;

/** Today's local ISO day; changes at midnight while the popup is open. */
export function useToday(): string {
  const [day, setDay] = useState(() => toIsoDate(new Date()));
  useEffect(() => {
    const t = setInterval(() => setDay(toIsoDate(new Date())), 60_000);
    return () => clearInterval(t);
  }, []);
  return day;
}

export function useSettings(): Settings | undefined {
  return useLiveQuery(() => readSettings(getDb()), []);
}

/** Goal progress (reads the settings itself: one round trip fewer than waiting for useSettings). */
export function useGoals(day: string): GoalWithProgress[] | undefined {
  return useLiveQuery(() => loadGoalProgress(getDb(), new Date(), { activeOnly: true }), [day]);
}

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
}

/** The first `limit` due entries (reads about `limit` records, however much is due). */
export function useDue(day: string, limit: number): DueView | undefined {
  return useLiveQuery(() => readDue(getDb(), day, limit), [day, limit]);
}

async function readDue(db: RapportDB, day: string, limit: number): Promise<DueView> {
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

/**
 * How many things are due in all (the toolbar badge's number, same code). It reads every due key,
 * so the popup asks only once its first screen is drawn (`enabled`).
 */
export function useDueTotal(day: string, enabled: boolean): number | undefined {
  return useLiveQuery(() => (enabled ? dueCount(getDb(), day) : undefined), [day, enabled]);
}

/**
 * False until `ready` has been true for one painted frame: what is below the fold (the chart,
 * recently added, the total due) is read after the first screen is drawn, not competing with it.
 */
export function useAfterPaint(ready: boolean): boolean {
  const [go, setGo] = useState(false);
  useEffect(() => {
    if (!ready || go) return;
    let t: ReturnType<typeof setTimeout> | undefined;
    const raf = requestAnimationFrame(() => { t = setTimeout(() => setGo(true), 0); });
    return () => { cancelAnimationFrame(raf); if (t) clearTimeout(t); };
  }, [ready, go]);
  return go;
}

export function reminderHeadline(r: Reminder): string {
  if (r.kind === 'share-expertise') return 'Share your expertise';
  return r.title;
}

export function useRecentContacts(n = 5, enabled = true): Contact[] | undefined {
  // Ids grow with every contact added: the highest ids are the most recently added.
  return useLiveQuery<Contact[] | undefined>(() => (enabled ? getDb().contacts.orderBy(':id').reverse().limit(n).toArray() : undefined), [n, enabled]);
}

export interface WeekBar { start: string; count: number }

/** Activities per week over the last 12 weeks (index keys only). */
export function useWeeklyActivity(day: string, weekStart: number | undefined): WeekBar[] | undefined {
  return useLiveQuery(async () => {
    if (weekStart == null) return undefined;
    const current = periodOf(day, 'week', weekStart);
    const from = plusDays(current.start, -7 * 11);
    // One index count per week: an import of thousands of connections is never read row by row.
    const activities = getDb().activities;
    return Promise.all(Array.from({ length: 12 }, async (_, i): Promise<WeekBar> => {
      const start = plusDays(from, 7 * i);
      return { start, count: await activities.where('date').between(start, plusDays(start, 7), true, false).count() };
    }));
  }, [day, weekStart]);
}
