/**
 * The network manager of the options page: bulk tags, deleting contacts (with an undo that puts
 * back every note, interaction, activity and reminder), merging duplicates, deleting groups, editing events, and deleting everything. All of it is bulk or destructive: extension pages only.
 */
import { z } from 'zod';
import { type RapportDB, TABLES } from '../../db/db';
import { activitiesOf } from '../../db/activity-lookup';
import {
  type Contact, EVENT_KINDS, activitySchema, contactSchema, eventSchema, interactionSchema,
  isoDate, noteSchema, reminderSchema,
} from '../../db/schema';
import { today } from '../../domain/dates';
import { impliedFollowUp } from '../../domain/followup';
import { readSettings } from '../../domain/settings';
import { mergeContactRecords } from '../../manage/merge';
import { pickSurvivor } from '../../manage/duplicates';
import { defineOp } from '../define';
import { ApiError } from '../messages';

const id = z.number().int().positive();
const idList = z.array(id).min(1).max(50_000);
const tag = z.string().trim().min(1).max(60);

/** What deleting contacts removed: enough to put it all back. */
export const deletedBundleSchema = z.object({
  contacts: z.array(contactSchema).max(50_000),
  notes: z.array(noteSchema),
  interactions: z.array(interactionSchema),
  activities: z.array(activitySchema),
  reminders: z.array(reminderSchema),
});
export type DeletedBundle = z.infer<typeof deletedBundleSchema>;

const CONTACT_TABLES = (db: RapportDB) => [db.contacts, db.notes, db.interactions, db.activities, db.reminders, db.settings];

async function relatedRows(db: RapportDB, ids: number[]) {
  const set = new Set(ids);
  const [notes, interactions, activities, reminders] = await Promise.all([
    db.notes.where('[targetType+targetId]').anyOf(ids.map((i) => ['contact', i] as [string, number])).toArray(),
    db.interactions.where('[contactId+date]').between([Math.min(...ids), ''], [Math.max(...ids), '\uffff']).filter((x) => set.has(x.contactId)).toArray(),
    activitiesOf(db, ids),
    db.reminders.where('contactId').anyOf(ids).toArray(),
  ]);
  return { notes, interactions, activities, reminders };
}

/** Contacts whose "how we met" names a group or event that is being deleted keep it as text. */
async function keepHowWeMetAsText(db: RapportDB, match: (c: Contact) => boolean, text: string, t: number) {
  await db.contacts.toCollection().filter(match).modify((c) => {
    c.howWeMet = { kind: 'text', text: text.slice(0, 500) };
    c.updatedAt = t;
  });
}

