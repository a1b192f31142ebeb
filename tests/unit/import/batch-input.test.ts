/**
 * What the options page sends to `import.batch` since the import got faster: each batch packed in
 * one string (the page's main thread never touches the rows), IMPORT_BATCH_SIZE rows at a time,
 * checked row by row without zod (and with zod's own message when a row is bad). The user-visible
 * rules stay: a bad batch writes nothing and says which row is
 * wrong, a re-import changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { IMPORT_BATCH_SIZE } from '../../../lib/import/apply';
import { prepareImport } from '../../../lib/import/prepare';
import { packRows, unpackRows } from '../../../lib/import/packed-rows';
import { connectionRowSchema, fastConnectionRow, MAX_BATCH_ROWS } from '../../../lib/api/ops/import';
import { api, apiResult, freshDb, row } from '../import-apply/helpers';
import type { ConnectionRow } from '../../../lib/import/connections-csv';

const people = (n: number, from = 0) => Array.from({ length: n }, (_, i) =>
  row(`Person${String(i + from).padStart(5, '0')}`, 'Example', (i + from) % 7 === 0 ? { slug: null, connectedOn: null } : {}));

async function importPacked(db: ReturnType<typeof freshDb>, rows: ConnectionRow[], size = IMPORT_BATCH_SIZE) {
  const run = await api(db, 'import.start', { fileName: 'Connections.csv', total: rows.length });
  const totals = { created: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < rows.length; i += size) {
    const r = await api(db, 'import.batch', { runId: run.id, packed: packRows(rows.slice(i, i + size)) });
    totals.created += r.created; totals.updated += r.updated; totals.unchanged += r.unchanged;
  }
  await api(db, 'import.finish', { runId: run.id, status: 'done' });
  return totals;
}

describe('import batches as the options page sends them', () => {
  it('sends 2 000 rows per batch (fewer transactions), within what import.batch accepts', () => {
    expect(IMPORT_BATCH_SIZE).toBe(2000);
    expect(IMPORT_BATCH_SIZE).toBeLessThanOrEqual(MAX_BATCH_ROWS);
  });

  it('a prepared file is served in batches of that size, and packing keeps every value', async () => {
    const n = IMPORT_BATCH_SIZE + 5;
    const csv = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      ...Array.from({ length: n }, (_, i) => `Pat${i},Quote"s \u00e9,https://www.linkedin.com/in/pat-${i}-example,pat${i}@example.com,"Example, Inc.",Engineer,01 Mar 2024`)].join('\n');
    const prepared = await prepareImport(csv, []);
    if ('problem' in prepared) throw new Error(prepared.problem);
    expect(prepared.preview.batches).toBe(2);
    expect(prepared.batch(0)).toHaveLength(IMPORT_BATCH_SIZE);
    expect(prepared.batch(1)).toHaveLength(5);
    const rows = prepared.batch(0);
    expect(unpackRows(packRows(rows))).toEqual(rows);
  });

  it('packed batches import exactly like row objects, and a re-import changes nothing', async () => {
    const rows = people(450);
    const packedDb = freshDb();
    const plainDb = freshDb();
    expect(await importPacked(packedDb, rows, 200)).toEqual({ created: 450, updated: 0, unchanged: 0 });
    const run = await api(plainDb, 'import.start', { fileName: 'Connections.csv', total: rows.length });
    for (let i = 0; i < rows.length; i += 200) await api(plainDb, 'import.batch', { runId: run.id, rows: rows.slice(i, i + 200) });
    const strip = (cs: { id: number }[]) => cs.map(({ id: _id, ...c }) => c);
    expect(strip(await packedDb.contacts.toArray())).toEqual(strip(await plainDb.contacts.toArray()));
    const before = await packedDb.contacts.toArray();
    expect(await importPacked(packedDb, rows, 200)).toEqual({ created: 0, updated: 0, unchanged: 450 });
    expect(await packedDb.contacts.toArray()).toEqual(before);
  });

  it('refuses a packed batch with a bad row, names the row, and writes nothing of the batch', async () => {
    const db = freshDb();
    const run = await api(db, 'import.start', { fileName: 'c.csv', total: 3 });
    const rows = [row('Ada', 'Example'), row('Bob', 'Example'), { ...row('Bad', 'Date'), connectedOn: '17 Jul 2022' }];
    const res = await apiResult(db, 'import.batch', { runId: run.id, packed: packRows(rows) });
    expect(res.ok ? 'ok' : res.error.code).toBe('invalid-input');
    if (!res.ok) expect(res.error.message).toMatch(/packed\.2\.connectedOn: expected a date as YYYY-MM-DD/);
    const objects = await apiResult(db, 'import.batch', { runId: run.id, rows });
    if (!objects.ok) expect(objects.error.message).toMatch(/rows\.2\.connectedOn: expected a date as YYYY-MM-DD/);
    expect(await db.contacts.count()).toBe(0);
  });

  it('refuses packed text that is not a list of rows, and a batch with both forms or neither', async () => {
    const db = freshDb();
    const run = await api(db, 'import.start', { fileName: 'c.csv', total: 1 });
    for (const input of [
      { runId: run.id, packed: '[["Ada","Example"' },
      { runId: run.id, packed: '{"rows":[]}' },
      { runId: run.id, packed: JSON.stringify([['Ada', 'Example', null]]) },
      { runId: run.id, packed: packRows(people(MAX_BATCH_ROWS + 1)) },
      { runId: run.id, packed: packRows([row('Ada', 'Example')]), rows: [row('Ada', 'Example')] },
      { runId: run.id },
    ]) {
      const res = await apiResult(db, 'import.batch', input);
      expect(res.ok ? 'ok' : res.error.code).toBe('invalid-input');
    }
    expect(await db.contacts.count()).toBe(0);
  });

  it('the hand check accepts exactly what the row schema accepts', () => {
    const good = row('Ada', 'Example');
    const cases: unknown[] = [
      good, { ...good, slug: null, profileUrl: null }, { ...good, firstName: '', lastName: 'Solo' }, { ...good, lastName: '' },
      { ...good, firstName: ' ', lastName: ' ' }, { ...good, firstName: 'A'.repeat(150), lastName: 'B'.repeat(149) },
      { ...good, firstName: 'A'.repeat(150), lastName: 'B'.repeat(150) }, { ...good, firstName: 'A'.repeat(301) },
      { ...good, slug: '' }, { ...good, slug: 's'.repeat(200) }, { ...good, slug: 's'.repeat(201) },
      { ...good, profileUrl: 'u'.repeat(2000) }, { ...good, profileUrl: 'u'.repeat(2001) },
      { ...good, email: 'e'.repeat(301) }, { ...good, company: 'c'.repeat(300) }, { ...good, position: 'p'.repeat(301) },
      { ...good, connectedOn: '2024-3-1' }, { ...good, connectedOn: '2024-03-01T00:00' }, { ...good, connectedOn: null },
      { ...good, connectedOn: undefined }, { ...good, email: undefined }, { ...good, company: 5 }, { ...good, firstName: null },
      { ...good, extra: 'dropped' }, null, 'row', [good.firstName], {},
    ];
    for (const c of cases) {
      const zod = connectionRowSchema.safeParse(c);
      const fast = fastConnectionRow(c);
      expect(fast === null, JSON.stringify(c)?.slice(0, 80)).toBe(!zod.success);
      if (fast) expect(fast).toEqual(zod.data);
    }
  });
});
