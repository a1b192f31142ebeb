/**
 * Commitments made to a contact ("send Alex the deck by Friday"): reminders of kind 'commitment'.
 * The popup's reminder ops (reminders.ts) list, complete and snooze them.
 */
import { z } from 'zod';
import { isoDate, reminderSchema, type Reminder } from '../../db/schema';
import { defineOp } from '../define';
import { ApiError } from '../messages';

export const commitmentOps = {
  'reminder.addCommitment': defineOp({
    access: 'panel',
    writes: ['reminders'],
    input: z.object({
      contactId: z.number().int().positive(),
      title: z.string().trim().min(1, 'Say what you promised.').max(500),
      due: isoDate,
    }),
    output: reminderSchema,
    async handler({ contactId, title, due }, { db, now }) {
      return db.transaction('rw', [db.reminders, db.contacts], async () => {
        if (!(await db.contacts.get(contactId))) throw new ApiError('not-found', 'This contact no longer exists.');
        const t = now().getTime();
        const r: Omit<Reminder, 'id'> = {
          kind: 'commitment', title, contactId, groupId: null, due, recurrence: null, state: 'open',
          snoozedUntil: null, doneAt: null, createdAt: t, updatedAt: t,
        };
        const id = await db.reminders.add(r as Reminder);
        return { ...r, id };
      });
    },
  }),
};
