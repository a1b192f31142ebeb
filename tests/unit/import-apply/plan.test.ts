import { describe, expect, it } from 'vitest';
import { describeImportResult, draftFromRow, planImport, type ExistingContact } from '../../../lib/import/apply';
import { row } from './helpers';

function existing(id: number, over: Partial<ExistingContact> & { name: string }): ExistingContact {
  return {
    id, slug: null, profileUrl: null, email: null, company: null, position: null, status: 'connected',
    connectedOn: '2024-03-01', userFields: [], nameLower: over.name.toLowerCase(), ...over,
  };
}

describe('planImport', () => {
  it('sorts rows into new, updated and unchanged, and passes skipped through', () => {
    const rows = [
      row('Ada', 'Example'), // matches by slug, same data → unchanged
      row('Grace', 'Sample', { company: 'New Co' }), // matches by slug, company changed → updated
      row('Alan', 'Placeholder'), // nobody → new
    ];
    const stored = [
      existing(1, { name: 'Ada Example', slug: 'ada-example-example', profileUrl: 'x', company: 'Example Corp', position: 'Engineer' }),
      existing(2, { name: 'Grace Sample', slug: 'grace-sample-example', profileUrl: 'x', company: 'Old Co', position: 'Engineer' }),
    ];
    const plan = planImport(rows, stored, { skipped: 4 });
    expect(plan.counts).toEqual({ new: 1, updated: 1, unchanged: 1, skipped: 4, duplicates: 0 });
    const upd = plan.actions.find((a) => a.kind === 'updated');
    expect(upd).toMatchObject({ id: 2, patch: { company: 'New Co' } });
    const created = plan.actions.find((a) => a.kind === 'new');
    expect(created?.kind === 'new' && draftFromRow(created.row, 1, created.nameLower)).toMatchObject({
      name: 'Alan Placeholder', slug: 'alan-placeholder-example', status: 'connected', source: 'csv', connectedOn: '2024-03-01',
      tags: [], relationships: [], userFields: [],
    });
    expect(describeImportResult(plan.counts)).toBe('Imported 1 new, 1 updated, 1 unchanged, 4 skipped (members who hide their data).');
  });

  it('never overwrites a field the user typed, and fills empty fields', () => {
    const stored = [existing(7, {
      name: 'Ada Example', slug: 'ada-example-example', company: 'What I typed', position: null, email: null,
      userFields: ['company'], status: 'none', connectedOn: null,
    })];
    const plan = planImport([row('Ada', 'Example', { company: 'CSV Co', position: 'CTO', email: 'ada@example.com' })], stored);
    expect(plan.counts.updated).toBe(1);
    const a = plan.actions[0]!;
    expect(a.kind).toBe('updated');
    if (a.kind !== 'updated') return;
    expect(a.patch).not.toHaveProperty('company');
    expect(a.patch).toMatchObject({ position: 'CTO', email: 'ada@example.com', status: 'connected', connectedOn: '2024-03-01' });
    // Never touches what only the user can write.
    for (const k of ['tags', 'relationships', 'howWeMet', 'nextFollowUp', 'cadenceDays', 'name']) expect(a.patch).not.toHaveProperty(k);
  });

  it('never blanks a field the CSV leaves empty', () => {
    const stored = [existing(3, { name: 'Ada Example', slug: 'ada-example-example', profileUrl: 'x', company: 'Example Corp', position: 'Engineer', email: 'ada@example.com' })];
    const plan = planImport([row('Ada', 'Example', { email: null, company: null, position: null })], stored);
    expect(plan.counts).toMatchObject({ unchanged: 1, updated: 0, new: 0 });
  });

  it('re-planning the same file against what it produced changes nothing', () => {
    const rows = [row('Ada', 'Example'), row('Pat', "O'Brien", { slug: null }), row('Jürgen', 'Müßig', { slug: null, company: null })];
    const first = planImport(rows, [], {});
    expect(first.counts.new).toBe(3);
    const stored = first.actions.map((a, i) => (a.kind === 'new' ? { ...draftFromRow(a.row, 1, a.nameLower), id: i + 1 } : null)).filter((c) => c !== null);
    const second = planImport(rows, stored);
    expect(second.counts).toEqual({ new: 0, updated: 0, unchanged: 3, skipped: 0, duplicates: 0 });
  });

  it('matches rows without a URL by name among slug-less contacts, using the company to tell namesakes apart', () => {
    const stored = [
      existing(1, { name: 'Sam Example', company: 'Alpha Ltd' }),
      existing(2, { name: 'Sam Example', company: 'Beta GmbH' }),
    ];
    const plan = planImport([
      row('Sam', 'Example', { slug: null, company: 'Beta GmbH' }),
      row('sam ', ' EXAMPLE', { slug: null, company: 'Alpha Ltd' }),
      row('Sam', 'Example', { slug: null, company: 'Gamma Inc' }),
    ], stored);
    expect(plan.actions.map((a) => (a.kind === 'new' ? 'new' : a.kind === 'duplicate' ? 'dup' : a.id))).toEqual([2, 1, 'new']);
  });

  it('gives a slug-less contact (an old URL-less import) the slug of a newer export', () => {
    const stored = [existing(5, { name: 'Ada Example', company: 'Example Corp', position: 'Engineer' })];
    const plan = planImport([row('Ada', 'Example')], stored);
    expect(plan.actions[0]).toMatchObject({ kind: 'updated', id: 5, patch: { slug: 'ada-example-example' } });
  });

  it('does not merge a person with a URL into a namesake who has a different URL', () => {
    const stored = [existing(5, { name: 'Ada Example', slug: 'ada-example-other', company: 'Example Corp' })];
    const plan = planImport([row('Ada', 'Example')], stored);
    expect(plan.counts.new).toBe(1);
  });

  it('writes a person listed twice in one file once', () => {
    const plan = planImport([row('Ada', 'Example'), row('Ada', 'Example'), row('Pat', 'Sample', { slug: null }), row('Pat', 'Sample', { slug: null })], []);
    expect(plan.counts).toMatchObject({ new: 2, duplicates: 2 });
  });

  it('plans 30 000 rows against 30 000 contacts with index maps (no per-row scans)', () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => row(`First${i}`, `Last${i}`, i % 3 === 0 ? { slug: null } : {}));
    const first = planImport(rows, [], {});
    const stored = first.actions.map((a, i) => (a.kind === 'new' ? { ...draftFromRow(a.row, 1, a.nameLower), id: i + 1 } : null)).filter((c) => c !== null);
    const second = planImport(rows, stored);
    expect(second.counts).toMatchObject({ new: 0, updated: 0, unchanged: 30_000 });
  });
});

describe('normaliseKey', () => {
  it('gives the same key as normaliseName (which contacts store as nameLower)', async () => {
    const { normaliseKey } = await import('../../../lib/import/apply');
    const { normaliseName } = await import('../../../lib/api/ops/contacts');
    for (const s of ['Ada  Example ', ' PAT O\'BRIEN', 'Jürgen Müßig', 'Ｆｕｌｌｗｉｄｔｈ', 'x'.repeat(400), 'tab\there', '']) {
      expect(normaliseKey(s)).toBe(normaliseName(s));
    }
  });
});
