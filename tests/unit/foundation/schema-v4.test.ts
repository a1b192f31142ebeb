/**
 * Schema version 4: the activities' `contactId` index is gone, and activities (like interactions
 * and notes) are stored packed (lib/db/compact.ts). A version-3 database, as version 3 of the app
 * wrote it (activities whole and indexed by contact), opens as version 4 with every record reading
 * exactly as before; the two reads that used the index (an interaction's activities, a contact's
 * activities) still find old and new records alike.
 */
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { SCHEMA_VERSIONS, createDb } from '../../../lib/db/db';
import { compactRecord } from '../../../lib/db/compact';
import { DEFAULT_SETTINGS } from '../../../lib/db/schema';
import { handleApiMessage } from '../../../lib/api/server';
import { MSG } from '../../../lib/api/messages';
import type { RapportDB } from '../../../lib/db/db';

const T = Date.UTC(2025, 0, 10, 9, 0);
const NOW = new Date(2025, 5, 15, 10, 0, 0);
const contact = (id: number) => ({
  id, slug: `person-${id}-example`, profileUrl: null, name: `Person ${id}`, nameLower: `person ${id}`, headline: null,
  location: null, company: null, position: null, email: null, photoUrl: null, degree: '1st', status: 'connected',
  connectedOn: '2024-01-01', relationships: [], tags: [], howWeMet: null, cadenceDays: null, lastInteraction: '2025-01-08', nextFollowUp: null,
  followUpManual: false, source: 'csv', userFields: [], createdAt: T, updatedAt: T,
});
const V3_DATA = {
  contacts: [contact(1), contact(2)],
  events: [{ id: 1, name: 'Invented Meetup', kind: 'meetup', date: '2024-12-01', location: null, url: null, createdAt: T }],
  interactions: [
    { id: 1, contactId: 1, kind: 'mentorship', date: '2025-01-08', note: 'Career chat', createdAt: T },
    { id: 2, contactId: 2, kind: 'met-at-event', date: '2025-01-08', note: null, createdAt: T },
    { id: 3, contactId: 1, kind: 'collaboration', date: '2025-01-08', note: null, createdAt: T },
  ],
  activities: [
    { id: 1, kind: 'mentorship', date: '2025-01-08', contactId: 1, groupId: null, eventId: null, interactionId: 1, reminderId: null, note: 'Career chat', source: 'panel', createdAt: T },
    { id: 2, kind: 'reconnection', date: '2025-01-08', contactId: 1, groupId: null, eventId: null, interactionId: 1, reminderId: null, note: null, source: 'panel', createdAt: T },
    // Dated by the event, not by the interaction that earned it.
    { id: 3, kind: 'event-attended', date: '2024-12-01', contactId: 2, groupId: null, eventId: 1, interactionId: 2, reminderId: null, note: 'Invented Meetup', source: 'panel', createdAt: T },
    { id: 4, kind: 'collaboration', date: '2025-01-08', contactId: 1, groupId: null, eventId: null, interactionId: 3, reminderId: null, note: null, source: 'panel', createdAt: T },
    { id: 5, kind: 'group-joined', date: '2025-01-02', contactId: null, groupId: 7, eventId: null, interactionId: null, reminderId: null, note: null, source: 'panel', createdAt: T },
  ],
  notes: [{ id: 1, targetType: 'contact', targetId: 1, text: 'Prefers email', createdAt: T, updatedAt: T + 1 }],
};

async function call(db: RapportDB, op: string, input: unknown) {
  const res = await handleApiMessage({ type: MSG.UI_API_CALL, op, input }, 'extension', { db, now: () => NOW });
  if (!res.ok) throw new Error(res.error.message);
  return res.data as any;
}

function rawAll(db: RapportDB, table: string): Promise<Array<Record<string, unknown>>> {
  return new Promise((res, rej) => {
    const req = db.backendDB().transaction(table).objectStore(table).getAll();
    req.onsuccess = () => res(req.result);
    req.onerror = () => rej(req.error);
  });
}

