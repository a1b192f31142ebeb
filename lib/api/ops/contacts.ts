/** Contacts, interactions and tags: what the panel needs to record a person. */
import { z } from 'zod';
import type { RapportDB } from '../../db/db';
import { interactionActivities } from '../../db/activity-lookup';
import { canonicalProfileUrl } from '../../db/compact';
import {
  type Contact, INTERACTION_KINDS, PAGE_FIELDS, connectionStatus, contactSchema, degree, howWeMet,
  interactionSchema, isoDate, noteSchema, relationship, reminderSchema,
} from '../../db/schema';
import { INTERACTION_ACTIVITY, isReconnection, recordActivity } from '../../domain/activities';
import { today } from '../../domain/dates';
import { impliedFollowUp } from '../../domain/followup';
import { readSettings } from '../../domain/settings';
import { defineOp } from '../define';
import { ApiError } from '../messages';

const slugSchema = z.string().trim().min(1).max(200).transform((s) => s.toLowerCase());
const tagList = z.array(z.string().trim().min(1).max(60)).max(100);
const nullableText = (max: number) => z.string().trim().max(max).nullable().transform((s) => (s ? s : null));

export const contactViewSchema = z.object({
  contact: contactSchema,
  notes: z.array(noteSchema),
  interactions: z.array(interactionSchema),
  reminders: z.array(reminderSchema),
});
export type ContactView = z.infer<typeof contactViewSchema>;

/** Everything the panel shows about one contact: notes newest first, timeline newest first. */
export async function loadContactView(db: RapportDB, contact: Contact): Promise<ContactView> {
  const [notes, interactions, reminders] = await Promise.all([
    db.notes.where('[targetType+targetId]').equals(['contact', contact.id]).toArray(),
    db.interactions.where('[contactId+date]').between([contact.id, ''], [contact.id, '\uffff']).reverse().toArray(),
    db.reminders.where('contactId').equals(contact.id).filter((r) => r.state === 'open').toArray(),
  ]);
  notes.sort((a, b) => b.createdAt - a.createdAt);
  reminders.sort((a, b) => a.due.localeCompare(b.due));
  return { contact, notes, interactions, reminders };
}

export function normaliseName(name: string): string {
  // NFKC can lengthen text (… → ..., ﷺ → 18 letters): keep within the 300 the record allows.
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase().slice(0, 300);
}

async function requireContact(db: RapportDB, id: number): Promise<Contact> {
  const c = await db.contacts.get(id);
  if (!c) throw new ApiError('not-found', 'This contact no longer exists.');
  return c;
}

const pageFieldsInput = {
  profileUrl: nullableText(2000).optional(),
  name: z.string().trim().min(1).max(300),
  headline: nullableText(1000).optional(),
  location: nullableText(300).optional(),
  company: nullableText(300).optional(),
  position: nullableText(300).optional(),
  email: nullableText(300).optional(),
  photoUrl: nullableText(4000).optional(),
  degree: degree.optional(),
};

/**
 * The distinct tags on contacts, one seek per tag in the `tags` index. (A `nextunique` cursor
 * — Dexie's `uniqueKeys()` — walks every index entry in Chromium, checking each against its
 * record: 0.3–1.3 s at 30k tagged contacts, during which the worker answers nothing else.)
 */
function distinctTags(db: RapportDB): Promise<string[]> {
  return db.transaction('r', db.contacts, async () => {
    const tags: string[] = [];
    let next = (await db.contacts.orderBy('tags').limit(1).keys()) as string[];
    while (next.length > 0) {
      const tag = next[0]!;
      tags.push(tag);
      next = (await db.contacts.where('tags').above(tag).limit(1).keys()) as string[];
    }
    return tags;
  });
}

