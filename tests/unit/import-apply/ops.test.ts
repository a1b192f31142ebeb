import { describe, expect, it, vi } from 'vitest';
import { forgetLiveImportRunsForTests, importOps } from '../../../lib/api/ops/import';
import { backupOps } from '../../../lib/api/ops/backup';
import { IMPORT_BATCH_SIZE } from '../../../lib/import/apply';
import { activityDays, countActivities } from '../../../lib/goals/db';
import { api, apiResult, freshDb, row } from './helpers';
import type { ConnectionRow } from '../../../lib/import/connections-csv';

async function importAll(db: ReturnType<typeof freshDb>, rows: ConnectionRow[], size = IMPORT_BATCH_SIZE) {
  const run = await api(db, 'import.start', { fileName: 'Connections.csv', total: rows.length });
  const totals = { created: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < rows.length; i += size) {
    const r = await api(db, 'import.batch', { runId: run.id, rows: rows.slice(i, i + size) });
    totals.created += r.created; totals.updated += r.updated; totals.unchanged += r.unchanged;
  }
  await api(db, 'import.finish', { runId: run.id, status: 'done' });
  return totals;
}

const people = (n: number) => Array.from({ length: n }, (_, i) =>
  row(`Person${i}`, 'Example', i % 4 === 0 ? { slug: null, connectedOn: `2023-01-${String((i % 28) + 1).padStart(2, '0')}` } : {}));

