/**
 * Reminders of every kind: Done, Snooze and Skip, for stored reminders (commitments, explicit
 * follow-ups, the share-expertise prompt) and for contacts whose keep-in-touch date has come
 * (derived from contact.nextFollowUp). Done records what the user did, so goals move at once:
 * share-expertise → an 'expertise-shared' activity; a follow-up with a person → a logged 'message'
 * (through interaction.log, which also counts a reconnection after 90+ quiet days); a commitment →
 * just done. Recurring reminders come back after Done or Skip. Nothing is ever sent on LinkedIn.
 */
import { z } from 'zod';
import type { RapportDB } from '../../db/db';
import { type Contact, type Reminder, isoDate, reminderSchema } from '../../db/schema';
import { recordActivity } from '../../domain/activities';
import { today as todayOf } from '../../domain/dates';
import { effectiveCadence } from '../../domain/followup';
import { readSettings } from '../../domain/settings';
import { plusDays } from '../../goals/periods';
import { nextPrompt } from '../../reminders/prompts';
import { nextOccurrence, nextWeekday, snoozeUntil } from '../../reminders/recurrence';
import { type HandlerCtx, defineOp } from '../define';
import { ApiError } from '../messages';
import { contactOps } from './contacts';

const idInput = z.object({ id: z.number().int().positive() });
const contactInput = z.object({ contactId: z.number().int().positive() });
const untilInput = z.union([z.enum(['tomorrow', 'next-week']), isoDate]);

const ALL_TABLES = ['reminders', 'activities', 'contacts', 'interactions', 'notes', 'settings'] as const;

/** What undoing a contact follow-up's Done or Skip puts back (returned by both, sent back by Undo). */
const followUpUndo = z.object({
  contactId: z.number().int().positive(),
  interactionId: z.number().int().positive().nullable(),
  lastInteraction: isoDate.nullable(),
  nextFollowUp: isoDate.nullable(),
  followUpManual: z.boolean(),
});
const followUpOutput = z.object({ contactId: z.number(), nextFollowUp: isoDate.nullable(), undo: followUpUndo });
const undoToken = (c: Contact, interactionId: number | null): z.infer<typeof followUpUndo> => ({
  contactId: c.id, interactionId, lastInteraction: c.lastInteraction, nextFollowUp: c.nextFollowUp, followUpManual: c.followUpManual,
});
async function requireContact(db: RapportDB, id: number): Promise<Contact> {
  const c = await db.contacts.get(id);
  if (!c) throw new ApiError('not-found', 'This contact no longer exists.');
  return c;
}
function tx(db: RapportDB) {
  return [db.reminders, db.activities, db.contacts, db.interactions, db.notes, db.settings];
}

const finishOutput = z.object({
  reminder: reminderSchema,
  /** The next occurrence, when the reminder recurs. */
  next: reminderSchema.nullable(),
});

async function requireReminder(db: RapportDB, id: number): Promise<Reminder> {
  const r = await db.reminders.get(id);
  if (!r) throw new ApiError('not-found', 'This reminder no longer exists.');
  return r;
}

/** Marks a reminder done or skipped and creates its next occurrence when it recurs. */
async function finish(r: Reminder, state: 'done' | 'skipped', ctx: HandlerCtx): Promise<z.input<typeof finishOutput>> {
  const { db, now } = ctx;
  const t = now().getTime();
  const day = todayOf(now());
  const closed: Reminder = { ...r, state, doneAt: t, updatedAt: t };
  await db.reminders.put(closed);
  let next: Reminder | null = null;
  if (r.state === 'open') {
    let recurrence = r.recurrence;
    let title = r.title;
    let due: string | null = null;
    if (r.kind === 'share-expertise') {
      const { enabled, weekdays, prompts } = (await readSettings(db)).shareExpertise;
      const days = [...new Set(weekdays)].sort();
      recurrence = enabled && days.length ? { every: 'weekdays', weekdays: days } : null;
      title = nextPrompt(prompts, r.title);
      // The next scheduled day after today (and after the day it was due).
      if (recurrence) due = nextWeekday(days, plusDays(r.due > day ? r.due : day, 1));
    } else {
      due = nextOccurrence(recurrence, r.due, day);
    }
    if (recurrence && due) {
      const draft = { ...r, title, due, recurrence, state: 'open' as const, snoozedUntil: null, doneAt: null, createdAt: t, updatedAt: t };
      delete (draft as Partial<Reminder>).id;
      const id = await db.reminders.add(draft as Reminder);
      next = { ...draft, id };
    }
  }
  return { reminder: closed, next };
}

