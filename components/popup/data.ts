/** What the popup reads, straight from Dexie through indexes (live: re-renders on every change). */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getDb } from '../../lib/db/db';
import type { Contact, Reminder, Settings } from '../../lib/db/schema';
import { readSettings } from '../../lib/domain/settings';
import { toIsoDate } from '../../lib/domain/dates';
import { type GoalWithProgress, loadGoalProgress } from '../../lib/goals/db';
import { periodOf, plusDays } from '../../lib/goals/periods';
import { type DueEntry, loadDueList } from '../../lib/reminders/due';
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

export function useGoals(day: string, settings: Settings | undefined): GoalWithProgress[] | undefined {
  return useLiveQuery(
    () => (settings ? loadGoalProgress(getDb(), new Date(), { activeOnly: true, settings }) : undefined),
    [day, settings?.weekStart, settings != null],
  );
}

export interface DueView {
  total: number;
  entries: DueEntry[];
  contacts: Map<number, Contact>;
  lastShared: string | null;
  /** When nothing is due: the next thing coming up, for the empty state. */
  next: { what: string; due: string } | null;
  /** Whether any contact has a keep-in-touch date at all (empty-state advice). */
  hasFollowUps: boolean;
}

export function useDue(day: string, limit: number): DueView | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const list = await loadDueList(db, day, limit);
    const entries = list.entries;
    const ids = [...new Set(entries.map((e) => (e.type === 'contact' ? e.contactId : e.reminder.contactId)).filter((x): x is number => x != null))];
    const rows = await db.contacts.bulkGet(ids);
    const contacts = new Map<number, Contact>();
    rows.forEach((c) => c && contacts.set(c.id, c));
    const lastShared = await lastSharedDay(db);
    let next: DueView['next'] = null;
    let hasFollowUps = true;
    if (!list.total) {
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
    return { total: list.total, entries, contacts, lastShared, next, hasFollowUps };
  }, [day, limit]);
}

export function reminderHeadline(r: Reminder): string {
  if (r.kind === 'share-expertise') return 'Share your expertise';
  return r.title;
}

export function useRecentContacts(n = 5): Contact[] | undefined {
  // Ids grow with every contact added: the highest ids are the most recently added.
  return useLiveQuery(() => getDb().contacts.orderBy(':id').reverse().limit(n).toArray(), [n]);
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
