/**
 * Restoring a checked backup (see format.ts), in ONE transaction over every table: if anything
 * fails, nothing changes.
 *
 * - `replace`: clears every table and writes the backup as it is (same ids).
 * - `merge`: keeps everything stored and adds what is missing. Records are matched by natural keys
 *   (contacts: LinkedIn slug, else same name and creation time; groups: LinkedIn group id; events:
 *   name and date; notes, interactions, activities: same target and creation time; reminders: same kind, title, target
 *   and due day), and
 *   the references of added records (notes, interactions, activities, reminders, how-we-met) are
 *   remapped to the ids the matching records have in this browser. Stored records are never
 *   changed, stored settings are kept.
 */
import { TABLES, type RapportDB, type TableName } from '../db/db';
import type { Activity, Contact, Group, Interaction, Note, RapportEvent, Reminder } from '../db/schema';
import type { Backup, BackupTables } from './format';

export type RestoreMode = 'merge' | 'replace';

export interface TablePreview {
  table: TableName;
  /** Records in the file. */
  inFile: number;
  /** Records stored now. */
  stored: number;
  /** merge: records the file would add (the others are already here). */
  added: number;
}

export interface RestorePreview {
  exportedAt: string;
  schemaVersion: number;
  tables: TablePreview[];
}

type IdMap = Map<number, number>;

interface MergePlan {
  contacts: Contact[]; // with new ids assigned later
  groups: Group[];
  events: RapportEvent[];
  notes: Note[];
  interactions: Interaction[];
  reminders: Reminder[];
  activities: Activity[];
  goals: BackupTables['goals'];
  imports: BackupTables['imports'];
  settings: BackupTables['settings'];
}

const noId = <T extends { id: number }>(r: T): Omit<T, 'id'> => {
  const { id: _id, ...rest } = r;
  return rest;
};

/** What a restore would do, per table (read-only). */
export async function previewRestore(db: RapportDB, backup: Backup): Promise<RestorePreview> {
  return db.transaction('r', TABLES.map((t) => db.table(t)), async () => {
    const { added } = await mergeInto(db, backup, false);
    const stored = await Promise.all(TABLES.map((t) => db.table(t).count()));
    return {
      exportedAt: backup.exportedAt,
      schemaVersion: backup.schemaVersion,
      tables: TABLES.map((t, i) => ({ table: t, inFile: backup.tables[t].length, stored: stored[i]!, added: added[t] })),
    };
  });
}

/** Restores a checked backup; returns how many records were added per table. */
export async function restoreBackup(db: RapportDB, backup: Backup, mode: RestoreMode): Promise<Record<TableName, number>> {
  return db.transaction('rw', TABLES.map((t) => db.table(t)), async () => {
    if (mode === 'replace') {
      await Promise.all(TABLES.map((t) => db.table(t).clear()));
      const counts = {} as Record<TableName, number>;
      for (const t of TABLES) {
        const rows = backup.tables[t] as unknown[];
        if (rows.length) await db.table(t).bulkAdd(rows);
        counts[t] = rows.length;
      }
      return counts;
    }
    return (await mergeInto(db, backup, true)).added;
  });
}

/**
 * Works out (and, when `write`, performs) a merge. Must run inside a transaction over every table.
 * The dry run gives the same counts as the real one.
 */