export const contactOps = {
  /** The contact a profile page shows, if saved; else a slug-less contact with the same name (CSV import). */
  'contact.getForPage': defineOp({
    access: 'panel',
    input: z.object({ slug: slugSchema, name: z.string().max(300).nullable().optional() }),
    output: z.object({ view: contactViewSchema.nullable(), possibleMatch: contactSchema.nullable() }),
    async handler({ slug, name }, { db }) {
      const contact = await db.contacts.where('slug').equals(slug).first();
      if (contact) return { view: await loadContactView(db, contact), possibleMatch: null };
      let possibleMatch: Contact | null = null;
      if (name) {
        possibleMatch = (await db.contacts.where('nameLower').equals(normaliseName(name)).filter((c) => !c.slug).first()) ?? null;
      }
      return { view: null, possibleMatch };
    },
  }),

  'contact.get': defineOp({
    access: 'panel',
    input: z.object({ id: z.number().int().positive() }),
    output: contactViewSchema.nullable(),
    async handler({ id }, { db }) {
      const c = await db.contacts.get(id);
      return c ? loadContactView(db, c) : null;
    },
  }),

  /**
   * Adds a person to the network from what a page (or the user) says. When `linkToId` names a
   * slug-less contact (a CSV import), that contact gains the slug instead of a new one being made.
   */
  'contact.save': defineOp({
    access: 'panel',
    writes: ['contacts', 'activities'],
    input: z.object({
      slug: slugSchema.nullable(),
      ...pageFieldsInput,
      source: z.enum(['page', 'manual']).default('page'),
      status: connectionStatus.optional(),
      relationships: z.array(relationship).max(20).optional(),
      tags: tagList.optional(),
      /** Fields the user typed by hand (e.g. a name the page did not show). */
      typedFields: z.array(z.enum(PAGE_FIELDS)).optional(),
      linkToId: z.number().int().positive().optional(),
      /** 'conflict': a contact already saved with this slug is an error (the options page's "New contact"), not returned. */
      ifExists: z.enum(['return', 'conflict']).default('return'),
    }),
    output: contactViewSchema,
    async handler(input, { db, now }) {
      return db.transaction('rw', [db.contacts, db.activities, db.notes, db.interactions, db.reminders, db.settings], async () => {
        const t = now().getTime();
        const day = today(now());
        if (input.slug) {
          const existing = await db.contacts.where('slug').equals(input.slug).first();
          if (existing && input.ifExists === 'conflict') {
            throw new ApiError('conflict', `${existing.name} is already in your contacts with this LinkedIn profile (linkedin.com/in/${input.slug}).`);
          }
          if (existing) return loadContactView(db, existing);
        }
        const page = pickPageFields(input);
        if (input.linkToId) {
          const target = await requireContact(db, input.linkToId);
          const patch: Partial<Contact> = { slug: input.slug, updatedAt: t };
          for (const [k, v] of Object.entries(page) as [keyof typeof page, unknown][]) {
            // Fill what the import lacked; never overwrite what the user wrote.
            if (v != null && (target[k] == null || !target.userFields.includes(k))) (patch as Record<string, unknown>)[k] = v;
          }
          if (patch.name) patch.nameLower = normaliseName(patch.name);
          await db.contacts.update(target.id, patch);
          return loadContactView(db, await requireContact(db, target.id));
        }
        const settings = await readSettings(db);
        const relationships = input.relationships ?? [];
        const status = input.status ?? (page.degree === '1st' ? 'connected' : 'none');
        const draft: Omit<Contact, 'id'> = {
          slug: input.slug,
          profileUrl: page.profileUrl ?? (input.slug ? canonicalProfileUrl(input.slug) : null),
          name: page.name,
          nameLower: normaliseName(page.name),
          headline: page.headline ?? null,
          location: page.location ?? null,
          company: page.company ?? null,
          position: page.position ?? null,
          email: page.email ?? null,
          photoUrl: page.photoUrl ?? null,
          degree: page.degree ?? null,
          status,
          connectedOn: null,
          relationships,
          tags: dedupe(input.tags ?? []),
          howWeMet: null,
          cadenceDays: null,
          lastInteraction: null,
          nextFollowUp: null,
          followUpManual: false,
          source: input.source,
          userFields: input.typedFields ?? [],
          createdAt: t,
          updatedAt: t,
        };
        draft.nextFollowUp = impliedFollowUp(draft, settings, day);
        const id = await db.contacts.add(draft as Contact);
        return loadContactView(db, await requireContact(db, id));
      });
    },
  }),

  /** Edits what the user knows about a contact. Page fields written here are marked as the user's own. */
  'contact.update': defineOp({
    access: 'panel',
    writes: ['contacts', 'activities'],
    input: z.object({
      id: z.number().int().positive(),
      patch: z.object({
        ...pageFieldsInput,
        name: pageFieldsInput.name.optional(),
        slug: slugSchema.nullable().optional(),
        status: connectionStatus.optional(),
        connectedOn: isoDate.nullable().optional(),
        relationships: z.array(relationship).max(20).optional(),
        tags: tagList.optional(),
        howWeMet: howWeMet.optional(),
        cadenceDays: z.number().int().min(1).max(3650).nullable().optional(),
        /** A date picked by hand, or null to go back to the one the cadence implies. */
        nextFollowUp: isoDate.nullable().optional(),
      }).strict(),
      /** True when the user accepted what the page shows now (job change): not marked as typed. */
      fromPage: z.boolean().default(false),
    }),
    output: contactViewSchema,
    async handler({ id, patch, fromPage }, { db, now }) {
      return db.transaction('rw', [db.contacts, db.activities, db.notes, db.interactions, db.reminders, db.settings], async () => {
        const current = await requireContact(db, id);
        const day = today(now());
        const next: Contact = { ...current, updatedAt: now().getTime() };
        for (const [k, v] of Object.entries(patch)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
        if (patch.tags) next.tags = dedupe(patch.tags);
        if (patch.name) next.nameLower = normaliseName(patch.name);
        if (!fromPage) {
          const typed = PAGE_FIELDS.filter((f) => patch[f] !== undefined && patch[f] !== current[f]);
          next.userFields = dedupe([...current.userFields, ...typed]) as Contact['userFields'];
        }
        if ('nextFollowUp' in patch && patch.nextFollowUp !== undefined) next.followUpManual = patch.nextFollowUp !== null;
        const settings = await readSettings(db);
        next.nextFollowUp = impliedFollowUp(next, settings, day);
        // A new connection is dated by `connectedOn`: goals count contacts by it (schema version 3).
        if (patch.status === 'connected' && current.status !== 'connected') next.connectedOn ??= day;
        await db.contacts.put(next);
        return loadContactView(db, next);
      });
    },
  }),

  /** Logs something that happened with a contact; restarts the keep-in-touch clock. */
  'interaction.log': defineOp({
    access: 'panel',
    writes: ['interactions', 'contacts', 'activities'],
    input: z.object({
      contactId: z.number().int().positive(),
      kind: z.enum(INTERACTION_KINDS),
      date: isoDate.optional(),
      note: nullableText(2000).optional(),
      /**
       * 'met-at-event' only: the event where you met (chosen or just created). Attending it counts
       * once toward goals ('event-attended', or 'workshop-attended' for a workshop or training),
       * however many people you log meeting there.
       */
      eventId: z.number().int().positive().nullable().optional(),
    }),
    output: contactViewSchema,
    async handler({ contactId, kind, date, note, eventId }, { db, now }) {
      // The events table only when an event is named: callers that run this inside their own
      // transaction (reminder.done) list the tables without it.
      const tables = [db.contacts, db.activities, db.notes, db.interactions, db.reminders, db.settings, ...(eventId != null ? [db.events] : [])];
      return db.transaction('rw', tables, async () => {
        const contact = await requireContact(db, contactId);
        const day = date ?? today(now());
        const t = now().getTime();
        const event = kind === 'met-at-event' && eventId != null ? await db.events.get(eventId) : undefined;
        if (kind === 'met-at-event' && eventId != null && !event) throw new ApiError('not-found', 'This event no longer exists.');
        const interactionId = await db.interactions.add({ contactId, kind, date: day, note: note ?? null, createdAt: t } as never);
        const activity = INTERACTION_ACTIVITY[kind];
        if (activity) await recordActivity(db, { kind: activity, date: day, contactId, interactionId, source: 'panel', note: note ?? null }, now());
        if (event) {
          const attended = event.kind === 'workshop' || event.kind === 'training' ? 'workshop-attended' : 'event-attended';
          const counted = await db.activities.where('[kind+date]').between([attended, ''], [attended, '\uffff']).filter((a) => a.eventId === event.id).count();
          if (!counted) await recordActivity(db, { kind: attended, date: event.date, contactId, eventId: event.id, interactionId, source: 'panel', note: event.name }, now());
        }
        if (isReconnection(contact, day)) {
          await recordActivity(db, { kind: 'reconnection', date: day, contactId, interactionId, source: 'panel' }, now());
        }
        const next: Contact = { ...contact, updatedAt: t };
        if (!contact.lastInteraction || day >= contact.lastInteraction) {
          next.lastInteraction = day;
          next.followUpManual = false;
        }
        if (kind === 'connection-request' && contact.status === 'none') next.status = 'invited';
        next.nextFollowUp = impliedFollowUp(next, await readSettings(db), today(now()));
        await db.contacts.put(next);
        return loadContactView(db, next);
      });
    },
  }),

  'interaction.delete': defineOp({
    access: 'panel',
    writes: ['interactions', 'contacts', 'activities'],
    input: z.object({ id: z.number().int().positive() }),
    output: contactViewSchema.nullable(),
    async handler({ id }, { db, now }) {
      return db.transaction('rw', [db.contacts, db.activities, db.notes, db.interactions, db.reminders, db.settings], async () => {
        const interaction = await db.interactions.get(id);
        if (!interaction) return null;
        await db.interactions.delete(id);
        await db.activities.bulkDelete((await interactionActivities(db, interaction)).map((a) => a.id));
        const contact = await db.contacts.get(interaction.contactId);
        if (!contact) return null;
        const latest = await db.interactions
          .where('[contactId+date]').between([contact.id, ''], [contact.id, '\uffff']).last();
        const next: Contact = { ...contact, lastInteraction: latest?.date ?? null, updatedAt: now().getTime() };
        next.nextFollowUp = impliedFollowUp(next, await readSettings(db), today(now()));
        await db.contacts.put(next);
        return loadContactView(db, next);
      });
    },
  }),

  /** Tags already used, for autocomplete. */
  'tags.list': defineOp({
    access: 'panel',
    input: z.object({}).default({}),
    output: z.array(z.string()),
    async handler(_input, { db }) {
      const [contactTags, groupTags] = await Promise.all([
        distinctTags(db),
        db.groups.toCollection().toArray((gs) => gs.flatMap((g) => g.tags)),
      ]);
      return dedupe([...contactTags, ...groupTags]).sort((a, b) => a.localeCompare(b));
    },
  }),

  /** Name-prefix search, e.g. to pick who introduced you. */
  'contact.search': defineOp({
    access: 'panel',
    input: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(50).default(10) }),
    output: z.array(contactSchema.pick({ id: true, name: true, headline: true, company: true, slug: true, photoUrl: true })),
    async handler({ query, limit }, { db }) {
      const q = normaliseName(query);
      if (!q) return [];
      const rows = await db.contacts.where('nameLower').startsWith(q).limit(limit).toArray();
      return rows.map(({ id, name, headline, company, slug, photoUrl }) => ({ id, name, headline, company, slug, photoUrl }));
    },
  }),
};

function pickPageFields<T extends Record<string, unknown>>(input: T) {
  return {
    profileUrl: input.profileUrl as string | null | undefined,
    name: input.name as string,
    headline: input.headline as string | null | undefined,
    location: input.location as string | null | undefined,
    company: input.company as string | null | undefined,
    position: input.position as string | null | undefined,
    email: input.email as string | null | undefined,
    photoUrl: input.photoUrl as string | null | undefined,
    degree: input.degree as Contact['degree'] | undefined,
  };
}

export function dedupe<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
