/**
 * Groups and events: what the panel needs on a LinkedIn group page (save, membership, participation,
 * notes, the people met there) and the lists the "how we met" picker offers.
 */
import { z } from 'zod';
import type { RapportDB } from '../../db/db';
import {
  type Group, type RapportEvent, EVENT_KINDS, MEMBERSHIPS, activitySchema, contactSchema, eventSchema, groupSchema, isoDate, noteSchema,
} from '../../db/schema';
import { recordActivity } from '../../domain/activities';
import { today } from '../../domain/dates';
import { defineOp } from '../define';
import { ApiError } from '../messages';

const nullableText = (max: number) => z.string().trim().max(max).nullable().transform((s) => (s ? s : null));
const tagList = z.array(z.string().trim().min(1).max(60)).max(100);

export const GROUP_CONTRIBUTIONS = ['posted', 'commented', 'answered', 'shared-resource'] as const;
export type GroupContribution = (typeof GROUP_CONTRIBUTIONS)[number];
export const GROUP_CONTRIBUTION_LABELS: Record<GroupContribution, string> = {
  posted: 'Posted', commented: 'Commented', answered: 'Answered a question', 'shared-resource': 'Shared a resource',
};

const contactSummary = contactSchema.pick({ id: true, name: true, headline: true, company: true, slug: true });

export const groupViewSchema = z.object({
  group: groupSchema,
  notes: z.array(noteSchema),
  /** 'group-contribution' activities for this group, newest first. */
  contributions: z.array(activitySchema),
  /** Contacts whose "how we met" is this group. */
  contacts: z.array(contactSummary),
});
export type GroupView = z.infer<typeof groupViewSchema>;

export async function loadGroupView(db: RapportDB, group: Group): Promise<GroupView> {
  const [notes, contributions, contacts] = await Promise.all([
    db.notes.where('[targetType+targetId]').equals(['group', group.id]).toArray(),
    db.activities.where('[kind+date]').between(['group-contribution', ''], ['group-contribution', '\uffff'])
      .filter((a) => a.groupId === group.id).toArray(),
    db.contacts.filter((c) => c.howWeMet?.kind === 'group' && c.howWeMet.groupId === group.id).toArray(),
  ]);
  notes.sort((a, b) => b.createdAt - a.createdAt);
  contributions.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt - a.createdAt);
  contacts.sort((a, b) => a.name.localeCompare(b.name));
  return {
    group,
    notes,
    contributions,
    contacts: contacts.map(({ id, name, headline, company, slug }) => ({ id, name, headline, company, slug })),
  };
}

async function requireGroup(db: RapportDB, id: number): Promise<Group> {
  const g = await db.groups.get(id);
  if (!g) throw new ApiError('not-found', 'This group no longer exists.');
  return g;
}

const GROUP_TABLES = (db: RapportDB) => [db.groups, db.activities, db.notes, db.contacts];