async function mergeInto(db: RapportDB, backup: Backup, write: boolean): Promise<{ added: Record<TableName, number> }> {
  const b = backup.tables;
  const [contacts, groups, events, notes, interactions, reminders, activities, goals, imports, settings] = await Promise.all([
    db.contacts.toArray(), db.groups.toArray(), db.events.toArray(), db.notes.toArray(), db.interactions.toArray(),
    db.reminders.toArray(), db.activities.toArray(), db.goals.toArray(), db.imports.toArray(), db.settings.toArray(),
  ]);
  const plan: MergePlan = {
    contacts: [], groups: [], events: [], notes: [], interactions: [], reminders: [], activities: [], goals: [], imports: [], settings: [],
  };
  // Provisional ids for records that will be added (dry run): above every stored id, never colliding.
  let fake = Number.MAX_SAFE_INTEGER;
  const addId = async <T extends { id: number }>(table: TableName, r: T): Promise<number> =>
    write ? ((await db.table(table).add(noId(r))) as number) : fake--;
  const addAll = async <T extends { id: number }>(table: TableName, rs: T[]): Promise<number[]> => {
    if (!rs.length) return [];
    if (!write) return rs.map(() => fake--);
    return (await db.table(table).bulkAdd(rs.map(noId), { allKeys: true })) as number[];
  };

  // Groups and events first: how-we-met of contacts refers to them.
  const groupMap: IdMap = new Map();
  const groupByKey = new Map(groups.map((g) => [g.groupId, g.id]));
  for (const g of b.groups) {
    const hit = groupByKey.get(g.groupId);
    if (hit !== undefined) groupMap.set(g.id, hit);
    else { plan.groups.push(g); groupMap.set(g.id, await addId('groups', g)); }
  }
  const eventMap: IdMap = new Map();
  const eventKey = (e: RapportEvent) => `${e.name.toLowerCase()}\u0000${e.date}`;
  const eventByKey = new Map(events.map((e) => [eventKey(e), e.id]));
  for (const e of b.events) {
    const hit = eventByKey.get(eventKey(e));
    if (hit !== undefined) eventMap.set(e.id, hit);
    else { plan.events.push(e); eventMap.set(e.id, await addId('events', e)); }
  }

  const contactMap: IdMap = new Map();
  const bySlug = new Map(contacts.filter((c) => c.slug).map((c) => [c.slug!, c.id]));
  const byNameAndTime = new Map(contacts.map((c) => [`${c.nameLower}\u0000${c.createdAt}`, c.id]));
  const toAdd: Contact[] = [];
  for (const c of b.contacts) {
    const hit = (c.slug ? bySlug.get(c.slug) : undefined) ?? byNameAndTime.get(`${c.nameLower}\u0000${c.createdAt}`);
    if (hit !== undefined) contactMap.set(c.id, hit);
    else toAdd.push(c);
  }
  plan.contacts.push(...toAdd);
  // How we met, remapped; an introduction is fixed once every contact has its id.
  const remapHow = (h: Contact['howWeMet'], m: IdMap | null): Contact['howWeMet'] => {
    if (!h || h.kind === 'text') return h;
    if (h.kind === 'event') { const id = eventMap.get(h.eventId); return id === undefined ? null : { kind: 'event', eventId: id }; }
    if (h.kind === 'group') { const id = groupMap.get(h.groupId); return id === undefined ? null : { kind: 'group', groupId: id }; }
    const id = m?.get(h.contactId);
    return id === undefined ? null : { kind: 'introduction', contactId: id };
  };
  const contactIds = await addAll('contacts', toAdd.map((c) => ({ ...c, howWeMet: remapHow(c.howWeMet, null) })));
  toAdd.forEach((c, i) => contactMap.set(c.id, contactIds[i]!));
  if (write) {
    for (let i = 0; i < toAdd.length; i++) {
      const h = toAdd[i]!.howWeMet;
      if (h?.kind === 'introduction') await db.contacts.update(contactIds[i]!, { howWeMet: remapHow(h, contactMap) });
    }
  }

  const mapTarget = (type: Note['targetType'], id: number) =>
    (type === 'contact' ? contactMap : type === 'group' ? groupMap : eventMap).get(id);
  const noteKeys = new Set(notes.map((n) => `${n.targetType}\u0000${n.targetId}\u0000${n.createdAt}\u0000${n.text}`));
  for (const n of b.notes) {
    const targetId = mapTarget(n.targetType, n.targetId);
    if (targetId === undefined) continue; // its contact/group/event is not in the file: nothing to attach it to
    const key = `${n.targetType}\u0000${targetId}\u0000${n.createdAt}\u0000${n.text}`;
    if (noteKeys.has(key)) continue;
    noteKeys.add(key);
    plan.notes.push({ ...n, targetId });
  }
  await addAll('notes', plan.notes);

  const interactionMap: IdMap = new Map();
  const interactionByKey = new Map(interactions.map((i) => [`${i.contactId}\u0000${i.kind}\u0000${i.date}\u0000${i.createdAt}`, i.id]));
  for (const i of b.interactions) {
    const contactId = contactMap.get(i.contactId);
    if (contactId === undefined) continue;
    const hit = interactionByKey.get(`${contactId}\u0000${i.kind}\u0000${i.date}\u0000${i.createdAt}`);
    if (hit !== undefined) { interactionMap.set(i.id, hit); continue; }
    plan.interactions.push({ ...i, contactId });
  }
  const interactionIds = await addAll('interactions', plan.interactions);
  plan.interactions.forEach((i, k) => interactionMap.set(i.id, interactionIds[k]!));

  const reminderMap: IdMap = new Map();
  // Same kind, title, person or group and due day: the same reminder (whenever it was created).
  const reminderKey = (r: Pick<Reminder, 'kind' | 'title' | 'due' | 'contactId' | 'groupId'>) =>
    `${r.kind}\u0000${r.title}\u0000${r.due}\u0000${r.contactId}\u0000${r.groupId}`;
  const reminderByKey = new Map(reminders.map((r) => [reminderKey(r), r.id]));
  for (const r of b.reminders) {
    const contactId = r.contactId === null ? null : contactMap.get(r.contactId) ?? null;
    const groupId = r.groupId === null ? null : groupMap.get(r.groupId) ?? null;
    const next = { ...r, contactId, groupId };
    const hit = reminderByKey.get(reminderKey(next));
    if (hit !== undefined) { reminderMap.set(r.id, hit); continue; }
    plan.reminders.push(r);
    reminderMap.set(r.id, await addId('reminders', next));
  }

  const remap = (m: IdMap, id: number | null) => (id === null ? null : m.get(id) ?? null);
  const activityKey = (a: Pick<Activity, 'kind' | 'date' | 'contactId' | 'groupId' | 'eventId' | 'createdAt'>) =>
    `${a.kind}\u0000${a.date}\u0000${a.contactId}\u0000${a.groupId}\u0000${a.eventId}\u0000${a.createdAt}`;
  const activityKeys = new Set(activities.map(activityKey));
  const newActivities: Omit<Activity, 'id'>[] = [];
  for (const a of b.activities) {
    const next = {
      ...a,
      contactId: remap(contactMap, a.contactId), groupId: remap(groupMap, a.groupId), eventId: remap(eventMap, a.eventId),
      interactionId: remap(interactionMap, a.interactionId), reminderId: remap(reminderMap, a.reminderId),
    };
    const key = activityKey(next);
    if (activityKeys.has(key)) continue;
    activityKeys.add(key);
    plan.activities.push(a);
    newActivities.push(noId(next));
  }
  if (write && newActivities.length) await db.activities.bulkAdd(newActivities as Activity[]);

  const goalKeys = new Set(goals.map((g) => `${g.metric}\u0000${g.period}\u0000${g.target}\u0000${g.active}`));
  for (const g of b.goals) {
    const key = `${g.metric}\u0000${g.period}\u0000${g.target}\u0000${g.active}`;
    if (goalKeys.has(key)) continue;
    goalKeys.add(key);
    plan.goals.push(g);
    if (write) await db.goals.add(noId(g) as never);
  }
  const importKeys = new Set(imports.map((r) => `${r.fileName}\u0000${r.startedAt}`));
  for (const r of b.imports) {
    if (importKeys.has(`${r.fileName}\u0000${r.startedAt}`)) continue;
    plan.imports.push(r);
    if (write) await db.imports.add(noId(r) as never);
  }
  if (!settings.length && b.settings[0]) {
    plan.settings.push(b.settings[0]);
    if (write) await db.settings.put(b.settings[0]);
  }

  const added = {} as Record<TableName, number>;
  for (const t of TABLES) added[t] = (plan[t as keyof MergePlan] as unknown[]).length;
  return { added };
}
