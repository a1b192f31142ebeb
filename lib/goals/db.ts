/**
 * Goal progress straight from the database, for the popup and the options page (both read Dexie
 * with useLiveQuery). Reads only the `[kind+date]` index keys of the activities a goal counts, from
 * the start of its streak look-back: fast with tens of thousands of activities.
 */
import type { RapportDB } from '../db/db';
import type { ActivityKind, Goal, Settings } from '../db/schema';
import { toIsoDate } from '../domain/dates';
import { readSettings } from '../domain/settings';
import { type CountedActivity, type GoalProgress, goalProgress, lookbackStart } from './progress';

export interface GoalWithProgress {
  goal: Goal;
  progress: GoalProgress;
}

/** The activities of one kind from `from` on (index keys only). */
export async function activityDays(db: RapportDB, kind: ActivityKind, from: string): Promise<CountedActivity[]> {
  const keys = await db.activities.where('[kind+date]').between([kind, from], [kind, '\uffff'], true, true).keys();
  return keys.map((k) => {
    const [, date] = k as unknown as [ActivityKind, string];
    return { kind, date };
  });
}

/** Progress of every goal (active ones first, then by creation), as the popup and options show it. */
export async function loadGoalProgress(
  db: RapportDB,
  now: Date = new Date(),
  opts: { activeOnly?: boolean; settings?: Settings } = {},
): Promise<GoalWithProgress[]> {
  const settings = opts.settings ?? (await readSettings(db));
  const day = toIsoDate(now);
  let goals = await db.goals.toArray();
  if (opts.activeOnly) goals = goals.filter((g) => g.active);
  goals.sort((a, b) => Number(b.active) - Number(a.active) || a.createdAt - b.createdAt || a.id - b.id);
  // One index read per metric, from the earliest look-back any goal on it needs.
  const fromByKind = new Map<ActivityKind, string>();
  for (const g of goals) {
    const from = lookbackStart(g.period, day, settings.weekStart);
    const prev = fromByKind.get(g.metric);
    if (!prev || from < prev) fromByKind.set(g.metric, from);
  }
  const days = new Map<ActivityKind, CountedActivity[]>();
  await Promise.all([...fromByKind].map(async ([kind, from]) => days.set(kind, await activityDays(db, kind, from))));
  return goals.map((goal) => ({ goal, progress: goalProgress(goal, days.get(goal.metric) ?? [], day, settings.weekStart) }));
}
