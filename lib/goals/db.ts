/**
 * Goal progress straight from the database, for the popup and the options page (both read Dexie
 * with useLiveQuery). Counts activities per period with `[kind+date]` index counts (one request
 * per period, never reading the rows): fast with tens of thousands of imported connections.
 */
import type { RapportDB } from '../db/db';
import type { ActivityKind, Goal, Settings } from '../db/schema';
import { toIsoDate } from '../domain/dates';
import { readSettingsLite } from '../domain/settings-read';
import type { PeriodRange } from './periods';
import { type CountedActivity, type GoalProgress, countedPeriods, progressFromCounts } from './progress';

export interface GoalWithProgress {
  goal: Goal;
  progress: GoalProgress;
}

/**
 * Contacts connected in [start, end): a connection is the contact's `connectedOn` (schema version
 * 3), counted with the same weight as a 'new-connection' activity (which remains possible without
 * a contact).
 */
function connectedIn(db: RapportDB, range: Pick<PeriodRange, 'start' | 'end'>) {
  return db.contacts.where('connectedOn').between(range.start, range.end, true, false);
}

/** How many activities of `kind` fall in [start, end) (new connections: contacts connected then too). */
export async function countActivities(db: RapportDB, kind: ActivityKind, range: Pick<PeriodRange, 'start' | 'end'>): Promise<number> {
  const own = db.activities.where('[kind+date]').between([kind, range.start], [kind, range.end], true, false).count();
  if (kind !== 'new-connection') return own;
  const [a, b] = await Promise.all([own, connectedIn(db, range).count()]);
  return a + b;
}

/** The activities of one kind from `from` on (rows; for tests and small exports). */
export async function activityDays(db: RapportDB, kind: ActivityKind, from: string): Promise<CountedActivity[]> {
  const rows = await db.activities.where('[kind+date]').between([kind, from], [kind, '\uffff'], true, true).toArray();
  const out: CountedActivity[] = rows.map((a) => ({ kind: a.kind, date: a.date }));
  if (kind === 'new-connection') {
    const dates = (await db.contacts.where('connectedOn').aboveOrEqual(from).keys()) as string[];
    for (const date of dates) out.push({ kind, date });
  }
  return out;
}

/**
 * Whether a period reached `target`: min(count, target), reading at most `target` index keys
 * (a past period only matters for the streak, i.e. whether it was met).
 */
export async function countUpTo(db: RapportDB, kind: ActivityKind, range: Pick<PeriodRange, 'start' | 'end'>, target: number): Promise<number> {
  const keys = await db.activities.where('[kind+date]').between([kind, range.start], [kind, range.end], true, false).limit(target).primaryKeys();
  if (kind !== 'new-connection' || keys.length >= target) return keys.length;
  const more = await connectedIn(db, range).limit(target - keys.length).primaryKeys();
  return keys.length + more.length;
}

/** Progress of one goal on the day of `now`. */
export async function goalProgressFromDb(db: RapportDB, goal: Goal, now: Date, weekStart: number): Promise<GoalProgress> {
  const day = toIsoDate(now);
  const periods = countedPeriods(goal.period, day, weekStart);
  const counts = new Map<string, number>();
  // This period is counted in full ("done"); a past one only up to the target (met or not: the
  // streak), so each costs at most `target` keys: all at once when that is small, else the last 4
  // first and the rest only while the streak holds.
  const current = countActivities(db, goal.metric, periods[0]!);
  const first = goal.target * periods.length <= 2000 ? periods.length : 4;
  for (let i = 1, size = first; i < periods.length; i += size, size = periods.length) {
    const batch = periods.slice(i, i + size);
    const got = await Promise.all(batch.map((p) => countUpTo(db, goal.metric, p, goal.target)));
    batch.forEach((p, j) => counts.set(p.start, got[j]!));
    if (got.some((n) => n < goal.target)) break;
  }
  counts.set(periods[0]!.start, await current);
  return progressFromCounts(goal, (p) => counts.get(p.start) ?? 0, day, weekStart);
}

/** Progress of every goal (active ones first, then by creation), as the popup and options show it. */
export async function loadGoalProgress(
  db: RapportDB,
  now: Date = new Date(),
  opts: { activeOnly?: boolean; settings?: Settings } = {},
): Promise<GoalWithProgress[]> {
  const [settings, all] = await Promise.all([opts.settings ?? readSettingsLite(db), db.goals.toArray()]);
  let goals = all;
  if (opts.activeOnly) goals = goals.filter((g) => g.active);
  goals.sort((a, b) => Number(b.active) - Number(a.active) || a.createdAt - b.createdAt || a.id - b.id);
  return Promise.all(goals.map(async (goal) => ({ goal, progress: await goalProgressFromDb(db, goal, now, settings.weekStart) })));
}