export const reminderOps = {
  /** Done: records what was done (so goals move) and schedules the next occurrence. */
  'reminder.done': defineOp({
    access: 'panel',
    writes: [...ALL_TABLES],
    input: idInput,
    output: finishOutput,
    async handler({ id }, ctx) {
      const { db } = ctx;
      // One instant for everything Done records (reminder.undo finds it by that instant).
      const at = ctx.now();
      const fixed: HandlerCtx = { ...ctx, now: () => at };
      return db.transaction('rw', tx(db), async () => {
        const r = await requireReminder(db, id);
        if (r.state !== 'open') return { reminder: r, next: null };
        const day = todayOf(at);
        if (r.kind === 'share-expertise') {
          await recordActivity(db, { kind: 'expertise-shared', date: day, reminderId: r.id, source: 'reminder', note: r.title }, at);
        } else if (r.kind === 'follow-up' && r.contactId != null && (await db.contacts.get(r.contactId))) {
          await contactOps['interaction.log'].handler({ contactId: r.contactId, kind: 'message', note: null }, fixed);
        }
        return finish(r, 'done', fixed);
      });
    },
  }),

  /**
   * Undo of Done or Skip (the popup offers it for a few seconds): the reminder is open again as it
   * was, the next occurrence Done/Skip created goes (unless it was changed since), and what Done
   * recorded goes too — the 'expertise-shared' activity, or the message logged with the person
   * (with what it counted) — so goal progress goes back.
   */
  'reminder.undo': defineOp({
    access: 'panel',
    writes: [...ALL_TABLES],
    input: idInput,
    output: z.object({ reminder: reminderSchema }),
    async handler({ id }, ctx) {
      const { db, now } = ctx;
      return db.transaction('rw', tx(db), async () => {
        const r = await requireReminder(db, id);
        if (r.state === 'open' || r.doneAt == null) return { reminder: r };
        const at = r.doneAt;
        const day = todayOf(new Date(at));
        // The next occurrence: same kind and person, created at the instant this one was closed.
        const candidates = r.contactId != null
          ? db.reminders.where('contactId').equals(r.contactId)
          : db.reminders.where('[state+due]').between(['open', ''], ['open', '\uffff'], true, true);
        const nexts = await candidates
          .filter((x) => x.id !== r.id && x.state === 'open' && x.kind === r.kind && x.contactId === r.contactId && x.createdAt === at && x.updatedAt === at && x.snoozedUntil == null)
          .primaryKeys();
        if (nexts.length) await db.reminders.bulkDelete(nexts);
        if (r.state === 'done') {
          if (r.kind === 'share-expertise') {
            // Days around it: the day is local time, the same as when it was recorded.
            const acts = await db.activities.where('[kind+date]')
              .between(['expertise-shared', plusDays(day, -1)], ['expertise-shared', plusDays(day, 1)], true, true)
              .filter((a) => a.reminderId === r.id && a.createdAt === at).primaryKeys();
            if (acts.length) await db.activities.bulkDelete(acts);
          } else if (r.kind === 'follow-up' && r.contactId != null) {
            const logged = await db.interactions.where('[contactId+date]').between([r.contactId, plusDays(day, -1)], [r.contactId, plusDays(day, 1)], true, true)
              .filter((i) => i.kind === 'message' && i.createdAt === at).primaryKeys();
            for (const interactionId of logged) await contactOps['interaction.delete'].handler({ id: interactionId }, ctx);
          }
        }
        const reopened: Reminder = { ...r, state: 'open', doneAt: null, updatedAt: now().getTime() };
        await db.reminders.put(reopened);
        return { reminder: reopened };
      });
    },
  }),

  /** Skip this time: no activity; a recurring reminder comes back on its next day. */
  'reminder.skip': defineOp({
    access: 'panel',
    writes: ['reminders'],
    input: idInput,
    output: finishOutput,
    async handler({ id }, ctx) {
      const { db } = ctx;
      return db.transaction('rw', tx(db), async () => {
        const r = await requireReminder(db, id);
        if (r.state !== 'open') return { reminder: r, next: null };
        return finish(r, 'skipped', ctx);
      });
    },
  }),

  /** Snooze until tomorrow, the start of next week, or a given day. */
  'reminder.snooze': defineOp({
    access: 'panel',
    writes: ['reminders'],
    input: idInput.extend({ until: untilInput }),
    output: reminderSchema,
    async handler({ id, until }, { db, now }) {
      return db.transaction('rw', [db.reminders, db.settings], async () => {
        const r = await requireReminder(db, id);
        const day = todayOf(now());
        const to = snoozeUntil(until, day, (await readSettings(db)).weekStart);
        if (to <= day) throw new ApiError('invalid-input', 'Pick a day after today to snooze until.');
        const next: Reminder = { ...r, due: to, snoozedUntil: to, state: 'open', updatedAt: now().getTime() };
        await db.reminders.put(next);
        return next;
      });
    },
  }),

  /** A contact's keep-in-touch date has come and the user got in touch: logs a message. */
  'followUp.done': defineOp({
    access: 'panel',
    writes: ['interactions', 'contacts', 'activities'],
    input: contactInput.extend({ note: z.string().trim().max(2000).nullable().optional() }),
    output: followUpOutput,
    async handler({ contactId, note }, ctx) {
      const { db } = ctx;
      // One instant for what Done records, so the undo token can name the message it logged.
      const at = ctx.now();
      const fixed: HandlerCtx = { ...ctx, now: () => at };
      return db.transaction('rw', tx(db), async () => {
        const before = await requireContact(db, contactId);
        const view = await contactOps['interaction.log'].handler({ contactId, kind: 'message', note: note || null }, fixed);
        const logged = await db.interactions.where('[contactId+date]').between([contactId, ''], [contactId, '\uffff'])
          .filter((i) => i.kind === 'message' && i.createdAt === at.getTime()).primaryKeys();
        return { contactId, nextFollowUp: view.contact.nextFollowUp, undo: undoToken(before, logged[0] ?? null) };
      });
    },
  }),

  /** Moves a contact's keep-in-touch date (picked by hand from now on). */
  'followUp.snooze': defineOp({
    access: 'panel',
    writes: ['contacts', 'activities'],
    input: contactInput.extend({ until: untilInput }),
    output: z.object({ contactId: z.number(), nextFollowUp: isoDate.nullable() }),
    async handler({ contactId, until }, ctx) {
      const day = todayOf(ctx.now());
      const to = snoozeUntil(until, day, (await readSettings(ctx.db)).weekStart);
      if (to <= day) throw new ApiError('invalid-input', 'Pick a day after today to snooze until.');
      const view = await contactOps['contact.update'].handler({ id: contactId, patch: { nextFollowUp: to }, fromPage: false }, ctx);
      return { contactId, nextFollowUp: view.contact.nextFollowUp };
    },
  }),

  /** Skip this round: the next keep-in-touch date is one cadence from today; nothing is logged. */
  'followUp.skip': defineOp({
    access: 'panel',
    writes: ['contacts', 'activities'],
    input: contactInput,
    output: followUpOutput,
    async handler({ contactId }, ctx) {
      const contact = await requireContact(ctx.db, contactId);
      const cadence = effectiveCadence(contact, await readSettings(ctx.db)) ?? 30;
      const to = plusDays(todayOf(ctx.now()), cadence);
      const view = await contactOps['contact.update'].handler({ id: contactId, patch: { nextFollowUp: to }, fromPage: false }, ctx);
      return { contactId, nextFollowUp: view.contact.nextFollowUp, undo: undoToken(contact, null) };
    },
  }),

  /**
   * Undo of a contact follow-up's Done or Skip (the popup offers it for a few seconds): the message
   * Done logged goes (with what it counted), and the keep-in-touch dates are back as they were.
   */
  'followUp.undo': defineOp({
    access: 'panel',
    writes: ['interactions', 'contacts', 'activities'],
    input: followUpUndo,
    output: z.object({ contactId: z.number(), nextFollowUp: isoDate.nullable() }),
    async handler({ contactId, interactionId, lastInteraction, nextFollowUp, followUpManual }, ctx) {
      const { db, now } = ctx;
      return db.transaction('rw', tx(db), async () => {
        await requireContact(db, contactId);
        if (interactionId != null && (await db.interactions.get(interactionId))?.contactId === contactId) {
          await contactOps['interaction.delete'].handler({ id: interactionId }, ctx);
        }
        const contact = await requireContact(db, contactId);
        await db.contacts.put({ ...contact, lastInteraction, nextFollowUp, followUpManual, updatedAt: now().getTime() });
        return { contactId, nextFollowUp };
      });
    },
  }),
};