export const manageOps = {
  /** Adds and/or removes tags on many contacts at once. */
  'manage.bulkTag': defineOp({
    access: 'extension',
    writes: ['contacts'],
    input: z.object({ ids: idList, add: z.array(tag).max(20).default([]), remove: z.array(tag).max(20).default([]) })
      .refine((i) => i.add.length + i.remove.length > 0, 'Name a tag to add or remove.'),
    output: z.object({ changed: z.number().int() }),
    async handler({ ids, add, remove }, { db, now }) {
      return db.transaction('rw', db.contacts, async () => {
        const t = now().getTime();
        const rows = (await db.contacts.bulkGet(ids)).filter((c): c is Contact => !!c);
        const changed: Contact[] = [];
        for (const c of rows) {
          const tags = [...new Set([...c.tags.filter((x) => !remove.includes(x)), ...add])];
          if (tags.length > 100) throw new ApiError('invalid-input', `${c.name} would have more than 100 tags.`);
          if (tags.length === c.tags.length && tags.every((x, i) => x === c.tags[i])) continue;
          changed.push({ ...c, tags, updatedAt: t });
        }
        await db.contacts.bulkPut(changed);
        return { changed: changed.length };
      });
    },
  }),

  /** Deletes contacts with their notes, interactions, activities and reminders; returns them for undo. */
  'manage.deleteContacts': defineOp({
    access: 'extension',
    writes: ['contacts', 'notes', 'interactions', 'activities', 'reminders'],
    input: z.object({ ids: idList }),
    output: deletedBundleSchema,
    async handler({ ids }, { db }) {
      return db.transaction('rw', CONTACT_TABLES(db), async () => {
        const contacts = (await db.contacts.bulkGet(ids)).filter((c): c is Contact => !!c);
        const present = contacts.map((c) => c.id);
        if (!present.length) return { contacts: [], notes: [], interactions: [], activities: [], reminders: [] };
        const related = await relatedRows(db, present);
        await Promise.all([
          db.notes.bulkDelete(related.notes.map((x) => x.id)),
          db.interactions.bulkDelete(related.interactions.map((x) => x.id)),
          db.activities.bulkDelete(related.activities.map((x) => x.id)),
          db.reminders.bulkDelete(related.reminders.map((x) => x.id)),
          db.contacts.bulkDelete(present),
        ]);
        return { contacts, ...related };
      });
    },
  }),

  /**
   * Undo of a delete: puts every record back with its id. A contact saved again in the meantime
   * (same slug) absorbs the restored one instead, keeping both sides' data.
   */
  'manage.restoreContacts': defineOp({
    access: 'extension',
    writes: ['contacts', 'notes', 'interactions', 'activities', 'reminders'],
    input: deletedBundleSchema,
    output: z.object({ restored: z.number().int() }),
    async handler(bundle, { db, now }) {
      return db.transaction('rw', CONTACT_TABLES(db), async () => {
        const t = now().getTime();
        const settings = await readSettings(db);
        const remap = new Map<number, number>();
        const toAdd: Contact[] = [];
        let restored = 0;
        for (const c of bundle.contacts) {
          if (await db.contacts.get(c.id)) { restored++; continue; } // already back
          const clash = c.slug ? await db.contacts.where('slug').equals(c.slug).first() : undefined;
          if (clash) {
            const merged = mergeContactRecords(clash, [c], t);
            if (!merged.followUpManual) merged.nextFollowUp = impliedFollowUp(merged, settings, today(now()));
            await db.contacts.put(merged);
            remap.set(c.id, clash.id);
          } else {
            toAdd.push(c);
          }
          restored++;
        }
        await db.contacts.bulkAdd(toAdd);
        const to = (cid: number | null) => (cid != null ? remap.get(cid) ?? cid : cid);
        await db.notes.bulkPut(bundle.notes.map((n) => (n.targetType === 'contact' ? { ...n, targetId: to(n.targetId)! } : n)));
        await db.interactions.bulkPut(bundle.interactions.map((x) => ({ ...x, contactId: to(x.contactId)! })));
        await db.activities.bulkPut(bundle.activities.map((x) => ({ ...x, contactId: to(x.contactId) })));
        await db.reminders.bulkPut(bundle.reminders.map((x) => ({ ...x, contactId: to(x.contactId) })));
        return { restored };
      });
    },
  }),

  /**
   * Merges duplicates into one contact in one transaction: every note, interaction, activity and
   * reminder moves to the kept contact, tags and relationships are united, what the user typed wins,
   * and the LinkedIn slug is kept.
   */
  'manage.mergeContacts': defineOp({
    access: 'extension',
    writes: ['contacts', 'notes', 'interactions', 'activities', 'reminders'],
    input: z.object({ ids: z.array(id).min(2).max(50), keepId: id.optional() }),
    output: z.object({ contact: contactSchema, merged: z.number().int() }),
    async handler({ ids, keepId }, { db, now }) {
      return db.transaction('rw', CONTACT_TABLES(db), async () => {
        const found = (await db.contacts.bulkGet([...new Set(ids)])).filter((c): c is Contact => !!c);
        if (found.length < 2) throw new ApiError('not-found', 'These contacts are no longer there to merge.');
        const slugs = new Set(found.filter((c) => c.slug).map((c) => c.slug));
        if (slugs.size > 1) throw new ApiError('conflict', 'These are different LinkedIn profiles; they cannot be merged.');
        const survivor = (keepId ? found.find((c) => c.id === keepId) : undefined) ?? pickSurvivor(found);
        const withSlug = found.find((c) => c.slug);
        const others = found.filter((c) => c.id !== survivor.id);
        const otherIds = others.map((c) => c.id);
        const merged = mergeContactRecords(survivor, others, now().getTime());
        if (withSlug) merged.slug = withSlug.slug;
        if (!merged.followUpManual) merged.nextFollowUp = impliedFollowUp(merged, await readSettings(db), today(now()));
        const related = await relatedRows(db, otherIds);
        await db.notes.bulkPut(related.notes.map((n) => ({ ...n, targetId: survivor.id })));
        await db.interactions.bulkPut(related.interactions.map((x) => ({ ...x, contactId: survivor.id })));
        await db.activities.bulkPut(related.activities.map((x) => ({ ...x, contactId: survivor.id })));
        await db.reminders.bulkPut(related.reminders.map((x) => ({ ...x, contactId: survivor.id })));
        // Anyone introduced by a merged record was introduced by the kept one.
        await db.contacts
          .filter((c) => c.howWeMet?.kind === 'introduction' && otherIds.includes(c.howWeMet.contactId))
          .modify((c) => { c.howWeMet = { kind: 'introduction', contactId: survivor.id }; });
        await db.contacts.bulkDelete(otherIds); // frees the slug before the survivor takes it
        await db.contacts.put(merged);
        return { contact: merged, merged: otherIds.length };
      });
    },
  }),

  /** Removes a group and its notes; contacts met there keep the group's name as text. */
  'manage.deleteGroup': defineOp({
    access: 'extension',
    writes: ['groups', 'notes', 'contacts', 'activities', 'reminders'],
    input: z.object({ id }),
    output: z.object({ deleted: z.boolean() }),
    async handler({ id: gid }, { db, now }) {
      return db.transaction('rw', [db.groups, db.notes, db.contacts, db.activities, db.reminders], async () => {
        const g = await db.groups.get(gid);
        if (!g) return { deleted: false };
        const t = now().getTime();
        await keepHowWeMetAsText(db, (c) => c.howWeMet?.kind === 'group' && c.howWeMet.groupId === gid, `Group: ${g.name}`, t);
        await db.notes.where('[targetType+targetId]').equals(['group', gid]).delete();
        await db.activities.filter((a) => a.groupId === gid).modify((a) => { a.groupId = null; });
        await db.reminders.filter((r) => r.groupId === gid).modify((r) => { r.groupId = null; });
        await db.groups.delete(gid);
        return { deleted: true };
      });
    },
  }),

  /** Creates (no id) or edits an event. */
  'manage.saveEvent': defineOp({
    access: 'extension',
    writes: ['events'],
    input: z.object({
      id: id.optional(),
      name: z.string().trim().min(1, 'An event needs a name.').max(500),
      kind: z.enum(EVENT_KINDS),
      date: isoDate,
      place: z.string().trim().max(1000).nullable().transform((s) => (s ? s : null)),
    }),
    output: eventSchema,
    async handler({ id: eid, ...fields }, { db, now }) {
      return db.transaction('rw', db.events, async () => {
        const t = now().getTime();
        if (eid) {
          const e = await db.events.get(eid);
          if (!e) throw new ApiError('not-found', 'This event no longer exists.');
          const next = { ...e, ...fields, updatedAt: t };
          await db.events.put(next);
          return next;
        }
        const draft = { ...fields, createdAt: t, updatedAt: t };
        const newId = await db.events.add(draft as never);
        return { ...draft, id: newId as number };
      });
    },
  }),

  /** Removes an event and its notes; contacts met there keep "Event: name (date)" as text. */
  'manage.deleteEvent': defineOp({
    access: 'extension',
    writes: ['events', 'notes', 'contacts', 'activities'],
    input: z.object({ id }),
    output: z.object({ deleted: z.boolean() }),
    async handler({ id: eid }, { db, now }) {
      return db.transaction('rw', [db.events, db.notes, db.contacts, db.activities], async () => {
        const e = await db.events.get(eid);
        if (!e) return { deleted: false };
        const t = now().getTime();
        await keepHowWeMetAsText(db, (c) => c.howWeMet?.kind === 'event' && c.howWeMet.eventId === eid, `Event: ${e.name} (${e.date})`, t);
        await db.notes.where('[targetType+targetId]').equals(['event', eid]).delete();
        await db.activities.filter((a) => a.eventId === eid).modify((a) => { a.eventId = null; });
        await db.events.delete(eid);
        return { deleted: true };
      });
    },
  }),

  /** Clears every table in one transaction. The user types DELETE to confirm. */
  'data.deleteEverything': defineOp({
    access: 'extension',
    writes: [...TABLES],
    input: z.object({ confirm: z.literal('DELETE', { message: 'Type DELETE to confirm.' }) }),
    output: z.object({ deleted: z.literal(true) }),
    async handler(_input, { db }) {
      await db.transaction('rw', TABLES.map((t) => db.table(t)), async () => {
        await Promise.all(TABLES.map((t) => db.table(t).clear()));
      });
      return { deleted: true as const };
    },
  }),
};
