import { describe, expect, it } from 'vitest';
import type { Activity, ActivityKind } from '../../../lib/db/schema';
import { goalProgress, paceText, streakText } from '../../../lib/goals/progress';
import { describeGoal, STARTER_GOALS } from '../../../lib/goals/starters';

const acts = (kind: ActivityKind, ...dates: string[]): Pick<Activity, 'kind' | 'date'>[] => dates.map((date) => ({ kind, date }));
const weekly = { metric: 'new-connection' as const, target: 5, period: 'week' as const };

describe('goalProgress', () => {
  it('counts only the goal\'s metric inside the current period', () => {
    // Week of Mon 2026-03-02 … Sun 2026-03-08
    const a = [
      ...acts('new-connection', '2026-03-01', '2026-03-02', '2026-03-04', '2026-03-04', '2026-03-09'),
      ...acts('expertise-shared', '2026-03-03'),
    ];
    const p = goalProgress(weekly, a, '2026-03-05', 1);
    expect(p.done).toBe(3);
    expect(p.target).toBe(5);
    expect(p.range).toEqual({ start: '2026-03-02', end: '2026-03-09', days: 7 });
    expect(p.daysLeft).toBe(4);
    // With Sunday as week start, Sunday 03-01 belongs to the same week as Thursday 03-05.
    expect(goalProgress(weekly, a, '2026-03-05', 0).done).toBe(4);
  });

  it('takes a Date and uses its local day', () => {
    const p = goalProgress(weekly, acts('new-connection', '2026-03-04'), new Date(2026, 2, 5, 8, 0), 1);
    expect(p.done).toBe(1);
  });

  it('pace: on pace at the start, behind late in the period, met when the target is reached', () => {
    expect(goalProgress(weekly, [], '2026-03-02', 1).status).toBe('on-pace'); // Monday: nothing expected yet
    const thu = goalProgress(weekly, acts('new-connection', '2026-03-02'), '2026-03-05', 1);
    // 3/7 of the week gone → floor(5 × 3/7) = 2 expected, 1 done
    expect(thu.expectedByNow).toBe(2);
    expect(thu.status).toBe('behind');
    expect(thu.behindBy).toBe(1);
    expect(paceText(thu)).toBe('Behind by 1 · 4 to go, 4 days left');
    const onPace = goalProgress(weekly, acts('new-connection', '2026-03-02', '2026-03-03'), '2026-03-05', 1);
    expect(onPace.status).toBe('on-pace');
    const met = goalProgress({ ...weekly, target: 2 }, acts('new-connection', '2026-03-02', '2026-03-03', '2026-03-04'), '2026-03-08', 1);
    expect(met.status).toBe('met');
    expect(paceText(met)).toBe('Goal met (+1) · last day');
  });

  it('streak: consecutive past periods met, plus this one once met', () => {
    const goal = { metric: 'event-attended' as const, target: 1, period: 'month' as const };
    const a = acts('event-attended', '2025-11-20', '2025-12-03', '2026-01-15', '2026-02-02');
    const p = goalProgress(goal, a, '2026-03-10', 1);
    expect(p.done).toBe(0);
    expect(p.streak).toBe(4); // Nov, Dec, Jan, Feb
    expect(streakText(p, 'month')).toBe('4 months in a row');
    const withThis = goalProgress(goal, [...a, ...acts('event-attended', '2026-03-01')], '2026-03-10', 1);
    expect(withThis.streak).toBe(5);
    // A gap breaks it.
    const gap = goalProgress(goal, acts('event-attended', '2025-12-03', '2026-02-02'), '2026-03-10', 1);
    expect(gap.streak).toBe(1);
    expect(goalProgress(goal, [], '2026-03-10', 1).streak).toBe(0);
    expect(streakText(goalProgress(goal, [], '2026-03-10', 1), 'month')).toBeNull();
  });

  it('weekly streak depends on the week start', () => {
    const goal = { metric: 'expertise-shared' as const, target: 2, period: 'week' as const };
    // Sun 03-01 + Tue 03-03 → with Monday weeks they split; with Sunday weeks they are one week.
    const a = acts('expertise-shared', '2026-03-01', '2026-03-03');
    expect(goalProgress(goal, a, '2026-03-10', 0).streak).toBe(1);
    expect(goalProgress(goal, a, '2026-03-10', 1).streak).toBe(0);
  });

  it('starter goals read as the playbook says', () => {
    expect(STARTER_GOALS.map(describeGoal)).toEqual([
      '5 new connections a week', '2 times sharing expertise a week', '1 event attended a month',
    ]);
  });

  it('a goal set mid-period is paced from the day it was set', () => {
    const setThursday = { ...weekly, createdAt: new Date(2026, 2, 5, 9, 0).getTime() };
    expect(goalProgress(setThursday, [], '2026-03-05', 1).status).toBe('on-pace');
    // Saturday: 2 of the 4 days since Thursday are gone → floor(5 × 2/4) = 2 expected
    const sat = goalProgress(setThursday, acts('new-connection', '2026-03-06'), '2026-03-07', 1);
    expect(sat.expectedByNow).toBe(2);
    expect(sat.status).toBe('behind');
    // A goal from an earlier period is paced over the whole period.
    const old = { ...weekly, createdAt: new Date(2026, 0, 1).getTime() };
    expect(goalProgress(old, [], '2026-03-05', 1).expectedByNow).toBe(2);
  });
});
