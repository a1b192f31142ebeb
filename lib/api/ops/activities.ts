/**
 * Quick log: activities not tied to a profile (attended an event, joined a group, shared
 * expertise, ran a workshop), so goals count what happens away from LinkedIn profiles too.
 */
import { z } from 'zod';
import { type Activity, EVENT_KINDS, type RapportEvent, activitySchema, isoDate } from '../../db/schema';
import { recordActivity } from '../../domain/activities';
import { today as todayOf } from '../../domain/dates';
import { defineOp } from '../define';
import { ApiError } from '../messages';

const name = z.string().trim().min(1, 'Give it a name.').max(500);
const note = z.string().trim().max(2000).nullable().optional().transform((s) => (s ? s : null));

export const quickLogInput = z.discriminatedUnion('what', [
  z.object({ what: z.literal('event'), name, eventKind: z.enum(EVENT_KINDS).default('meetup'), date: isoDate.optional(), place: note }),
  z.object({ what: z.literal('group-joined'), name, date: isoDate.optional() }),
  z.object({ what: z.literal('group-contribution'), note, date: isoDate.optional() }),
  z.object({ what: z.literal('expertise-shared'), note, date: isoDate.optional() }),
  z.object({ what: z.literal('workshop-ran'), name, date: isoDate.optional() }),
]);
export type QuickLogInput = z.input<typeof quickLogInput>;

export const activityOps = {
  'activity.quickLog': defineOp({
    access: 'extension',
    writes: ['activities', 'events'],
    input: quickLogInput,
    output: z.object({ activity: activitySchema, eventId: z.number().nullable() }),
    async handler(input, { db, now }) {
      const day = input.date ?? todayOf(now());
      if (day > todayOf(now())) throw new ApiError('invalid-input', 'Log things that already happened (the date is in the future).');
      return db.transaction('rw', [db.activities, db.events], async () => {
        const t = now().getTime();
        const addEvent = async (n: string, kind: RapportEvent['kind'], place: string | null) =>
          (await db.events.add({ name: n, kind, date: day, place, createdAt: t, updatedAt: t } as RapportEvent)) as number;
        let id: number;
        let eventId: number | null = null;
        switch (input.what) {
          case 'event': {
            eventId = await addEvent(input.name, input.eventKind, input.place);
            const kind = input.eventKind === 'workshop' || input.eventKind === 'training' ? 'workshop-attended' : 'event-attended';
            id = await recordActivity(db, { kind, date: day, eventId, source: 'popup', note: input.name }, now());
            break;
          }
          case 'group-joined':
            id = await recordActivity(db, { kind: 'group-joined', date: day, source: 'popup', note: input.name }, now());
            break;
          case 'group-contribution':
            id = await recordActivity(db, { kind: 'group-contribution', date: day, source: 'popup', note: input.note }, now());
            break;
          case 'expertise-shared':
            id = await recordActivity(db, { kind: 'expertise-shared', date: day, source: 'popup', note: input.note }, now());
            break;
          case 'workshop-ran':
            eventId = await addEvent(input.name, 'workshop', null);
            id = await recordActivity(db, { kind: 'expertise-shared', date: day, eventId, source: 'popup', note: `Ran a workshop: ${input.name}` }, now());
            break;
        }
        return { activity: (await db.activities.get(id)) as Activity, eventId };
      });
    },
  }),

  /** Undo of a quick log: removes the activity (and the event it created, if nothing else uses it). */
  'activity.undoQuickLog': defineOp({
    access: 'extension',
    writes: ['activities', 'events'],
    input: z.object({ id: z.number().int().positive() }),
    output: z.object({ deleted: z.boolean() }),
    async handler({ id }, { db }) {
      return db.transaction('rw', [db.activities, db.events, db.notes], async () => {
        const a = await db.activities.get(id);
        if (!a || a.source !== 'popup') return { deleted: false };
        await db.activities.delete(id);
        if (a.eventId != null) {
          const others = await db.activities.filter((x) => x.eventId === a.eventId).count();
          const notes = await db.notes.where('[targetType+targetId]').equals(['event', a.eventId]).count();
          if (!others && !notes) await db.events.delete(a.eventId);
        }
        return { deleted: true };
      });
    },
  }),
};
