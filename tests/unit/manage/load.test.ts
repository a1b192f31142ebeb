import { describe, expect, it } from 'vitest';
import { RangeSet } from 'dexie';
import { createDb } from '../../../lib/db/db';
import { changedContactIds, loadContactsInChunks } from '../../../lib/manage/load';
import {
  EMPTY_INDEX, addToIndex, appendToIndex, filterPositions, EMPTY_FILTER, isEmptyFilter, newIndexBuilder, orderIndex, removeFromIndex, snapshotIndex,
  sortContacts,
} from '../../../lib/manage/search';
import { contact } from './helpers';

describe('loading the contact list in chunks', () => {
  it('reads every contact once, in name order, even when many share a name across chunk boundaries', async () => {
    const db = createDb('test-' + crypto.randomUUID());
    const names = ['Zoe Brand', 'Ada Quill', 'Émile Roux', 'bram okonkwo'];
    const rows = Array.from({ length: 95 }, (_, i) => {
      const name = i < 30 ? 'Same Name' : `${names[i % 4]} ${i}`;
      const { id: _id, ...c } = contact({ name, slug: `p-${i}` });
      return { ...c, nameLower: name.toLowerCase() };
    });
    await db.contacts.bulkAdd(rows as never);
    const chunks: number[] = [];
    let index = EMPTY_INDEX;
    const done = await loadContactsInChunks(db, (chunk) => { chunks.push(chunk.length); index = addToIndex(index, chunk); }, { first: 7, size: 11 });
    expect(done).toBe(true);
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks)).toBeLessThanOrEqual(11);
    const ids = index.contacts.map((c) => c.id);
    expect(new Set(ids).size).toBe(95);
    expect(index.contacts.map((c) => c.name)).toEqual(sortContacts(await db.contacts.toArray(), 'name').map((c) => c.name));
  });

  it('stops when cancelled', async () => {
    const db = createDb('test-' + crypto.randomUUID());
    await db.contacts.bulkAdd(Array.from({ length: 30 }, (_, i) => { const { id: _id, ...c } = contact({ name: `P ${i}`, slug: `s-${i}` }); return c; }) as never);
    let seen = 0;
    const done = await loadContactsInChunks(db, (c) => { seen += c.length; }, { first: 5, size: 5, cancelled: () => seen >= 10 });
    expect(done).toBe(false);
    expect(seen).toBeGreaterThanOrEqual(10);
    expect(seen).toBeLessThan(30);
  });
});

describe('the name-ordered index', () => {
  it('orders names ignoring case and accents, numbers by value', () => {
    const people = ['émile', 'Zoe', 'ada 10', 'Ada 9', 'Bram'].map((name, i) => contact({ id: 100 + i, name }));
    expect(sortContacts(people, 'name').map((c) => c.name)).toEqual(['Ada 9', 'ada 10', 'Bram', 'émile', 'Zoe']);
  });
  it('merging chunks and removing contacts gives what a fresh sort gives; other orders tie on the name', () => {
    const people = Array.from({ length: 40 }, (_, i) => contact({ id: 200 + i, name: `Person ${(i * 7) % 40}`, lastInteraction: i % 3 ? `2026-01-0${(i % 9) + 1}` : null }));
    let index = EMPTY_INDEX;
    for (let i = 0; i < 40; i += 9) index = addToIndex(index, people.slice(i, i + 9));
    expect(index.contacts).toEqual(sortContacts(people, 'name'));
    const gone = new Set([203, 211, 239]);
    const after = removeFromIndex(index, gone);
    expect(after.contacts).toEqual(sortContacts(people.filter((c) => !gone.has(c.id)), 'name'));
    expect(orderIndex(after, 'lastInteraction').contacts).toEqual(sortContacts(people.filter((c) => !gone.has(c.id)), 'lastInteraction'));
    expect(filterPositions(after, { ...EMPTY_FILTER, query: 'person 3' }, '2026-01-01').length).toBe(after.contacts.filter((c) => c.name.includes('3')).length);
  });
});

describe('the index grown while loading', () => {
  it('orders chunks, in name order or not, like a fresh sort; a snapshot does not change afterwards', () => {
    const names = ['Ada 2', 'ada 10', 'Bram', 'Émile', 'Zoe', 'Ada 9', 'Bram', 'carl', 'Ébène', 'Zack'];
    const people = names.map((name, i) => contact({ id: 300 + i, name }));
    const b = newIndexBuilder();
    appendToIndex(b, people.slice(0, 5)); // grows in place
    const snap = snapshotIndex(b);
    appendToIndex(b, people.slice(5)); // sorts before what is there: merged
    appendToIndex(b, []);
    expect(b.contacts).toEqual(sortContacts(people, 'name'));
    expect(b.contacts).toEqual(addToIndex(addToIndex(EMPTY_INDEX, people.slice(0, 5)), people.slice(5)).contacts);
    expect(snap.contacts).toEqual(sortContacts(people.slice(0, 5), 'name'));
    expect(filterPositions(b, { ...EMPTY_FILTER, query: 'ada' }, '2026-01-01').map((i) => b.contacts[i]!.name)).toEqual(['Ada 2', 'Ada 9', 'ada 10']);
  });
  it('knows when a filter lets everyone through', () => {
    expect(isEmptyFilter(EMPTY_FILTER)).toBe(true);
    expect(isEmptyFilter({ ...EMPTY_FILTER, query: '   ' })).toBe(true);
    expect(isEmptyFilter({ ...EMPTY_FILTER, query: 'a' })).toBe(false);
    expect(isEmptyFilter({ ...EMPTY_FILTER, tag: 'rust' })).toBe(false);
    expect(isEmptyFilter({ ...EMPTY_FILTER, overdue: true })).toBe(false);
  });
});

describe('which contacts a change notification names', () => {
  it('lists single ids, asks for a full reload for ranges, ignores other tables', () => {
    const one = { 'idb://rapport/contacts/': new RangeSet().addKeys([4, 9]), 'idb://rapport/contacts/nameLower': new RangeSet().addKey('ada') };
    expect(changedContactIds(one, 'rapport')?.toString()).toBe('4,9');
    // As it arrives from another context: a structured clone of the same tree.
    expect(changedContactIds(structuredClone(one), 'rapport')?.toString()).toBe('4,9');
    expect(changedContactIds({ 'idb://rapport/contacts/': new RangeSet(1, 100) }, 'rapport')).toBe('all');
    expect(changedContactIds({ 'idb://rapport/reminders/': new RangeSet().addKey(1) }, 'rapport')).toBeNull();
  });
});