describe('import ops', () => {
  it('imports, then re-importing the same file changes nothing', async () => {
    const db = freshDb();
    const rows = people(120);
    expect(await importAll(db, rows, 50)).toEqual({ created: 120, updated: 0, unchanged: 0 });
    const contacts = await db.contacts.toArray();
    expect(contacts).toHaveLength(120);
    expect(contacts.every((c) => c.status === 'connected' && c.source === 'csv' && c.connectedOn)).toBe(true);
    const before = { contacts: await db.contacts.toArray(), activities: await db.activities.toArray() };
    expect(await importAll(db, rows, 50)).toEqual({ created: 0, updated: 0, unchanged: 120 });
    expect(await db.contacts.toArray()).toEqual(before.contacts);
    expect(await db.activities.toArray()).toEqual(before.activities);
  });

  it('counts each Connected On date as a new connection on that day in goal history, once, also after a re-import', async () => {
    const db = freshDb();
    const rows = [row('Ada', 'Example', { connectedOn: '2021-07-17' }), row('Pat', 'Sample', { slug: null, connectedOn: '2019-02-03' }), row('No', 'Date', { connectedOn: null })];
    await importAll(db, rows);
    await importAll(db, rows);
    const connections = (start: string, end: string) => countActivities(db, 'new-connection', { start, end });
    expect(await connections('2021-07-17', '2021-07-18')).toBe(1);
    expect(await connections('2019-02-03', '2019-02-04')).toBe(1);
    expect(await connections('2000-01-01', '2100-01-01')).toBe(2);
    expect((await activityDays(db, 'new-connection', '2000-01-01')).map((a) => a.date).sort()).toEqual(['2019-02-03', '2021-07-17']);
    // One record per person: the date lives on the contact, not in a second record.
    expect(await db.activities.count()).toBe(0);
  });

  it('does not count a second new connection for someone already connected in the panel', async () => {
    const db = freshDb();
    const saved = await api(db, 'contact.save', { slug: 'ada-example-example', name: 'Ada Example' });
    await api(db, 'contact.update', { id: saved.contact.id, patch: { status: 'connected' } });
    const day = (await db.contacts.get(saved.contact.id))!.connectedOn!;
    await importAll(db, [row('Ada', 'Example', { connectedOn: '2020-05-05' })]);
    expect(await countActivities(db, 'new-connection', { start: '2000-01-01', end: '2100-01-01' })).toBe(1);
    // The panel's date stays: the CSV only fills an empty one.
    expect((await db.contacts.get(saved.contact.id))!.connectedOn).toBe(day);
  });

  it('never overwrites what the user wrote: typed fields, tags, relationships, notes, how we met', async () => {
    const db = freshDb();
    const saved = await api(db, 'contact.save', { slug: 'ada-example-example', name: 'Ada Example', tags: ['ai'], relationships: ['mentor'] });
    const id = saved.contact.id;
    await api(db, 'contact.update', { id, patch: { company: 'My spelling Ltd', howWeMet: { kind: 'text', text: 'PyCon' } } });
    await api(db, 'note.add', { targetType: 'contact', targetId: id, text: 'Loves sailing' });
    const r = await importAll(db, [row('Ada', 'Example', { company: 'Example Corp', position: 'CTO' })]);
    expect(r).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const c = (await db.contacts.get(id))!;
    expect(c).toMatchObject({ company: 'My spelling Ltd', position: 'CTO', tags: ['ai'], relationships: ['mentor'], howWeMet: { kind: 'text', text: 'PyCon' }, status: 'connected' });
    expect((await db.notes.toArray()).map((n) => n.text)).toEqual(['Loves sailing']);
    expect(await db.contacts.count()).toBe(1);
  });

  it('re-importing a URL-less file that lists a namesake of someone whose company the user typed creates nobody', async () => {
    // Found by the import fuzz test (seed 483401530): the first import matched the only "Ada Example"
    // (company typed by the user) and created her namesake; the second then found two of that name,
    // ruled the user's Ada out on her typed company, and created a third.
    const db = freshDb();
    const saved = await api(db, 'contact.save', { slug: 'ada-example-1a2b3c', name: 'Ada Example' });
    await api(db, 'contact.update', { id: saved.contact.id, patch: { company: 'Typed By Me Ltd' } });
    const rows = [
      row('Ada', 'Example', { slug: null, profileUrl: null, email: 'ada@example.com', company: 'Analytical Engines Ltd' }),
      row('Ada', 'Example', { slug: null, profileUrl: null, company: 'Programmer' }),
    ];
    expect(await importAll(db, rows)).toEqual({ created: 1, updated: 1, unchanged: 0 });
    const before = await db.contacts.toArray();
    expect(before).toHaveLength(2);
    expect(await importAll(db, rows)).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await db.contacts.toArray()).toEqual(before);
    expect((await db.contacts.get(saved.contact.id))!.company).toBe('Typed By Me Ltd');
  });

  it('writes a batch as one transaction: a failure part-way leaves nothing of that batch', async () => {
    const db = freshDb();
    await importAll(db, people(10));
    const before = await db.contacts.count();
    const run = await api(db, 'import.start', { fileName: 'b.csv', total: 20 });
    // The run's progress is written last, after the batch's contacts: failing there must undo them.
    const spy = vi.spyOn(db.imports, 'put').mockImplementation(() => { throw new Error('disk died'); });
    const res = await apiResult(db, 'import.batch', { runId: run.id, rows: people(30).slice(10) });
    spy.mockRestore();
    expect(res.ok).toBe(false);
    expect(await db.contacts.count()).toBe(before);
    expect((await db.imports.get(run.id))!.done).toBe(0);
  });

  it('rejects a batch with a bad row without writing any of it', async () => {
    const db = freshDb();
    const run = await api(db, 'import.start', { fileName: 'c.csv', total: 2 });
    const res = await apiResult(db, 'import.batch', { runId: run.id, rows: [row('Ada', 'Example'), { ...row('Bad', 'Date'), connectedOn: '17 Jul 2022' }] });
    expect(res.ok).toBe(false);
    expect(await db.contacts.count()).toBe(0);
  });

  it('writes nothing of a batch whose run was stopped or is unknown (the run is read alongside the batch)', async () => {
    const db = freshDb();
    const run = await api(db, 'import.start', { fileName: 'd.csv', total: 20 });
    await api(db, 'import.finish', { runId: run.id, status: 'cancelled' });
    const stopped = await apiResult(db, 'import.batch', { runId: run.id, rows: people(20) });
    expect(stopped).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const unknown = await apiResult(db, 'import.batch', { runId: run.id + 99, rows: people(20) });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await db.contacts.count()).toBe(0);
    expect((await db.imports.get(run.id))!).toMatchObject({ status: 'cancelled', done: 0 });
  });

  it('an import left running by a dead worker is reported as interrupted, and running it again duplicates nothing', async () => {
    const db = freshDb();
    const rows = people(90);
    const run = await api(db, 'import.start', { fileName: 'Connections.csv', total: rows.length });
    await api(db, 'import.batch', { runId: run.id, rows: rows.slice(0, 40) });
    forgetLiveImportRunsForTests(); // the service worker restarted
    const rec = await api(db, 'import.recover', {});
    expect(rec.interrupted.map((r: { id: number }) => r.id)).toEqual([run.id]);
    expect(rec.latest).toMatchObject({ status: 'interrupted', done: 40, total: 90 });
    // A batch for the dead run is refused (nothing written twice by a late message).
    expect((await apiResult(db, 'import.batch', { runId: run.id, rows: rows.slice(40) })).ok).toBe(false);
    const again = await importAll(db, rows, 25);
    expect(again).toEqual({ created: 50, updated: 0, unchanged: 40 });
    expect(await db.contacts.count()).toBe(90);
    expect(await countActivities(db, 'new-connection', { start: '2000-01-01', end: '2100-01-01' })).toBe(90);
  });

  it('does not call a run interrupted while its worker is still driving it', async () => {
    const db = freshDb();
    const run = await api(db, 'import.start', { fileName: 'x.csv', total: 10 });
    const rec = await api(db, 'import.recover', {});
    expect(rec.interrupted).toEqual([]);
    expect(rec.latest).toMatchObject({ id: run.id, status: 'running' });
  });

  it("refuses every import, backup and export operation to a 'content' sender", async () => {
    const db = freshDb();
    const inputs: Record<string, unknown> = {
      'import.start': { fileName: 'x.csv', total: 1 },
      'import.batch': { runId: 1, rows: [row('Ada', 'Example')] },
      'import.finish': { runId: 1, status: 'done' },
      'import.recover': {},
      'backup.export': {},
      'backup.preview': { text: '{}' },
      'backup.restore': { text: '{}', mode: 'replace' },
      'export.contacts': { format: 'csv' },
    };
    const names = [...Object.keys(importOps), ...Object.keys(backupOps)];
    expect(names.sort()).toEqual(Object.keys(inputs).sort());
    for (const op of names) {
      const res = await apiResult(db, op, inputs[op], 'content');
      expect(res, op).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await db.imports.count()).toBe(0);
  });
});
