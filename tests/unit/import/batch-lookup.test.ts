/**
 * How `import.batch` finds who a row is: the page sends rows sorted (`orderForImport`) so that a
 * batch covers a narrow range of the slug / name index; rows in any other order (another client,
 * or names that sort unlike their slugs) must match exactly the same people.
 */
import { describe, expect, it } from 'vitest';
import { orderForImport } from '../../../lib/import/apply';
import { prepareImport } from '../../../lib/import/prepare';
import { api, freshDb, row } from '../import-apply/helpers';
import type { ConnectionRow } from '../../../lib/import/connections-csv';

async function importBatches(db: ReturnType<typeof freshDb>, batches: ConnectionRow[][]) {
  const rows = batches.flat();
  const run = await api(db, 'import.start', { fileName: 'Connections.csv', total: rows.length });
  const totals = { created: 0, updated: 0, unchanged: 0, connections: 0 };
  for (const b of batches) {
    const r = await api(db, 'import.batch', { runId: run.id, rows: b });
    totals.created += r.created; totals.updated += r.updated; totals.unchanged += r.unchanged; totals.connections += r.connections;
  }
  await api(db, 'import.finish', { runId: run.id, status: 'done' });
  return totals;
}

/** A deterministic shuffle (no Math.random in tests). */
function shuffled<T>(xs: readonly T[]): T[] {
  const out = [...xs];
  let s = 7;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const people = (n: number) => Array.from({ length: n }, (_, i) =>
  row(`Person${String(i).padStart(3, '0')}`, 'Example', i % 5 === 0 ? { slug: null } : {}));

describe('import batches: finding the stored people', () => {
  it('sorts rows with a URL by slug, then the others by name', () => {
    const rows = [row('Zed', 'B'), row('Ann', 'Nourl', { slug: null }), row('Bob', 'A'), row('Abe', 'Nourl', { slug: null })];
    expect(orderForImport(rows).map((r) => r.slug ?? r.firstName)).toEqual(['bob-a-example', 'zed-b-example', 'Abe', 'Ann']);
  });

  it('serves the rows of a prepared file in that order, and previews the right counts', async () => {
    const csv = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Zoe,Zed,https://www.linkedin.com/in/zoe-zed-example,,Example Corp,Engineer,01 Mar 2024',
      'Al,Nourl,,,Example Corp,Engineer,01 Mar 2024',
      'Ann,Aa,https://www.linkedin.com/in/ann-aa-example,,Example Corp,Engineer,01 Mar 2024',
      ',,,,,,01 Mar 2024',
      'Ann,Aa,https://www.linkedin.com/in/ann-aa-example,,Example Corp,Engineer,01 Mar 2024'].join('\n');
    const prepared = await prepareImport(csv, []);
    if ('problem' in prepared) throw new Error(prepared.problem);
    expect(prepared.preview.counts).toMatchObject({ new: 3, updated: 0, unchanged: 0, skipped: 1, duplicates: 1 });
    expect(prepared.batch(0).map((r) => r.slug ?? r.firstName)).toEqual(['ann-aa-example', 'zoe-zed-example', 'Al']);
  });

  it('matches every stored person whatever the order of the rows, and a re-import changes nothing', async () => {
    const all = people(600);
    const sortedDb = freshDb();
    const shuffledDb = freshDb();
    // First import: sorted batches (as the page sends them) vs. shuffled batches.
    const sorted = orderForImport(all);
    const mixed = shuffled(all);
    const chunk = (rows: ConnectionRow[], n: number) => Array.from({ length: Math.ceil(rows.length / n) }, (_, i) => rows.slice(i * n, (i + 1) * n));
    expect(await importBatches(sortedDb, chunk(sorted, 100))).toEqual({ created: 600, updated: 0, unchanged: 0, connections: 600 });
    expect(await importBatches(shuffledDb, chunk(mixed, 100))).toEqual({ created: 600, updated: 0, unchanged: 0, connections: 600 });
    // Re-import in the other order (shuffled batches span the whole index: the point-lookup path).
    for (const [db, rows] of [[sortedDb, mixed], [shuffledDb, sorted]] as const) {
      const before = { contacts: await db.contacts.toArray(), activities: await db.activities.toArray() };
      expect(await importBatches(db, chunk(rows, 100))).toEqual({ created: 0, updated: 0, unchanged: 600, connections: 0 });
      expect(await db.contacts.toArray()).toEqual(before.contacts);
      expect(await db.activities.toArray()).toEqual(before.activities);
    }
  });

  it('updates what changed in LinkedIn and fills a slug-less contact from a row with a URL, in a shuffled batch', async () => {
    const db = freshDb();
    await importBatches(db, [shuffled(people(300))]);
    // Person000 was imported without URL (i % 5 === 0); now the file has their URL. Person001 changed company.
    const changed = people(300).map((r, i) =>
      i === 0 ? row('Person000', 'Example') : i === 1 ? { ...r, company: 'New Example Ltd' } : r);
    expect(await importBatches(db, [shuffled(changed)])).toMatchObject({ created: 0, updated: 2, unchanged: 298 });
    expect((await db.contacts.where('slug').equals('person000-example-example').first())?.name).toBe('Person000 Example');
    expect((await db.contacts.where('slug').equals('person001-example-example').first())?.company).toBe('New Example Ltd');
    expect(await db.contacts.count()).toBe(300);
  });
});
