import { describe, expect, it, vi } from 'vitest';
import { RangeSet } from 'dexie';
import { createDb } from '../../../lib/db/db';
import { changedContactIds, loadContactsInChunks, toListContact } from '../../../lib/manage/load';
import {
  type ContactFilter, EMPTY_INDEX, addToIndex, appendToIndex, filterPositions, EMPTY_FILTER, isEmptyFilter, newIndexBuilder, orderIndex, removeFromIndex,
  type ListContact, snapshotIndex, sortContacts,
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

  it('reads stored records (default fields left out) as the whole records Dexie returns', async () => {
    const db = createDb('test-' + crypto.randomUUID());
    const rows = Array.from({ length: 23 }, (_, i) => {
      const { id: _id, ...c } = contact({
        name: `Person ${i}`, slug: i % 3 ? `p-${i}` : null, headline: i % 2 ? 'Engineer' : null, company: i % 4 ? null : 'Brightloom',
        tags: i % 5 ? [] : ['rust'], relationships: i % 6 ? [] : ['mentor'], lastInteraction: i % 2 ? null : '2026-01-02',
      });
      return { ...c, nameLower: c.name.toLowerCase() };
    });
    await db.contacts.bulkAdd(rows as never);
    const loaded: ListContact[] = [];
    await loadContactsInChunks(db, (chunk) => { loaded.push(...chunk); }, { first: 4, size: 6 });
    const byId = new Map(loaded.map((c) => [c.id, c]));
    const whole = await db.contacts.toArray();
    expect(byId.size).toBe(23);
    for (const c of whole) expect(byId.get(c.id)).toEqual(toListContact(c));
  });

  it('reads the next chunk only once `pace` lets it (the list waits while the user scrolls)', async () => {
    const db = createDb('test-' + crypto.randomUUID());
    await db.contacts.bulkAdd(Array.from({ length: 20 }, (_, i) => { const { id: _id, ...c } = contact({ name: `P ${i}`, slug: `s-${i}` }); return c; }) as never);
    let chunks = 0;
    let rows = 0;
    let release: (() => void) | null = null;
    let finished = false;
    const load = loadContactsInChunks(db, (c) => { chunks++; rows += c.length; }, {
      first: 5, size: 5, pace: () => new Promise<void>((r) => { release = r; }),
    }).then((done) => { finished = true; return done; });
    let holds = 0;
    while (!finished) {
      await vi.waitFor(() => expect(release !== null || finished).toBe(true));
      if (finished) break;
      holds++;
      await new Promise((r) => setTimeout(r, 20)); // time enough to read another chunk, were it let
      expect(chunks).toBe(holds); // held: nothing read since the last chunk
      const go = release!;
      release = null;
      go();
    }
    expect(await load).toBe(true);
    expect(holds).toBeGreaterThanOrEqual(4);
    expect(rows).toBe(20);
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

describe('what the list keeps of each contact', () => {
  const TODAY = '2026-03-15';
  const FILTERS: ContactFilter[] = [
    { ...EMPTY_FILTER, query: 'eng' }, { ...EMPTY_FILTER, query: 'kafka harbor' }, { ...EMPTY_FILTER, tag: 'kafka' },
    { ...EMPTY_FILTER, relationship: 'mentor' }, { ...EMPTY_FILTER, status: 'invited' }, { ...EMPTY_FILTER, overdue: true },
    { ...EMPTY_FILTER, query: 'émile' },
  ];
  const heads = ['Data Engineer', 'Engineering Manager', null, 'UX Researcher'];
  const people = Array.from({ length: 60 }, (_, i) => contact({
    id: 500 + i, name: `${['Ada', 'bram', 'Émile', 'Zoe'][i % 4]} ${['Quill', 'Okonkwo', 'Roux'][i % 3]} ${i}`, slug: i % 5 ? `p-${i}` : null,
    headline: heads[i % 4]!, company: i % 3 ? 'Harbor & Pike' : null, position: i % 7 ? null : 'Staff Engineer',
    tags: i % 2 ? ['kafka', 'berlin'] : [], relationships: i % 6 ? [] : ['mentor'], status: (['none', 'invited', 'connected'] as const)[i % 3]!,
    lastInteraction: i % 4 ? `2026-01-${String((i % 28) + 1).padStart(2, '0')}` : null, nextFollowUp: i % 3 ? `2026-0${(i % 6) + 1}-10` : null,
  }));

  it('shows, finds, filters and sorts exactly as the full records do', () => {
    const full = addToIndex(EMPTY_INDEX, people);
    const kept = addToIndex(EMPTY_INDEX, people.map(toListContact));
    const visible = (c: (typeof kept.contacts)[number]) => [
      c.id, c.name, c.headline, c.slug, c.company, c.position, c.status, [...c.relationships], [...c.tags], c.lastInteraction, c.nextFollowUp,
    ];
    expect(kept.contacts.map(visible)).toEqual(full.contacts.map(visible));
    for (const f of FILTERS) expect(filterPositions(kept, f, TODAY), JSON.stringify(f)).toEqual(filterPositions(full, f, TODAY));
    for (const sort of ['lastInteraction', 'nextFollowUp'] as const) {
      expect(orderIndex(kept, sort).contacts.map((c) => c.id)).toEqual(orderIndex(full, sort).contacts.map((c) => c.id));
    }
  });

  it('gives the same search results at every step while chunks arrive as a search over the contacts read so far', async () => {
    const db = createDb('test-' + crypto.randomUUID());
    await db.contacts.bulkAdd(people.map(({ id: _id, ...c }) => c) as never);
    const all = await db.contacts.toArray();
    const b = newIndexBuilder();
    const seen: ListContact[] = [];
    let steps = 0;
    await loadContactsInChunks(db, (rows) => {
      appendToIndex(b, rows.map(toListContact));
      seen.push(...rows);
      const snap = snapshotIndex(b);
      const fresh = addToIndex(EMPTY_INDEX, seen);
      for (const f of FILTERS) {
        expect(filterPositions(snap, f, TODAY).map((i) => snap.contacts[i]!.id), JSON.stringify(f)).toEqual(
          filterPositions(fresh, f, TODAY).map((i) => fresh.contacts[i]!.id),
        );
      }
      steps++;
    }, { first: 7, size: 9 });
    expect(steps).toBeGreaterThan(5);
    const whole = addToIndex(EMPTY_INDEX, all);
    expect(b.contacts.map((c) => c.id)).toEqual(whole.contacts.map((c) => c.id));
    for (const f of FILTERS) expect(filterPositions(b, f, TODAY).length, JSON.stringify(f)).toBeGreaterThan(0);
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
