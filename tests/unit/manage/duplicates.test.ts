import { describe, expect, it } from 'vitest';
import { findDuplicates } from '../../../lib/manage/duplicates';
import { mergeContactRecords } from '../../../lib/manage/merge';
import { contact } from './helpers';

const ids = (gs: { contacts: { id: number }[] }[]) => gs.map((g) => g.contacts.map((c) => c.id));

describe('findDuplicates', () => {
  it('pairs a slug-less CSV record with the saved profile of the same name and company, profile first', () => {
    const groups = findDuplicates([
      contact({ id: 10, name: 'Esme Taunton', company: 'Brightloom', source: 'csv' }),
      contact({ id: 11, name: 'Esme  taunton', company: 'brightloom', slug: 'esme-taunton' }),
      contact({ id: 12, name: 'Other Person', company: 'Brightloom' }),
    ]);
    expect(ids(groups)).toEqual([[11, 10]]);
    expect(groups[0]!.reason).toBe('same-name-company');
  });

  it('does not pair people with the same name at different companies', () => {
    expect(findDuplicates([
      contact({ id: 1, name: 'Sam Lee', company: 'Acme' }),
      contact({ id: 2, name: 'Sam Lee', company: 'Globex', slug: 'sam-lee-1' }),
    ])).toEqual([]);
  });

  it('does not pair two different profiles that share a name and company', () => {
    expect(findDuplicates([
      contact({ id: 1, name: 'Sam Lee', company: 'Acme', slug: 'sam-lee-a' }),
      contact({ id: 2, name: 'Sam Lee', company: 'Acme', slug: 'sam-lee-b' }),
    ])).toEqual([]);
  });

  it('with two profiles of the same name, groups only the slug-less records (whose they are is unclear)', () => {
    const groups = findDuplicates([
      contact({ id: 1, name: 'Sam Lee', company: 'Acme', slug: 'sam-lee-a' }),
      contact({ id: 2, name: 'Sam Lee', company: 'Acme', slug: 'sam-lee-b' }),
      contact({ id: 3, name: 'Sam Lee', company: 'Acme' }),
      contact({ id: 4, name: 'Sam Lee', company: 'Acme' }),
    ]);
    expect(ids(groups)).toEqual([[3, 4]]);
  });

  it('finds the same profile saved under an encoded and a decoded slug', () => {
    const groups = findDuplicates([
      contact({ id: 1, name: 'José Núñez', slug: 'jos%C3%A9-n%C3%BA%C3%B1ez' }),
      contact({ id: 2, name: 'Jose Nunez', slug: 'josé-núñez' }),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.reason).toBe('same-profile');
  });
});

describe('mergeContactRecords', () => {
  it('keeps the slug, unites tags and relationships, lets typed fields win and keeps the closest status', () => {
    const survivor = contact({
      id: 1, name: 'Esme Taunton', slug: 'esme-taunton', headline: 'Staff Engineer', company: 'Brightloom', tags: ['rust'],
      relationships: ['expert'], status: 'none', lastInteraction: '2026-01-10',
    });
    const old = contact({
      id: 2, name: 'Esme Taunton', headline: 'My typed headline', company: 'Brightloom', email: 'esme@example.test', tags: ['alumni', 'rust'],
      relationships: ['peer'], status: 'connected', connectedOn: '2019-05-02', lastInteraction: '2026-02-01', userFields: ['headline'],
    });
    const merged = mergeContactRecords(survivor, [old], 99);
    expect(merged.id).toBe(1);
    expect(merged.slug).toBe('esme-taunton');
    expect(merged.headline).toBe('My typed headline');
    expect(merged.email).toBe('esme@example.test');
    expect(merged.tags.sort()).toEqual(['alumni', 'rust']);
    expect(merged.relationships.sort()).toEqual(['expert', 'peer']);
    expect(merged.status).toBe('connected');
    expect(merged.connectedOn).toBe('2019-05-02');
    expect(merged.lastInteraction).toBe('2026-02-01');
    expect(merged.userFields).toContain('headline');
    expect(merged.updatedAt).toBe(99);
  });
});
