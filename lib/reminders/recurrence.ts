/** When a recurring reminder comes back, over ISO calendar days (pure; DST-proof). */
import type { Recurrence } from '../db/schema';
import { plusDays, weekday } from '../goals/periods';

/** The first day on or after `from` that falls on one of `weekdays` (0 = Sunday); null if none. */
export function nextWeekday(weekdays: readonly number[], from: string): string | null {
  if (!weekdays.length) return null;
  for (let i = 0; i < 7; i++) {
    const d = plusDays(from, i);
    if (weekdays.includes(weekday(d))) return d;
  }
  return null;
}

/**
 * The next occurrence after a reminder due on `due` was done or skipped on `today`: strictly after
 * both (a reminder finished late does not come back in the past), following its recurrence.
 * Null when it does not recur.
 */
export function nextOccurrence(recurrence: Recurrence, due: string, today: string): string | null {
  if (!recurrence) return null;
  if (recurrence.every === 'days') {
    let next = plusDays(due, recurrence.days);
    while (next <= today) next = plusDays(next, recurrence.days);
    return next;
  }
  const after = due > today ? due : today;
  return nextWeekday(recurrence.weekdays, plusDays(after, 1));
}

export type SnoozeChoice = 'tomorrow' | 'next-week';

/** Snooze targets: tomorrow, or the first day of next week (settings.weekStart). */
export function snoozeUntil(choice: SnoozeChoice | string, today: string, weekStart: number): string {
  if (choice === 'tomorrow') return plusDays(today, 1);
  if (choice === 'next-week') {
    const back = (weekday(today) - weekStart + 7) % 7;
    return plusDays(today, 7 - back);
  }
  return choice;
}

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
