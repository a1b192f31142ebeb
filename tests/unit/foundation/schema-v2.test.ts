/**
 * Schema version 2 (fewer indexes, same records): a database that version 1 wrote, with data in
 * every table, opens as version 2 with every record intact, the unused indexes gone from disk,
 * and every query the app makes still answering the same.
 */
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { SCHEMA_VERSIONS, createDb, type RapportDB } from '../../../lib/db/db';
import { DEFAULT_SETTINGS } from '../../../lib/db/schema';
import { loadDueList } from '../../../lib/reminders/due';

const T = Date.UTC(2025, 0, 10, 9, 0);
const contact = (id: number, extra: Record<string, unknown> = {}) => ({
  id, slug: `person-${id}-example`, profileUrl: `https://www.linkedin.com/in/person-${id}-example/`, name: `Person ${id}`,
  nameLower: `person ${id}`, headline: null, location: null, company: 'Example Corp', position: null, email: null, photoUrl: null,
  degree: '1st', status: 'connected', connectedOn: '2020-02-02', relationships: ['peer'], tags: ['design'], howWeMet: null,
  cadenceDays: null, lastInteraction: null, nextFollowUp: null, followUpManual: false, source: 'csv', userFields: [],
  createdAt: T, updatedAt: T, ...extra,
});

/** Invented data in every table, as version 1 stored it. */
const DATA: Record<string, Array<Record<string, unknown>>> = {
  contacts: [
    contact(1, { tags: ['design', 'nordics'], nextFollowUp: '2025-01-05', lastInteraction: '2024-12-01', relationships: ['mentor'] }),
    contact(2, { slug: null, profileUrl: null, name: 'Tomás Example', nameLower: 'tomás example', tags: [], nextFollowUp: '2025-03-01' }),
    contact(3, { status: 'invited', tags: ['ai'] }),
  ],
  groups: [{ id: 1, groupId: '9990001', name: 'Example Circle', url: null, memberCount: 10, description: null, membership: 'member', joinedOn: '2024-01-10', tags: [], createdAt: T, updatedAt: T }],
  events: [
    { id: 1, name: 'Invented Meetup', kind: 'meetup', date: '2024-02-20', place: null, createdAt: T, updatedAt: T },
    { id: 2, name: 'Another Invented Conf', kind: 'conference', date: '2024-05-01', place: null, createdAt: T, updatedAt: T },
  ],
  notes: [
    { id: 1, targetType: 'contact', targetId: 1, text: 'Loves typography', createdAt: T, updatedAt: T },
    { id: 2, targetType: 'group', targetId: 1, text: 'AMA on Tuesdays', createdAt: T, updatedAt: T },
  ],
  interactions: [
    { id: 1, contactId: 1, kind: 'message', date: '2024-11-01', note: null, createdAt: T },
    { id: 2, contactId: 1, kind: 'call', date: '2024-12-01', note: 'Call', createdAt: T },
  ],
  activities: [
    { id: 1, kind: 'new-connection', date: '2020-02-02', contactId: 1, groupId: null, eventId: null, interactionId: null, reminderId: null, note: null, source: 'import', createdAt: T },
    { id: 2, kind: 'mentorship', date: '2024-12-01', contactId: 1, groupId: null, eventId: null, interactionId: 2, reminderId: null, note: null, source: 'panel', createdAt: T },
    { id: 3, kind: 'expertise-shared', date: '2025-01-08', contactId: null, groupId: null, eventId: null, interactionId: null, reminderId: 1, note: null, source: 'reminder', createdAt: T },
  ],
  goals: [{ id: 1, metric: 'new-connection', target: 5, period: 'month', active: true, createdAt: T, updatedAt: T }],
  reminders: [
    { id: 1, kind: 'commitment', title: 'Send the deck', contactId: 1, groupId: null, due: '2025-01-09', recurrence: null, state: 'open', snoozedUntil: null, doneAt: null, createdAt: T, updatedAt: T },
    { id: 2, kind: 'follow-up', title: 'Ask about the meetup', contactId: 2, groupId: null, due: '2025-01-20', recurrence: { every: 'days', days: 14 }, state: 'open', snoozedUntil: null, doneAt: null, createdAt: T, updatedAt: T },
  ],
  settings: [{ key: 'settings', value: { ...DEFAULT_SETTINGS, weekStart: 0 } }],
  imports: [{ id: 1, fileName: 'Connections.csv', total: 1, done: 1, created: 1, updated: 0, status: 'done', startedAt: T, finishedAt: T + 1 }],
};