/** A version-3 database with V3_DATA, each record in the form version 3 stored it (defaults left out, nothing packed). */
async function v3Database(): Promise<string> {
  const name = `v4-${crypto.randomUUID()}`;
  const v3 = createDb(name, SCHEMA_VERSIONS.slice(0, 3));
  await v3.open();
  await v3.settings.put({ key: 'settings', value: DEFAULT_SETTINGS });
  const idb = v3.backendDB();
  await new Promise<void>((res, rej) => {
    const tx = idb.transaction(Object.keys(V3_DATA), 'readwrite');
    for (const [table, rows] of Object.entries(V3_DATA)) for (const r of rows) tx.objectStore(table).put(compactRecord(table, r, false));
    tx.oncomplete = () => res();
    tx.onerror = () => rej(tx.error);
  });
  expect([...idb.transaction('activities').objectStore('activities').indexNames].sort()).toEqual(['[kind+date]', 'contactId']);
  v3.close();
  return name;
}

describe('schema version 4', () => {
  it('declares versions 1 to 3 unchanged; version 4 only drops the activities\' contactId index', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual([1, 2, 3, 4]);
    expect(SCHEMA_VERSIONS[2]!.stores.activities).toBe('++id, [kind+date], contactId');
    const [v3, v4] = [SCHEMA_VERSIONS[2]!, SCHEMA_VERSIONS[3]!];
    expect(v4.stores.activities).toBe('++id, [kind+date]');
    expect({ ...v4.stores, activities: v3.stores.activities }).toEqual(v3.stores);
    expect(v4.upgrade).toBeUndefined();
  });

  it('opens a version-3 database with every record as written, and stores new activities packed', async () => {
    const name = await v3Database();
    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect([...db.backendDB().transaction('activities').objectStore('activities').indexNames]).toEqual(['[kind+date]']);
    for (const [table, rows] of Object.entries(V3_DATA)) expect(await db.table(table).toArray(), table).toEqual(rows);
    // Still whole on disk (nothing rewritten by the upgrade) …
    expect((await rawAll(db, 'activities')).every((a) => !('$' in a) && 'source' in a)).toBe(true);

    // … and a new one is packed: kind and date (indexed) on their own, the rest in `$`.
    const view = await call(db, 'interaction.log', { contactId: 2, kind: 'mentorship', date: '2025-02-01', note: 'Portfolio review' });
    const fresh = (await rawAll(db, 'activities')).filter((a) => a.id as number > 5);
    expect(fresh).toEqual([{ id: 6, kind: 'mentorship', date: '2025-02-01', $: ['panel', NOW.getTime(), 2, view.interactions[0].id, null, null, null, 'Portfolio review'] }]);
    expect(await db.activities.get(6)).toEqual({
      id: 6, kind: 'mentorship', date: '2025-02-01', contactId: 2, groupId: null, eventId: null, interactionId: view.interactions[0].id,
      reminderId: null, note: 'Portfolio review', source: 'panel', createdAt: NOW.getTime(),
    });
    db.close();
    await Dexie.delete(name);
  });

  it("deleting an interaction removes exactly its activities, old and new (also one dated by its event)", async () => {
    const name = await v3Database();
    const db = createDb(name);
    await call(db, 'interaction.delete', { id: 1 });
    expect((await db.activities.toArray()).map((a) => a.id)).toEqual([3, 4, 5]);
    await call(db, 'interaction.delete', { id: 2 });
    expect((await db.activities.toArray()).map((a) => a.id)).toEqual([4, 5]);
    const view = await call(db, 'interaction.log', { contactId: 1, kind: 'collaboration', date: '2025-01-08' });
    const newId = view.interactions.find((i: { id: number }) => i.id !== 3).id;
    expect(await db.activities.count()).toBe(3);
    await call(db, 'interaction.delete', { id: newId });
    expect((await db.activities.toArray()).map((a) => a.id)).toEqual([4, 5]); // the other collaboration that day stays
    db.close();
    await Dexie.delete(name);
  });

  it("deleting a contact takes its activities along (old and new), and undo puts them back exactly", async () => {
    const name = await v3Database();
    const db = createDb(name);
    await call(db, 'interaction.log', { contactId: 1, kind: 'expertise-shared', date: '2025-02-01' });
    const before = await db.activities.toArray();
    const ofOne = before.filter((a) => a.contactId === 1);
    expect(ofOne.map((a) => a.id)).toEqual([1, 2, 4, 6]);
    const bundle = await call(db, 'manage.deleteContacts', { ids: [1] });
    expect(bundle.activities).toEqual(ofOne);
    expect((await db.activities.toArray()).map((a) => a.id)).toEqual([3, 5]);
    await call(db, 'manage.restoreContacts', bundle);
    expect(await db.activities.toArray()).toEqual(before);
    db.close();
    await Dexie.delete(name);
  });
});
