import { describe, expect, it } from 'vitest';
import { type SchemaVersion, SCHEMA_VERSIONS, createDb } from '../../../lib/db/db';

/**
 * The schema-change mechanism: a database written by version 1 is opened by a build whose
 * SCHEMA_VERSIONS has a version 2 with an upgrade(); every record must survive and be transformed.
 */
const V2: SchemaVersion = {
  version: 2,
  stores: {
    ...SCHEMA_VERSIONS[0]!.stores,
    // v2 (test-only): index contacts by company too.
    contacts: SCHEMA_VERSIONS[0]!.stores.contacts + ', company',
  },
  async upgrade(tx) {
    await tx.table('contacts').toCollection().modify((c: Record<string, unknown>) => {
      c.company = typeof c.company === 'string' ? c.company.toUpperCase() : c.company;
      c.migratedTo2 = true;
    });
    await tx.table('notes').toCollection().modify((n: Record<string, unknown>) => {
      n.text = `[v2] ${String(n.text)}`;
    });
  },
};

function contact(i: number) {
  return {
    slug: `person-${i}`, profileUrl: null, name: `Person ${i}`, nameLower: `person ${i}`, headline: null, location: null,
    company: i % 2 ? `Acme ${i}` : null, position: null, email: null, photoUrl: null, degree: null, status: 'none',
    connectedOn: null, relationships: ['peer'], tags: ['t'], howWeMet: null, cadenceDays: null, lastInteraction: null,
    nextFollowUp: null, followUpManual: false, source: 'manual', userFields: [], createdAt: i, updatedAt: i,
  };
}

describe('schema versions', () => {
  it('upgrades a version-1 database to version 2 keeping and transforming every record', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const v1 = createDb(name, SCHEMA_VERSIONS.slice(0, 1));
    await v1.contacts.bulkAdd(Array.from({ length: 50 }, (_, i) => contact(i + 1)) as never);
    const ids = await v1.contacts.toCollection().primaryKeys();
    await v1.notes.bulkAdd(ids.map((id) => ({ targetType: 'contact', targetId: id, text: `note ${id}`, createdAt: 1, updatedAt: 1 })) as never);
    await v1.interactions.add({ contactId: ids[0]!, kind: 'message', date: '2026-01-02', note: null, createdAt: 1 } as never);
    expect(v1.verno).toBe(1);
    v1.close();

    const v2 = createDb(name, [...SCHEMA_VERSIONS.slice(0, 1), V2]);
    await v2.open();
    expect(v2.verno).toBe(2);
    const contacts = await v2.contacts.toArray();
    expect(contacts).toHaveLength(50);
    expect(contacts.every((c) => (c as unknown as { migratedTo2: boolean }).migratedTo2)).toBe(true);
    expect(contacts.find((c) => c.slug === 'person-3')?.company).toBe('ACME 3');
    // The new index works on migrated data.
    expect(await v2.contacts.where('company').equals('ACME 7').count()).toBe(1);
    const notes = await v2.notes.toArray();
    expect(notes).toHaveLength(50);
    expect(notes.every((n) => n.text.startsWith('[v2] note '))).toBe(true);
    expect(await v2.interactions.count()).toBe(1);
    v2.close();
  });

  it('keeps version numbers increasing and never edits an old version in place', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(SCHEMA_VERSIONS[0]!.stores.contacts).toContain('&slug');
  });
});
