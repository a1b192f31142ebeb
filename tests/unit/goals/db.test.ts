import { describe, expect, it } from 'vitest';
import type { Activity, ActivityKind, Goal } from '../../../lib/db/schema';
import { recordActivity } from '../../../lib/domain/activities';
import { writeSettings } from '../../../lib/domain/settings';
import { goalProgressFromDb, loadGoalProgress } from '../../../lib/goals/db';
import { goalProgress } from '../../../lib/goals/progress';
import { plusDays } from '../../../lib/goals/periods';
import { freshDb } from '../reminders/helpers';

describe('goal progress from the database', () => {
  it('gives the same numbers as the pure function over the same activities (index counts, any week start)', async () => {
    const db = freshDb();
    const kinds: ActivityKind[] = ['new-connection', 'expertise-shared', 'event-attended'];
    // A deterministic scatter over ~400 days before 2026-03-29 (the European DST day).
    let seed = 7;
    const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 600; i++) {
      await recordActivity(db, { kind: kinds[i % 3]!, date: plusDays('2026-03-29', -Math.floor(rand() * 400)), source: 'import' }, new Date());
    }
    const all = await db.activities.toArray();
    const now = new Date(2026, 2, 29, 23, 30);
    const goals: Goal[] = [];
    for (const [metric, target, period] of [['new-connection', 3, 'week'], ['expertise-shared', 4, 'month'], ['event-attended', 20, 'quarter'], ['new-connection', 1, 'week']] as const) {
      goals.push({ id: goals.length + 1, metric, target, period, active: true, createdAt: goals.length, updatedAt: 0 });
    }
    for (const weekStart of [0, 1, 6]) {
      for (const g of goals) {
        const fromDb = await goalProgressFromDb(db, g, now, weekStart);
        const pure = goalProgress(g, all as Pick<Activity, 'kind' | 'date'>[], now, weekStart);
        expect(fromDb).toEqual(pure);
      }
    }
    await db.goals.bulkAdd(goals.map(({ id: _id, ...g }) => g as Goal));
    await writeSettings(db, { weekStart: 0 });
    const listed = await loadGoalProgress(db, now);
    expect(listed.map((x) => `${x.progress.done} / ${x.progress.target}`)).toEqual(
      goals.map((g) => { const p = goalProgress(g, all, now, 0); return `${p.done} / ${p.target}`; }),
    );
  });

  it('long streaks (up to the look-back cap) come out the same when past periods are only counted up to the target', async () => {
    const db = freshDb();
    // Two a day for a year: every past period is met, so streaks reach the cap.
    for (let d = 0; d < 370; d++) {
      for (const kind of ['expertise-shared', 'expertise-shared', 'event-attended'] as const) {
        await recordActivity(db, { kind, date: plusDays('2026-03-29', -d), source: 'import' }, new Date());
      }
    }
    const all = await db.activities.toArray();
    const now = new Date(2026, 2, 29, 12, 0);
    const goals: Goal[] = ([['expertise-shared', 14, 'week'], ['expertise-shared', 15, 'week'], ['event-attended', 28, 'month'], ['event-attended', 60, 'quarter'], ['event-attended', 400, 'quarter']] as const)
      .map(([metric, target, period], i) => ({ id: i + 1, metric, target, period, active: true, createdAt: 0, updatedAt: 0 }));
    for (const g of goals) {
      const fromDb = await goalProgressFromDb(db, g, now, 1);
      expect(fromDb).toEqual(goalProgress(g, all, now, 1));
    }
    expect((await goalProgressFromDb(db, goals[0]!, now, 1)).streakCapped).toBe(true);
    expect((await goalProgressFromDb(db, goals[1]!, now, 1)).streak).toBe(0);
  });
});
