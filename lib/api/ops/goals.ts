/** Outreach goals: a metric (activity kind), a target and a period. Progress: lib/goals/progress.ts. */
import { z } from 'zod';
import { ACTIVITY_KINDS, type Goal, PERIODS, goalSchema } from '../../db/schema';
import { writeSettings } from '../../domain/settings';
import { STARTER_GOALS } from '../../goals/starters';
import { defineOp } from '../define';
import { ApiError } from '../messages';

const target = z.number({ error: 'The target must be a whole number.' }).int('The target must be a whole number.')
  .min(1, 'The target must be at least 1.').max(1000, 'The target can be at most 1000.');
const draft = z.object({ metric: z.enum(ACTIVITY_KINDS), target, period: z.enum(PERIODS) });

export const goalOps = {
  'goal.create': defineOp({
    access: 'extension',
    writes: ['goals'],
    input: draft,
    output: goalSchema,
    async handler(input, { db, now }) {
      const t = now().getTime();
      const goal = { ...input, active: true, createdAt: t, updatedAt: t };
      const id = await db.goals.add(goal as Goal);
      return { ...goal, id };
    },
  }),

  'goal.update': defineOp({
    access: 'extension',
    writes: ['goals'],
    input: z.object({
      id: z.number().int().positive(),
      patch: z.object({ target: target.optional(), period: z.enum(PERIODS).optional(), active: z.boolean().optional() }).strict(),
    }),
    output: goalSchema,
    async handler({ id, patch }, { db, now }) {
      return db.transaction('rw', db.goals, async () => {
        const goal = await db.goals.get(id);
        if (!goal) throw new ApiError('not-found', 'This goal no longer exists.');
        const next: Goal = { ...goal, updatedAt: now().getTime() };
        for (const [k, v] of Object.entries(patch)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
        await db.goals.put(next);
        return next;
      });
    },
  }),

  /** Deletes a goal. The activities it counted stay (other goals and the chart use them). */
  'goal.delete': defineOp({
    access: 'extension',
    writes: ['goals'],
    input: z.object({ id: z.number().int().positive() }),
    output: z.object({ deleted: z.boolean() }),
    async handler({ id }, { db }) {
      return { deleted: (await db.goals.where('id').equals(id).delete()) > 0 };
    },
  }),

  /**
   * First run: creates the starter goals the user accepted (possibly changed; an empty list means
   * "no thanks") and remembers that they were offered. Never duplicates a goal already there.
   */
  'goal.acceptStarters': defineOp({
    access: 'extension',
    writes: ['goals', 'settings'],
    input: z.object({ goals: z.array(draft).max(20).default(STARTER_GOALS) }).default({ goals: STARTER_GOALS }),
    output: z.array(goalSchema),
    async handler({ goals }, { db, now }) {
      return db.transaction('rw', [db.goals, db.settings], async () => {
        const existing = await db.goals.toArray();
        const t = now().getTime();
        const created: Goal[] = [];
        for (const g of goals) {
          if (existing.some((e) => e.metric === g.metric && e.period === g.period && e.active)) continue;
          const goal = { ...g, active: true, createdAt: t, updatedAt: t };
          created.push({ ...goal, id: await db.goals.add(goal as Goal) });
        }
        await writeSettings(db, { starterGoalsOffered: true });
        return created;
      });
    },
  }),
};
