/** Notes on a contact, a group or an event: several each, timestamped, editable, deletable. */
import { z } from 'zod';
import { NOTE_TARGETS, noteSchema } from '../../db/schema';
import { defineOp } from '../define';
import { ApiError } from '../messages';

const noteText = z.string().max(20_000).refine((s) => s.trim().length > 0, 'A note cannot be empty.');

export const noteOps = {
  'note.add': defineOp({
    access: 'panel',
    writes: ['notes'],
    input: z.object({ targetType: z.enum(NOTE_TARGETS), targetId: z.number().int().positive(), text: noteText }),
    output: noteSchema,
    async handler({ targetType, targetId, text }, { db, now }) {
      return db.transaction('rw', [db.notes, db.contacts, db.groups, db.events], async () => {
        const table = targetType === 'contact' ? db.contacts : targetType === 'group' ? db.groups : db.events;
        if (!(await table.get(targetId))) throw new ApiError('not-found', `This ${targetType} no longer exists.`);
        const t = now().getTime();
        const note = { targetType, targetId, text: text.trim(), createdAt: t, updatedAt: t };
        const id = await db.notes.add(note as never);
        return { ...note, id };
      });
    },
  }),

  'note.edit': defineOp({
    access: 'panel',
    writes: ['notes'],
    input: z.object({ id: z.number().int().positive(), text: noteText }),
    output: noteSchema,
    async handler({ id, text }, { db, now }) {
      return db.transaction('rw', db.notes, async () => {
        const note = await db.notes.get(id);
        if (!note) throw new ApiError('not-found', 'This note no longer exists.');
        const next = { ...note, text: text.trim(), updatedAt: now().getTime() };
        await db.notes.put(next);
        return next;
      });
    },
  }),

  'note.delete': defineOp({
    access: 'panel',
    writes: ['notes'],
    input: z.object({ id: z.number().int().positive() }),
    output: z.object({ deleted: z.boolean() }),
    async handler({ id }, { db }) {
      const existed = (await db.notes.where('id').equals(id).delete()) > 0;
      return { deleted: existed };
    },
  }),
};
