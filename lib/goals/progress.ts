/**
 * Goal progress: the ONE function that turns recorded activities into "3 / 5 this week", pace and
 * streak. The popup, the options page and the badge-free summaries all call it, so the same
 * numbers come out wherever they are shown.
 */
import type { Activity, Goal, Period } from '../db/schema';
import { toIsoDate } from '../domain/dates';
import { type PeriodRange, dayDiff, elapsedFraction, periodOf, shiftPeriod } from './periods';

/** How many past periods a streak looks back at most (the UI shows "N+" at the cap). */
export const STREAK_LOOKBACK: Record<Period, number> = { week: 26, month: 12, quarter: 8 };

export type PaceStatus = 'met' | 'on-pace' | 'behind';

export interface GoalProgress {
  done: number;
  target: number;
  range: PeriodRange;
  /** 0…1: how much of the period is behind us (today not counted; from the goal's creation if set mid-period). */
  elapsed: number;
  /** What being exactly on pace means by now (whole activities, rounded down). */
  expectedByNow: number;
  status: PaceStatus;
  /** Activities short of the pace line (0 unless behind). */
  behindBy: number;
  /** Days left in the period, today included. */
  daysLeft: number;
  /** Consecutive periods met, ending with this one if it is met already, else with the last one. */
  streak: number;
  /** True when the streak reached the look-back cap (show "N+"). */
  streakCapped: boolean;
}

export type CountedActivity = Pick<Activity, 'kind' | 'date'>;

/** The first day whose activities a goal's progress and streak may need. */
export function lookbackStart(period: Period, day: string, weekStart: number): string {
  return shiftPeriod(periodOf(day, period, weekStart), period, STREAK_LOOKBACK[period], weekStart).start;
}

export function goalProgress(
  goal: Pick<Goal, 'metric' | 'target' | 'period'> & Partial<Pick<Goal, 'createdAt'>>,
  activities: readonly CountedActivity[],
  now: Date | string,
  weekStart: number,
): GoalProgress {
  const day = typeof now === 'string' ? now : toIsoDate(now);
  const range = periodOf(day, goal.period, weekStart);
  const from = lookbackStart(goal.period, day, weekStart);
  const byPeriod = new Map<string, number>();
  for (const a of activities) {
    if (a.kind !== goal.metric || a.date < from || a.date >= range.end) continue;
    const start = a.date >= range.start ? range.start : periodOf(a.date, goal.period, weekStart).start;
    byPeriod.set(start, (byPeriod.get(start) ?? 0) + 1);
  }
  return progressFromCounts(goal, (p) => byPeriod.get(p.start) ?? 0, day, weekStart);
}

/** The periods whose counts `progressFromCounts` may ask for: this one, then the look-back, newest first. */
export function countedPeriods(period: Period, day: string, weekStart: number): PeriodRange[] {
  const range = periodOf(day, period, weekStart);
  return Array.from({ length: STREAK_LOOKBACK[period] + 1 }, (_, n) => (n === 0 ? range : shiftPeriod(range, period, n, weekStart)));
}

/**
 * The core of goalProgress, over a count of the goal's activities per period (`countIn` gets each
 * of `countedPeriods`). The database helper feeds it index counts, so that tens of thousands of
 * imported connections are never read one by one; goalProgress feeds it an array. Same numbers.
 */
export function progressFromCounts(
  goal: Pick<Goal, 'target' | 'period'> & Partial<Pick<Goal, 'createdAt'>>,
  countIn: (range: PeriodRange) => number,
  day: string,
  weekStart: number,
): GoalProgress {
  const range = periodOf(day, goal.period, weekStart);
  const done = countIn(range);
  // A goal set mid-period is paced from the day it was set (nobody is "behind" on day one).
  const created = goal.createdAt != null ? toIsoDate(new Date(goal.createdAt)) : null;
  const paceFrom = created && created > range.start && created <= day ? created : range.start;
  const elapsed = elapsedFraction({ start: paceFrom, end: range.end, days: dayDiff(paceFrom, range.end) }, day);
  const expectedByNow = Math.floor(goal.target * elapsed + 1e-9);
  const status: PaceStatus = done >= goal.target ? 'met' : done >= expectedByNow ? 'on-pace' : 'behind';

  let streak = done >= goal.target ? 1 : 0;
  let capped = false;
  for (let n = 1; ; n++) {
    if (n > STREAK_LOOKBACK[goal.period]) { capped = true; break; }
    const past = shiftPeriod(range, goal.period, n, weekStart);
    if (countIn(past) < goal.target) break;
    streak++;
  }
  return {
    done,
    target: goal.target,
    range,
    elapsed,
    expectedByNow,
    status,
    behindBy: status === 'behind' ? expectedByNow - done : 0,
    daysLeft: dayDiff(day, range.end),
    streak,
    streakCapped: capped,
  };
}

/** A short, human sentence about pace, e.g. "On pace · 4 days left". */
export function paceText(p: GoalProgress): string {
  const left = p.daysLeft === 1 ? 'last day' : `${p.daysLeft} days left`;
  if (p.status === 'met') return p.done > p.target ? `Goal met (+${p.done - p.target}) · ${left}` : `Goal met · ${left}`;
  if (p.status === 'on-pace') return `On pace · ${p.target - p.done} to go, ${left}`;
  return `Behind by ${p.behindBy} · ${p.target - p.done} to go, ${left}`;
}

export function streakText(p: GoalProgress, period: Period): string | null {
  if (p.streak < 1) return null;
  const n = `${p.streak}${p.streakCapped ? '+' : ''}`;
  return `${n} ${period}${p.streak === 1 && !p.streakCapped ? '' : 's'} in a row`;
}
