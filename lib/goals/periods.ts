/**
 * Goal periods over ISO calendar days (`YYYY-MM-DD`). Everything here is pure string/UTC
 * arithmetic on calendar dates, so time zones and daylight-saving changes cannot shift a boundary:
 * the caller turns "now" into the user's local day once (lib/domain/dates `today`).
 */
import type { Period } from '../db/schema';

export interface PeriodRange {
  /** First day of the period (inclusive). */
  start: string;
  /** First day of the next period (exclusive). */
  end: string;
  /** Number of calendar days in the period. */
  days: number;
}

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function fromUtc(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function utc(iso: string): number {
  const [y, m, d] = parts(iso);
  return Date.UTC(y, m - 1, d);
}

/** Adds calendar days to an ISO day. */
export function plusDays(iso: string, days: number): string {
  return fromUtc(utc(iso) + days * 86_400_000);
}

/** Whole calendar days from `a` to `b` (positive when b is later). */
export function dayDiff(a: string, b: string): number {
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}

/** Day of the week of an ISO day: 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return new Date(utc(iso)).getUTCDay();
}

/** Adds calendar months to the first day of a month. */
function plusMonths(firstOfMonth: string, months: number): string {
  const [y, m] = parts(firstOfMonth);
  return fromUtc(Date.UTC(y, m - 1 + months, 1));
}

/** The period that contains `day`. `weekStart`: 0 = Sunday, 1 = Monday, … */
export function periodOf(day: string, period: Period, weekStart: number): PeriodRange {
  let start: string;
  let end: string;
  if (period === 'week') {
    const back = (weekday(day) - weekStart + 7) % 7;
    start = plusDays(day, -back);
    end = plusDays(start, 7);
  } else {
    const [y, m] = parts(day);
    const firstMonth = period === 'month' ? m : Math.floor((m - 1) / 3) * 3 + 1;
    start = fromUtc(Date.UTC(y, firstMonth - 1, 1));
    end = plusMonths(start, period === 'month' ? 1 : 3);
  }
  return { start, end, days: dayDiff(start, end) };
}

/** The period `n` periods before (negative: after) the one that starts on `range.start`. */
export function shiftPeriod(range: PeriodRange, period: Period, n: number, weekStart: number): PeriodRange {
  if (period === 'week') return periodOf(plusDays(range.start, -7 * n), period, weekStart);
  return periodOf(plusMonths(range.start, (period === 'month' ? -1 : -3) * n), period, weekStart);
}

/** Fraction of the period already behind us on `day` (today not counted: 0 on its first day). */
export function elapsedFraction(range: PeriodRange, day: string): number {
  const gone = dayDiff(range.start, day);
  return Math.min(1, Math.max(0, gone / range.days));
}

export const PERIOD_LABELS: Record<Period, { noun: string; adverb: string; thisOne: string }> = {
  week: { noun: 'week', adverb: 'a week', thisOne: 'this week' },
  month: { noun: 'month', adverb: 'a month', thisOne: 'this month' },
  quarter: { noun: 'quarter', adverb: 'a quarter', thisOne: 'this quarter' },
};