function nativeIndexes(db: RapportDB): Record<string, string[]> {
  const idb = db.backendDB();
  const tx = idb.transaction([...idb.objectStoreNames], 'readonly');
  return Object.fromEntries([...idb.objectStoreNames].map((n) => [n, [...tx.objectStore(n).indexNames].sort()]));
}

describe('schema version 2', () => {
  it('opens a version-1 database with every record intact, without the unused indexes, and every query working', async () => {
    const name = `v2-${crypto.randomUUID()}`;
    const v1 = createDb(name, SCHEMA_VERSIONS.slice(0, 1));
    await v1.open();
    await v1.transaction('rw', v1.tables, async () => {
      for (const [table, rows] of Object.entries(DATA)) await v1.table(table).bulkAdd(rows);
    });
    expect(v1.verno).toBe(1);
    expect(nativeIndexes(v1).contacts).toContain('status');
    v1.close();

    const db = createDb(name, SCHEMA_VERSIONS.slice(0, 2));
    await db.open();
    expect(db.verno).toBe(2);
    for (const [table, rows] of Object.entries(DATA)) expect(await db.table(table).toArray(), table).toEqual(rows);

    const stores = nativeIndexes(db);
    expect(stores.contacts).toEqual(['nameLower', 'nextFollowUp', 'slug', 'tags']);
    expect(stores.notes).toEqual(['[targetType+targetId]']);
    expect(stores.interactions).toEqual(['[contactId+date]']);
    expect(stores.activities).toEqual(['[kind+date]', 'contactId', 'date', 'interactionId']);
    expect(stores.reminders).toEqual(['[state+due]', 'contactId']);
    expect(stores.groups).toEqual(['groupId', 'name']);
    expect(stores.events).toEqual(['date']);

    // The queries of lib/ and components/ against the upgraded data.
    expect((await db.contacts.where('slug').equals('person-3-example').first())?.id).toBe(3);
    expect((await db.contacts.where('nameLower').startsWith('tomás').toArray()).map((c) => c.id)).toEqual([2]);
    expect(await db.contacts.orderBy('tags').uniqueKeys()).toEqual(['ai', 'design', 'nordics']);
    expect(await db.contacts.where('nextFollowUp').belowOrEqual('2025-01-10').primaryKeys()).toEqual([1]);
    expect((await db.contacts.orderBy('nameLower').toArray()).map((c) => c.id)).toEqual([1, 3, 2]);
    expect(await db.notes.where('[targetType+targetId]').equals(['contact', 1]).count()).toBe(1);
    expect((await db.interactions.where('[contactId+date]').between([1, ''], [1, '\uffff']).reverse().toArray()).map((i) => i.id)).toEqual([2, 1]);
    expect(await db.activities.where('[kind+date]').between(['new-connection', '2020-01-01'], ['new-connection', '2020-12-31']).count()).toBe(1);
    expect(await db.activities.where('date').between('2024-12-01', '2025-01-09', true, false).count()).toBe(2);
    expect(await db.activities.where('contactId').equals(1).count()).toBe(2);
    expect(await db.activities.where('interactionId').equals(2).count()).toBe(1);
    expect(await db.reminders.where('[state+due]').between(['open', ''], ['open', '2025-01-10'], true, true).count()).toBe(1);
    expect(await db.reminders.where('contactId').equals(2).count()).toBe(1);
    expect((await db.groups.where('groupId').equals('9990001').first())?.name).toBe('Example Circle');
    expect((await db.events.orderBy('date').reverse().toArray()).map((e) => e.id)).toEqual([2, 1]);
    expect((await db.imports.orderBy('startedAt').last())?.id).toBe(1);
    // The badge's due list: the open commitment due by then, and Person 1's keep-in-touch date.
    expect((await loadDueList(db, '2025-01-10', 0)).total).toBe(2);
    db.close();
    await Dexie.delete(name);
  });

  it('declares versions 1 and 2 unchanged (versions 3 and 4 follow them)', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual([1, 2, 3, 4]);
    expect(SCHEMA_VERSIONS[1]!.stores.contacts).toBe('++id, &slug, nameLower, *tags, nextFollowUp');
    expect(SCHEMA_VERSIONS[1]!.upgrade).toBeUndefined();
    expect(SCHEMA_VERSIONS[0]!.stores.contacts).toBe('++id, &slug, nameLower, *tags, *relationships, nextFollowUp, lastInteraction, status, connectedOn, updatedAt');
    expect(Object.keys(SCHEMA_VERSIONS[1]!.stores)).toEqual(Object.keys(SCHEMA_VERSIONS[0]!.stores));
  });
});