export const groupOps = {
  /** The saved group a group page shows, if any. */
  'group.getForPage': defineOp({
    access: 'panel',
    input: z.object({ groupId: z.string().trim().min(1).max(100) }),
    output: z.object({ view: groupViewSchema.nullable() }),
    async handler({ groupId }, { db }) {
      const group = await db.groups.where('groupId').equals(groupId).first();
      return { view: group ? await loadGroupView(db, group) : null };
    },
  }),

  'group.get': defineOp({
    access: 'panel',
    input: z.object({ id: z.number().int().positive() }),
    output: groupViewSchema.nullable(),
    async handler({ id }, { db }) {
      const g = await db.groups.get(id);
      return g ? loadGroupView(db, g) : null;
    },
  }),

  /**
   * Saves a group from what its page says. Saving an already saved group fills only what is missing
   * (never overwrites the name or description the user has).
   */
  'group.save': defineOp({
    access: 'panel',
    writes: ['groups', 'activities'],
    input: z.object({
      groupId: z.string().trim().min(1).max(100),
      name: z.string().trim().min(1).max(500),
      url: nullableText(2000).optional(),
      memberCount: z.number().int().nonnegative().nullable().optional(),
      description: nullableText(5000).optional(),
      membership: z.enum(MEMBERSHIPS).optional(),
      tags: tagList.optional(),
    }),
    output: groupViewSchema,
    async handler(input, { db, now }) {
      return db.transaction('rw', GROUP_TABLES(db), async () => {
        const t = now().getTime();
        const existing = await db.groups.where('groupId').equals(input.groupId).first();
        if (existing) {
          const patch: Partial<Group> = {};
          if (existing.memberCount == null && input.memberCount != null) patch.memberCount = input.memberCount;
          if (!existing.description && input.description) patch.description = input.description;
          if (!existing.url && input.url) patch.url = input.url;
          if (Object.keys(patch).length) await db.groups.update(existing.id, { ...patch, updatedAt: t });
          return loadGroupView(db, await requireGroup(db, existing.id));
        }
        const membership = input.membership ?? 'none';
        const day = today(now());
        const draft: Omit<Group, 'id'> = {
          groupId: input.groupId,
          name: input.name,
          url: input.url ?? `https://www.linkedin.com/groups/${encodeURIComponent(input.groupId)}/`,
          memberCount: input.memberCount ?? null,
          description: input.description ?? null,
          membership,
          joinedOn: membership === 'member' ? day : null,
          tags: [...new Set(input.tags ?? [])],
          createdAt: t,
          updatedAt: t,
        };
        const id = await db.groups.add(draft as Group);
        if (membership === 'member') await recordActivity(db, { kind: 'group-joined', date: day, groupId: id, source: 'panel' }, now());
        return loadGroupView(db, await requireGroup(db, id));
      });
    },
  }),

  /** Membership, name, tags. Becoming a member records a 'group-joined' activity (once per joining). */
  'group.update': defineOp({
    access: 'panel',
    writes: ['groups', 'activities'],
    input: z.object({
      id: z.number().int().positive(),
      patch: z.object({
        name: z.string().trim().min(1).max(500).optional(),
        membership: z.enum(MEMBERSHIPS).optional(),
        joinedOn: isoDate.nullable().optional(),
        description: nullableText(5000).optional(),
        tags: tagList.optional(),
      }).strict(),
    }),
    output: groupViewSchema,
    async handler({ id, patch }, { db, now }) {
      return db.transaction('rw', GROUP_TABLES(db), async () => {
        const current = await requireGroup(db, id);
        const day = today(now());
        const next: Group = { ...current, updatedAt: now().getTime() };
        for (const [k, v] of Object.entries(patch)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
        if (patch.tags) next.tags = [...new Set(patch.tags)];
        if (patch.membership === 'member' && current.membership !== 'member') {
          next.joinedOn = patch.joinedOn ?? day;
          await recordActivity(db, { kind: 'group-joined', date: next.joinedOn, groupId: id, source: 'panel' }, now());
        }
        await db.groups.put(next);
        return loadGroupView(db, next);
      });
    },
  }),

  /** Participation in a group (posted, commented, answered, shared a resource): a 'group-contribution' activity. */
  'group.logContribution': defineOp({
    access: 'panel',
    writes: ['activities'],
    input: z.object({
      id: z.number().int().positive(),
      kind: z.enum(GROUP_CONTRIBUTIONS),
      note: nullableText(1500).optional(),
      date: isoDate.optional(),
    }),
    output: groupViewSchema,
    async handler({ id, kind, note, date }, { db, now }) {
      return db.transaction('rw', GROUP_TABLES(db), async () => {
        const group = await requireGroup(db, id);
        const text = GROUP_CONTRIBUTION_LABELS[kind] + (note ? `: ${note}` : '');
        await recordActivity(db, { kind: 'group-contribution', date: date ?? today(now()), groupId: id, note: text, source: 'panel' }, now());
        return loadGroupView(db, group);
      });
    },
  }),

  /** Undo a logged contribution. */
  'group.deleteContribution': defineOp({
    access: 'panel',
    writes: ['activities'],
    input: z.object({ activityId: z.number().int().positive() }),
    output: z.object({ deleted: z.boolean() }),
    async handler({ activityId }, { db }) {
      const a = await db.activities.get(activityId);
      if (!a || a.kind !== 'group-contribution') return { deleted: false };
      await db.activities.delete(activityId);
      return { deleted: true };
    },
  }),

  /** Every saved group, by name (for the "how we met" picker). */
  'group.list': defineOp({
    access: 'panel',
    input: z.object({}).default({}),
    output: z.array(groupSchema.pick({ id: true, groupId: true, name: true, membership: true })),
    async handler(_i, { db }) {
      const gs = await db.groups.orderBy('name').toArray();
      return gs.map(({ id, groupId, name, membership }) => ({ id, groupId, name, membership }));
    },
  }),

  /** Every recorded event, newest first (for the "how we met" picker). */
  'event.list': defineOp({
    access: 'panel',
    input: z.object({}).default({}),
    output: z.array(eventSchema),
    async handler(_i, { db }) {
      return (await db.events.orderBy('date').reverse().toArray());
    },
  }),

  /**
   * Records a new event from the panel ("how we met" or "met at an event" when none fits). Only the
   * event: attending it is counted when the user logs meeting someone there (interaction.log).
   */
  'event.add': defineOp({
    access: 'panel',
    writes: ['events'],
    input: z.object({
      name: z.string().trim().min(1, 'Give the event a name.').max(500),
      kind: z.enum(EVENT_KINDS),
      date: isoDate,
      place: nullableText(1000).optional(),
    }),
    output: eventSchema,
    async handler({ name, kind, date, place }, { db, now }) {
      const t = now().getTime();
      const draft: Omit<RapportEvent, 'id'> = { name, kind, date, place: place ?? null, createdAt: t, updatedAt: t };
      const id = (await db.events.add(draft as RapportEvent)) as number;
      return { ...draft, id };
    },
  }),
};
