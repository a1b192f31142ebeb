/**
 * Compact storage (lib/db/compact.ts): fields holding their default are not written to IndexedDB,
 * and every way the app reads a record gives it back whole, also for records stored whole before.
 */
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import type { z } from 'zod';
import { canonicalProfileUrl, compactRecord, withDefaults } from '../../../lib/db/compact';
import { activitySchema, contactSchema, interactionSchema, reminderSchema } from '../../../lib/db/schema';
import DEFAULTS from '../../../lib/db/stored-defaults.json' with { type: 'json' };
import { api, freshDb, row } from '../import-apply/helpers';

/** The record exactly as IndexedDB holds it (no Dexie middleware). */
async function rawGet(dbName: string, table: string, key: number): Promise<Record<string, unknown>> {
  const idb = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open(dbName); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  try {
    return await new Promise((res, rej) => {
      const req = idb.transaction(table).objectStore(table).get(key);
      req.onsuccess = () => res(req.result);
      req.onerror = () => rej(req.error);
    });
  } finally {
    idb.close();
  }
}

describe('compact storage', () => {
  it('stores a contact without its empty fields and gives it back whole through every kind of read', async () => {
    const db = freshDb();
    const { contact } = await api(db, 'contact.save', { slug: 'ada-example', name: 'Ada Example' });
    const raw = await rawGet(db.name, 'contacts', contact.id);
    expect(raw).not.toHaveProperty('headline');
    expect(raw).not.toHaveProperty('tags');
    expect(raw).not.toHaveProperty('followUpManual');
    expect(raw).toMatchObject({ slug: 'ada-example', name: 'Ada Example' });

    const whole = await db.contacts.get(contact.id);
    expect(whole).toEqual(contact);
    expect(whole).toMatchObject({ headline: null, tags: [], relationships: [], followUpManual: false, userFields: [] });
    expect(await db.contacts.bulkGet([contact.id])).toEqual([contact]);
    expect(await db.contacts.where('slug').equals('ada-example').toArray()).toEqual([contact]);
    expect(await db.contacts.orderBy('nameLower').first()).toEqual(contact);
    const seen: unknown[] = [];
    await db.contacts.each((c) => { seen.push(c); }); // a cursor
    expect(seen).toEqual([contact]);
    expect(await db.contacts.filter((c) => c.tags.length === 0).toArray()).toEqual([contact]);
    // Lists read back are the record's own: changing one does not change the next read.
    whole!.tags.push('mutated');
    expect((await db.contacts.get(contact.id))!.tags).toEqual([]);
  });

  it('keeps fields that differ from their default, and modify() sees and writes whole records', async () => {
    const db = freshDb();
    const { contact } = await api(db, 'contact.save', { slug: 'pat-example', name: 'Pat Example', tags: ['ai'] });
    await db.contacts.where('id').equals(contact.id).modify((c) => { c.headline = 'CTO'; c.tags.push('ml'); });
    const raw = await rawGet(db.name, 'contacts', contact.id);
    expect(raw).toMatchObject({ headline: 'CTO', tags: ['ai', 'ml'] });
    expect(raw).not.toHaveProperty('company');
    await db.contacts.update(contact.id, { headline: null, tags: [] });
    const back = await rawGet(db.name, 'contacts', contact.id);
    expect(back).not.toHaveProperty('headline');
    expect(back).not.toHaveProperty('tags');
    expect(await db.contacts.get(contact.id)).toMatchObject({ headline: null, tags: [], name: 'Pat Example' });
  });

  it('reads a record stored whole (before compact storage) exactly as stored, and imports still match it', async () => {
    const db = freshDb();
    await db.open();
    const whole = compactRecord('none', {
      slug: 'grace-sample-example', profileUrl: null, name: 'Grace Sample', nameLower: 'grace sample', headline: null, location: null,
      company: 'Old Co', position: null, email: null, photoUrl: null, degree: null, status: 'none', connectedOn: null, relationships: [],
      tags: [], howWeMet: null, cadenceDays: null, lastInteraction: null, nextFollowUp: null, followUpManual: false, source: 'page',
      userFields: [], createdAt: 1, updatedAt: 1,
    });
    // Written with raw IndexedDB, whole, as an older version did.
    const idb = db.backendDB();
    const id = await new Promise<number>((res, rej) => {
      const req = idb.transaction('contacts', 'readwrite').objectStore('contacts').add(whole);
      req.onsuccess = () => res(req.result as number);
      req.onerror = () => rej(req.error);
    });
    expect(await db.contacts.get(id)).toEqual({ ...whole, id });
    const run = await api(db, 'import.start', { fileName: 'Connections.csv', total: 1 });
    const r = await api(db, 'import.batch', { runId: run.id, rows: [row('Grace', 'Sample', { company: 'New Co', connectedOn: '2024-01-02' })] });
    expect(r).toMatchObject({ created: 0, updated: 1 });
    expect(await db.contacts.get(id)).toMatchObject({ company: 'New Co', status: 'connected', connectedOn: '2024-01-02', tags: [] });
    db.close();
    await Dexie.delete(db.name);
  });

  it('lists only fields every record of the table has, each with a default its schema accepts', () => {
    const schemas: Record<string, z.ZodObject> = { contacts: contactSchema, interactions: interactionSchema, activities: activitySchema, reminders: reminderSchema };
    for (const [table, fields] of Object.entries(DEFAULTS)) {
      if (table === '//' || table === '$packed') continue;
      const schema = schemas[table];
      expect(schema, table).toBeDefined();
      for (const [field, value] of Object.entries(fields as Record<string, unknown>)) {
        const shape = schema!.shape[field] as z.ZodType | undefined;
        expect(shape, `${table}.${field}`).toBeDefined();
        expect(shape!.safeParse(value).success, `${table}.${field} accepts ${JSON.stringify(value)}`).toBe(true);
        // Required in the schema: every valid record has it, so "missing" can only mean "default".
        expect(shape!.safeParse(undefined).success, `${table}.${field} is required`).toBe(false);
      }
    }
  });

  it('compactRecord and withDefaults are inverses for records that hold every field', () => {
    const r = { id: 1, kind: 'mentorship', date: '2025-01-01', contactId: 3, groupId: null, eventId: null, interactionId: 9, reminderId: null, note: null, source: 'panel', createdAt: 5 };
    const c = compactRecord('activities', r, false); // not packed (a schema that indexes contactId)
    expect(c).toEqual({ id: 1, kind: 'mentorship', date: '2025-01-01', contactId: 3, interactionId: 9, source: 'panel', createdAt: 5 });
    expect(r.groupId).toBeNull(); // the caller's object is left alone
    expect(withDefaults('activities', c)).toEqual(r);
    const packed = compactRecord('activities', r);
    expect(packed).toEqual({ id: 1, kind: 'mentorship', date: '2025-01-01', $: ['panel', 5, 3, 9] });
    expect(withDefaults('activities', packed)).toEqual(r);
    expect(compactRecord('notes', { id: 1, text: 'x', extra: null })).toEqual({ id: 1, text: 'x', extra: null }); // no list: stored as is
    expect(compactRecord('goals', { id: 1, createdAt: 5, updatedAt: 5 })).toEqual({ id: 1, createdAt: 5, updatedAt: 5 }); // not compacted
  });

  it('leaves out fields that repeat another one, and gives them back on every kind of read', async () => {
    const db = freshDb();
    const { contact } = await api(db, 'contact.save', { slug: 'zoë-müller-example', name: 'Zoë Müller' });
    expect(contact.profileUrl).toBe(canonicalProfileUrl('zoë-müller-example'));
    expect(contact.updatedAt).toBe(contact.createdAt);
    const raw = await rawGet(db.name, 'contacts', contact.id);
    expect(raw.profileUrl).toBe(true); // the canonical URL of its slug: a marker
    expect(raw).not.toHaveProperty('updatedAt');
    expect(await db.contacts.get(contact.id)).toEqual(contact);
    expect(await db.contacts.where('slug').equals('zoë-müller-example').toArray()).toEqual([contact]);
    const seen: unknown[] = [];
    await db.contacts.each((c) => { seen.push(c); });
    expect(seen).toEqual([contact]);

    // Once they differ, both are stored as they are.
    await db.contacts.update(contact.id, { profileUrl: 'https://www.linkedin.com/in/zoe-old/', updatedAt: contact.createdAt + 1 });
    expect(await rawGet(db.name, 'contacts', contact.id)).toMatchObject({ profileUrl: 'https://www.linkedin.com/in/zoe-old/', updatedAt: contact.createdAt + 1 });
    expect(await db.contacts.get(contact.id)).toMatchObject({ profileUrl: 'https://www.linkedin.com/in/zoe-old/', updatedAt: contact.createdAt + 1 });
    // A contact with a slug but no URL keeps no URL.
    await db.contacts.update(contact.id, { profileUrl: null });
    expect(await rawGet(db.name, 'contacts', contact.id)).not.toHaveProperty('profileUrl');
    expect((await db.contacts.get(contact.id))!.profileUrl).toBeNull();

    // Notes and reminders: updatedAt equal to createdAt.
    const note = await api(db, 'note.add', { targetType: 'contact', targetId: contact.id, text: 'Met at the meetup' });
    const noteRaw = await rawGet(db.name, 'notes', note.id);
    expect(noteRaw).not.toHaveProperty('updatedAt');
    expect(await db.notes.get(note.id)).toEqual(note);
    expect(await db.notes.where('[targetType+targetId]').equals(['contact', contact.id]).toArray()).toEqual([note]);
    db.close();
    await Dexie.delete(db.name);
  });

  it('packs the unindexed fields of interactions, notes and activities into one array, and every kind of read gives them back whole', async () => {
    const db = freshDb();
    const { contact } = await api(db, 'contact.save', { slug: 'ines-example', name: 'Ines Example' });
    const view = await api(db, 'interaction.log', { contactId: contact.id, kind: 'mentorship', date: '2026-06-01', note: 'Career chat' });
    const interaction = view.interactions[0];
    const note = await api(db, 'note.add', { targetType: 'contact', targetId: contact.id, text: 'Prefers email' });
    // On disk: the indexed fields on their own, the rest in `$` (a default or derived value as null, trailing ones left out).
    expect(await rawGet(db.name, 'interactions', interaction.id)).toEqual({ id: interaction.id, contactId: contact.id, date: '2026-06-01', $: ['mentorship', interaction.createdAt, 'Career chat'] });
    expect(await rawGet(db.name, 'notes', note.id)).toEqual({ id: note.id, targetType: 'contact', targetId: contact.id, $: ['Prefers email', note.createdAt] });
    const activity = (await db.activities.toArray())[0]!;
    expect(await rawGet(db.name, 'activities', activity.id)).toEqual({ id: activity.id, kind: 'mentorship', date: '2026-06-01', $: ['panel', activity.createdAt, contact.id, interaction.id, null, null, null, 'Career chat'] });
    expect(activity).toMatchObject({ kind: 'mentorship', contactId: contact.id, interactionId: interaction.id, groupId: null, reminderId: null, note: 'Career chat', source: 'panel' });

    expect(await db.interactions.get(interaction.id)).toEqual(interaction);
    expect(await db.interactions.where('[contactId+date]').between([contact.id, ''], [contact.id, '\uffff']).toArray()).toEqual([interaction]);
    expect(await db.notes.where('[targetType+targetId]').equals(['contact', contact.id]).toArray()).toEqual([note]);
    const seen: unknown[] = [];
    await db.activities.each((a) => { seen.push(a); }); // a cursor
    expect(seen).toEqual([activity]);
    // modify() and update() see whole records and store packed ones.
    await db.interactions.where('id').equals(interaction.id).modify((i) => { i.note = null; });
    expect(await rawGet(db.name, 'interactions', interaction.id)).toEqual({ id: interaction.id, contactId: contact.id, date: '2026-06-01', $: ['mentorship', interaction.createdAt] });
    expect(await db.interactions.get(interaction.id)).toEqual({ ...interaction, note: null });
    await db.notes.update(note.id, { updatedAt: note.createdAt + 5 });
    expect((await rawGet(db.name, 'notes', note.id)).$).toEqual(['Prefers email', note.createdAt, note.createdAt + 5]);
    expect(await db.notes.get(note.id)).toEqual({ ...note, updatedAt: note.createdAt + 5 });
    // The popup's raw reader (no Dexie) reads them whole too.
    const { readOnlyDb } = await import('../../../components/popup/idb-read');
    const raw = readOnlyDb(db.backendDB(), ['activities']);
    expect(await raw.activities.where('[kind+date]').between(['mentorship', ''], ['mentorship', '\uffff']).toArray()).toEqual([activity]);
    db.close();
    await Dexie.delete(db.name);
  });

  it('packs a record only when that loses nothing, and reads both forms', () => {
    const T = 1767898769200;
    const i = { id: 1, contactId: 2, kind: 'call', date: '2025-01-01', note: null, createdAt: T };
    expect(compactRecord('interactions', i)).toEqual({ id: 1, contactId: 2, date: '2025-01-01', $: ['call', T] });
    for (const odd of [
      { id: 1, contactId: 2, kind: 'call', date: '2025-01-01' }, // fields missing
      { ...i, kind: null }, // null where null is not the default
      { ...i, createdAt: undefined },
      { ...i, $: 'its own field' },
    ]) {
      const stored = compactRecord('interactions', odd) as Record<string, unknown>;
      expect(Array.isArray(stored.$), JSON.stringify(odd)).toBe(false);
      expect(withDefaults('interactions', stored)).toEqual({ note: null, ...odd });
    }
    // Unknown fields stay beside the array; the unpacked (older) form reads the same.
    expect(withDefaults('interactions', compactRecord('interactions', { ...i, extra: 1 }))).toEqual({ ...i, extra: 1 });
    expect(withDefaults('interactions', compactRecord('interactions', i, false))).toEqual(i);
    const n = { id: 3, targetType: 'group', targetId: 4, text: 'x', createdAt: T, updatedAt: T };
    expect(compactRecord('notes', n)).toEqual({ id: 3, targetType: 'group', targetId: 4, $: ['x', T] });
    expect(withDefaults('notes', compactRecord('notes', n))).toEqual(n);
    expect(withDefaults('notes', compactRecord('notes', { ...n, updatedAt: T + 1 }))).toEqual({ ...n, updatedAt: T + 1 });
    expect(compactRecord('notes', { id: 1, text: 'x', extra: null })).toEqual({ id: 1, text: 'x', extra: null }); // cannot pack: stored as is
  });

  it('derived fields round-trip, and only an exact canonical URL is left out', () => {
    const c = { id: 1, slug: 'a b', profileUrl: canonicalProfileUrl('a b'), name: 'A', createdAt: 7, updatedAt: 7 };
    expect(c.profileUrl).toBe('https://www.linkedin.com/in/a%20b/');
    const stored = compactRecord('contacts', c);
    expect(stored).toEqual({ id: 1, slug: 'a b', profileUrl: true, name: 'A', createdAt: 7 });
    expect(withDefaults('contacts', stored)).toMatchObject(c);
    for (const url of ['https://www.linkedin.com/in/a b/', 'https://www.linkedin.com/in/a%20b', 'https://linkedin.com/in/a%20b/']) {
      expect(compactRecord('contacts', { ...c, profileUrl: url }).profileUrl).toBe(url);
    }
    // Stored before this: a missing profileUrl was (and stays) null, also with a slug.
    expect(withDefaults('contacts', { id: 2, slug: 'x', createdAt: 1, updatedAt: 2 })).toMatchObject({ profileUrl: null, updatedAt: 2 });
    const r = { id: 3, kind: 'follow-up', title: 't', contactId: null, groupId: null, due: '2025-01-01', recurrence: null, state: 'open', snoozedUntil: null, doneAt: null, createdAt: 9, updatedAt: 9 };
    expect(compactRecord('reminders', r)).toEqual({ id: 3, kind: 'follow-up', title: 't', due: '2025-01-01', state: 'open', createdAt: 9 });
    expect(withDefaults('reminders', compactRecord('reminders', r))).toEqual(r);
  });

  it('the benchmark seeds records in exactly the stored form (scripts/bench/harness.mjs asStored)', async () => {
    // @ts-expect-error plain JS module of the benchmark
    const { asStored } = (await import('../../../scripts/bench/harness.mjs')) as { asStored: (t: string, r: unknown) => unknown };
    const T = 1767898769200;
    const samples: Record<string, Record<string, unknown>[]> = {
      contacts: [
        { id: 1, slug: 'ada-castellano-1979', profileUrl: canonicalProfileUrl('ada-castellano-1979'), name: 'Ada', nameLower: 'ada', headline: null, tags: [], followUpManual: false, createdAt: T, updatedAt: T },
        { id: 2, slug: 'zoë-b', profileUrl: 'https://www.linkedin.com/in/zoë-b/', name: 'Zoë', nameLower: 'zoë', tags: ['x'], createdAt: T, updatedAt: T + 1 },
        { id: 3, slug: null, profileUrl: null, name: 'C', nameLower: 'c', createdAt: T, updatedAt: T },
      ],
      notes: [{ id: 1, targetType: 'contact', targetId: 2, text: 'hi', createdAt: T, updatedAt: T }, { id: 2, targetType: 'group', targetId: 1, text: 'x', createdAt: T, updatedAt: T + 5 }],
      interactions: [{ id: 1, contactId: 2, kind: 'mentorship', date: '2025-01-01', note: null, createdAt: T }],
      activities: [{ id: 1, kind: 'mentorship', date: '2025-01-01', contactId: 3, groupId: null, eventId: null, interactionId: 9, reminderId: null, note: null, source: 'panel', createdAt: T }],
      reminders: [{ id: 1, kind: 'follow-up', title: 't', contactId: null, groupId: null, due: '2025-01-01', recurrence: null, state: 'open', snoozedUntil: null, doneAt: null, createdAt: T, updatedAt: T }],
      goals: [{ id: 1, metric: 'mentorship', target: 3, period: 'week', active: true, createdAt: T, updatedAt: T }],
    };
    for (const [table, rows] of Object.entries(samples)) {
      for (const r of rows) expect(asStored(table, r), `${table} ${r.id}`).toEqual(compactRecord(table, r));
    }
  });
});
