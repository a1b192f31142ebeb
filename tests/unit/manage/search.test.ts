import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, buildSearchIndex, filterContacts, filterPositions, narrows, sortContacts } from '../../../lib/manage/search';
import { contact } from './helpers';

const people = [
  contact({ id: 1, name: 'Ada Quillfeather', headline: 'Principal Data Engineer', company: 'Lumen Freight', tags: ['kafka'], relationships: ['mentor'], status: 'connected', lastInteraction: '2026-03-01', nextFollowUp: '2026-04-01' }),
  contact({ id: 2, name: 'bram Okonkwo', headline: 'Engineering Manager', company: 'Harbor & Pike', relationships: ['manager'], status: 'invited', nextFollowUp: '2026-02-01' }),
  contact({ id: 3, name: 'Celia Marchetti', headline: 'UX Researcher', company: 'Tallyho Bank', tags: ['research', 'kafka-curious'], lastInteraction: '2026-05-20' }),
  contact({ id: 4, name: 'Inès Kowalczyk', headline: null, company: null, position: 'Product Manager at Brightloom' }),
];
const index = buildSearchIndex(people);
const names = (cs: { name: string }[]) => cs.map((c) => c.name);
const TODAY = '2026-03-15';

describe('filterContacts', () => {
  it('finds by name, headline, company, position and tag, case-insensitively', () => {
    expect(names(filterContacts(index, { ...EMPTY_FILTER, query: 'ADA' }, TODAY))).toEqual(['Ada Quillfeather']);
    expect(names(filterContacts(index, { ...EMPTY_FILTER, query: 'researcher' }, TODAY))).toEqual(['Celia Marchetti']);
    expect(names(filterContacts(index, { ...EMPTY_FILTER, query: 'harbor' }, TODAY))).toEqual(['bram Okonkwo']);
    expect(names(filterContacts(index, { ...EMPTY_FILTER, query: 'brightloom' }, TODAY))).toEqual(['Inès Kowalczyk']);
    expect(names(filterContacts(index, { ...EMPTY_FILTER, query: 'kafka' }, TODAY))).toEqual(['Ada Quillfeather', 'Celia Marchetti']);
    expect(names(filterContacts(index, { ...EMPTY_FILTER, query: 'inès' }, TODAY))).toEqual(['Inès Kowalczyk']);
  });

  it('needs every word of the query to match', () => {
    expect(names(filterContacts(index, { ...EMPTY_FILTER, query: 'kafka bank' }, TODAY))).toEqual(['Celia Marchetti']);
    expect(filterContacts(index, { ...EMPTY_FILTER, query: 'kafka nobody' }, TODAY)).toEqual([]);
    expect(filterContacts(index, { ...EMPTY_FILTER, query: '   ' }, TODAY)).toHaveLength(4);
  });

  it('filters by relationship, tag, status and overdue follow-up', () => {
    expect(names(filterContacts(index, { ...EMPTY_FILTER, relationship: 'manager' }, TODAY))).toEqual(['bram Okonkwo']);
    expect(names(filterContacts(index, { ...EMPTY_FILTER, tag: 'kafka' }, TODAY))).toEqual(['Ada Quillfeather']);
    expect(names(filterContacts(index, { ...EMPTY_FILTER, status: 'invited' }, TODAY))).toEqual(['bram Okonkwo']);
    // Overdue: next follow-up strictly before today.
    expect(names(filterContacts(index, { ...EMPTY_FILTER, overdue: true }, TODAY))).toEqual(['bram Okonkwo']);
    expect(names(filterContacts(index, { ...EMPTY_FILTER, overdue: true }, '2026-04-02'))).toEqual(['Ada Quillfeather', 'bram Okonkwo']);
    expect(names(filterContacts(index, { ...EMPTY_FILTER, overdue: true }, '2026-04-01'))).toEqual(['bram Okonkwo']);
  });
});

describe('sortContacts', () => {
  it('sorts by name ignoring case and accents', () => {
    expect(names(sortContacts(people, 'name'))).toEqual(['Ada Quillfeather', 'bram Okonkwo', 'Celia Marchetti', 'Inès Kowalczyk']);
  });
  it('sorts by last interaction, most recent first, never-contacted last', () => {
    expect(names(sortContacts(people, 'lastInteraction'))).toEqual(['Celia Marchetti', 'Ada Quillfeather', 'bram Okonkwo', 'Inès Kowalczyk']);
  });
  it('sorts by next follow-up, soonest first, none last', () => {
    expect(names(sortContacts(people, 'nextFollowUp'))).toEqual(['bram Okonkwo', 'Ada Quillfeather', 'Celia Marchetti', 'Inès Kowalczyk']);
  });
  it('does not change the input', () => {
    const before = names(people);
    sortContacts(people, 'lastInteraction');
    expect(names(people)).toEqual(before);
  });
});

describe('narrowing while typing', () => {
  it('knows when a new filter can only narrow the previous result', () => {
    const f = (query: string, more = {}) => ({ ...EMPTY_FILTER, query, ...more });
    expect(narrows(f(''), f('a'))).toBe(true);
    expect(narrows(f('ka'), f('kafka'.slice(0, 3)))).toBe(true);
    expect(narrows(f('kafka'), f('kafka bank'))).toBe(true);
    expect(narrows(f('kafka'), f('kafk'))).toBe(false); // deleting a character widens
    expect(narrows(f('kafka'), f('bank kafka'))).toBe(false);
    expect(narrows(f('ka'), f('kaf', { tag: 'kafka' }))).toBe(false); // another filter changed
  });

  it('gives the same result when refining the previous one as when scanning everything', () => {
    let prev = filterPositions(index, { ...EMPTY_FILTER, query: '' }, TODAY);
    for (const q of ['k', 'ka', 'kaf', 'kafka', 'kafka ', 'kafka b', 'kafka bank']) {
      const filter = { ...EMPTY_FILTER, query: q };
      const refined = filterPositions(index, filter, TODAY, prev);
      expect(refined, q).toEqual(filterPositions(index, filter, TODAY));
      prev = refined;
    }
    expect(prev.map((i) => index.contacts[i]!.name)).toEqual(['Celia Marchetti']);
  });
});
