/**
 * Schema version 3: a connection is dated by the contact's `connectedOn` (indexed), not by a
 * 'new-connection' activity of its own. A version-2 database (as version 2 of the app wrote it:
 * one such activity per connected contact) opens as version 3 with those activities folded into
 * their contacts, every other record intact, and goal progress and the popup's chart unchanged.
 */
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { SCHEMA_VERSIONS, createDb, foldConnectionActivities } from '../../../lib/db/db';
import { DEFAULT_SETTINGS } from '../../../lib/db/schema';
import { activityDays, countActivities } from '../../../lib/goals/db';

const T = Date.UTC(2025, 0, 10, 9, 0);
const contact = (id: number, connectedOn: string | null, extra: Record<string, unknown> = {}) => ({
  id, slug: `person-${id}-example`, profileUrl: null, name: `Person ${id}`, nameLower: `person ${id}`, headline: null,
  location: null, company: null, position: null, email: null, photoUrl: null, degree: '1st', status: 'connected',
  connectedOn, relationships: [], tags: [], howWeMet: null, cadenceDays: null, lastInteraction: null, nextFollowUp: null,
  followUpManual: false, source: 'csv', userFields: [], createdAt: T, updatedAt: T, ...extra,
});
const activity = (id: number, kind: string, date: string, contactId: number | null) => ({
  id, kind, date, contactId, groupId: null, eventId: null, interactionId: null, reminderId: null, note: null, source: 'import', createdAt: T,
});

describe('schema version 3', () => {
  it("opens a version-2 database with each contact's 'new-connection' activity folded into the contact, and the same goal counts", async () => {
    const name = `v3-${crypto.randomUUID()}`;
    const v2 = createDb(name, SCHEMA_VERSIONS.slice(0, 2));
    await v2.open();
    const contacts = [
      contact(1, '2024-03-04'), // imported: its activity has the same date
      contact(2, null, { status: 'invited' }), // connected in the panel, later marked 'invited' again (date only on the activity)
      contact(3, '2023-01-01'), // no activity (e.g. typed date): counted from version 3 on
    ];
    const activities = [
      activity(1, 'new-connection', '2024-03-04', 1),
      activity(2, 'new-connection', '2024-03-06', 2),
      activity(3, 'new-connection', '2024-03-05', null), // not tied to anyone: stays an activity
      activity(4, 'mentorship', '2024-03-05', 1),
    ];
    await v2.transaction('rw', v2.tables, async () => {
      await v2.contacts.bulkAdd(contacts as never);
      await v2.activities.bulkAdd(activities as never);
      await v2.settings.put({ key: 'settings', value: DEFAULT_SETTINGS });
    });
    v2.close();

    const db = createDb(name, SCHEMA_VERSIONS.slice(0, 3)); // version 4 (schema-v4.test.ts) follows
    await db.open();
    expect(db.verno).toBe(3);
    const idb = db.backendDB();
    const tx = idb.transaction(['contacts', 'activities'], 'readonly');
    expect([...tx.objectStore('contacts').indexNames].sort()).toEqual(['connectedOn', 'nameLower', 'nextFollowUp', 'slug', 'tags']);
    expect([...tx.objectStore('activities').indexNames].sort()).toEqual(['[kind+date]', 'contactId']);
    expect(await db.contacts.toArray()).toEqual([contacts[0], { ...contacts[1], connectedOn: '2024-03-06' }, contacts[2]]);
    expect(await db.activities.toArray()).toEqual([activities[2], activities[3]]);
    const week = { start: '2024-03-04', end: '2024-03-11' };
    expect(await countActivities(db, 'new-connection', week)).toBe(3); // contacts 1 and 2, and the loose activity
    expect(await countActivities(db, 'new-connection', { start: '2023-01-01', end: '2023-01-02' })).toBe(1);
    expect(await countActivities(db, 'mentorship', week)).toBe(1);
    expect((await activityDays(db, 'new-connection', '2024-01-01')).map((a) => a.date).sort()).toEqual(['2024-03-04', '2024-03-05', '2024-03-06']);
    db.close();
    await Dexie.delete(name);
  });

  it('folds into a contact only when it has no date, the earliest activity winning', () => {
    const { contacts, dropIds } = foldConnectionActivities(
      [{ id: 1, connectedOn: null }, { id: 2, connectedOn: '2020-01-01' }],
      [
        { id: 10, kind: 'new-connection', contactId: 1, date: '2022-05-05' },
        { id: 11, kind: 'new-connection', contactId: 1, date: '2021-05-05' },
        { id: 12, kind: 'new-connection', contactId: 2, date: '2022-05-05' },
        { id: 13, kind: 'new-connection', contactId: 9, date: '2022-05-05' },
        { id: 14, kind: 'collaboration', contactId: 1, date: '2022-05-05' },
        { id: 15, kind: 'new-connection', contactId: null, date: '2022-05-05' },
      ],
    );
    expect(contacts).toEqual([{ id: 1, connectedOn: '2021-05-05' }]);
    expect(dropIds).toEqual([10, 11, 12, 13]);
  });
});
