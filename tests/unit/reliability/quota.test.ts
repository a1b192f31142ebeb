/**
 * Storage full: the browser refuses a write with QuotaExceededError. The user must get a clear
 * message (`code: 'quota'`) and the operation must leave nothing half-written: its transaction
 * rolls back, every table is exactly as before (compared row by row).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MSG } from '../../../lib/api/messages';
import { handleApiMessage } from '../../../lib/api/server';
import type { RapportDB } from '../../../lib/db/db';
import { apiCaller, freshDb, seedNetwork, snapshot } from '../../fuzz/helpers';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

async function send(db: RapportDB, op: string, input: unknown) {
  return handleApiMessage({ type: MSG.UI_API_CALL, op, input }, 'extension', { db });
}

function expectQuota(res: Awaited<ReturnType<typeof send>>) {
  expect(res.ok).toBe(false);
  if (res.ok) return;
  expect(res.error.code).toBe('quota');
  expect(res.error.message).toMatch(/storage is full/i);
  expect(res.error.message).toMatch(/nothing was saved/i);
}

const rows = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    firstName: `Quota${i + from}`, lastName: 'Person', slug: `quota-person-${i + from}-test`,
    profileUrl: `https://www.linkedin.com/in/quota-person-${i + from}-test`, email: null, company: 'Filled Disk Inc',
    position: 'Tester', connectedOn: '2025-02-03',
  }));

/**
 * Makes `method` of one table fail with `error` on this database, however the code reaches the
 * table (`db.notes` and `db.table('notes')` are different objects in Dexie 4; both share the
 * database's Table prototype). Sync `throw` when `sync`, else a rejected promise (as IndexedDB).
 */
function failOn(db: RapportDB, table: string, method: 'add' | 'bulkAdd' | 'put' | 'bulkPut', error: () => unknown, sync = false) {
  const proto = Object.getPrototypeOf(db.table(table)) as Record<string, (...a: unknown[]) => unknown>;
  const original = proto[method]!;
  return vi.spyOn(proto, method).mockImplementation(function (this: { name: string }, ...args: unknown[]) {
    if (this.name !== table) return original.apply(this, args);
    if (sync) throw error();
    return Promise.reject(error());
  });
}

let db: RapportDB;
afterEach(() => {
  vi.restoreAllMocks();
  db?.close();
});

describe('storage quota exceeded', () => {
  it('adding a note (the add throws): quota message, no note, nothing else changed', async () => {
    db = freshDb('quota');
    await seedNetwork(db);
    const before = await snapshot(db);
    failOn(db, 'notes', 'add', quota, true);
    expectQuota(await send(db, 'note.add', { targetType: 'contact', targetId: 1, text: 'Will not fit' }));
    vi.restoreAllMocks();
    expect(await snapshot(db)).toEqual(before);
  });

  it('saving a contact (the add rejects asynchronously, as IndexedDB does): quota message, nothing stored', async () => {
    db = freshDb('quota');
    await seedNetwork(db);
    const before = await snapshot(db);
    failOn(db, 'contacts', 'add', quota);
    expectQuota(await send(db, 'contact.save', { slug: 'no-room-test', name: 'No Room', degree: '1st' }));
    vi.restoreAllMocks();
    expect(await snapshot(db)).toEqual(before);
  });

  it('settings: the put fails, the stored settings stay as they were', async () => {
    db = freshDb('quota');
    await seedNetwork(db);
    const before = await snapshot(db);
    failOn(db, 'settings', 'put', quota);
    expectQuota(await send(db, 'settings.update', { weekStart: 4 }));
    vi.restoreAllMocks();
    expect(await snapshot(db)).toEqual(before);
  });

  it('an import batch: contacts were added, then the run record did not fit: the whole batch rolls back', async () => {
    db = freshDb('quota');
    await seedNetwork(db);
    const api = apiCaller(db);
    const run = await api<{ id: number }>('import.start', { fileName: 'Connections.csv', total: 150 });
    await api('import.batch', { runId: run.id, rows: rows(50) });
    const before = await snapshot(db);
    const bulkAdd = vi.spyOn(Object.getPrototypeOf(db.contacts) as { bulkAdd: (...a: unknown[]) => unknown }, 'bulkAdd');
    const put = failOn(db, 'imports', 'put', quota);
    expectQuota(await send(db, 'import.batch', { runId: run.id, rows: rows(100, 50) }));
    expect(bulkAdd.mock.contexts.map((t) => (t as { name: string }).name)).toEqual(['contacts']); // the contacts really were written inside the transaction…
    expect(put.mock.contexts.map((t) => (t as { name: string }).name)).toContain('imports');
    vi.restoreAllMocks();
    const after = await snapshot(db);
    expect(after).toEqual(before); // …and rolled back with it
    expect(after.contacts!.length).toBe(before.contacts!.length);
    expect((after.imports![0] as { done: number }).done).toBe(50);
    // With room again, the same batch goes through once.
    const ok = await api<{ created: number }>('import.batch', { runId: run.id, rows: rows(100, 50) });
    expect(ok.created).toBe(100);
    expect(await db.contacts.count()).toBe(before.contacts!.length + 100);
  });

  it('restoring a backup in replace mode: tables were cleared, then a table did not fit: everything is back as it was', async () => {
    db = freshDb('quota');
    await seedNetwork(db);
    const api = apiCaller(db);
    const backup = await api<{ text: string }>('backup.export', {});
    await api('contact.save', { slug: 'added-after-backup-test', name: 'Added After Backup' });
    await api('note.add', { targetType: 'contact', targetId: 4, text: 'Only in the database, not in the backup' });
    const before = await snapshot(db);
    const bulkAdd = failOn(db, 'notes', 'bulkAdd', quota);
    expectQuota(await send(db, 'backup.restore', { text: backup.text, mode: 'replace' }));
    expect(bulkAdd.mock.contexts.map((t) => (t as { name: string }).name)).toContain('notes');
    vi.restoreAllMocks();
    expect(await snapshot(db)).toEqual(before);
  });

  it('restoring a backup in merge mode: a failing add rolls back every record the merge had added', async () => {
    const other = freshDb('quota-src');
    await apiCaller(other)('contact.save', { slug: 'from-other-browser-test', name: 'From Other Browser' });
    await apiCaller(other)('note.add', { targetType: 'contact', targetId: 1, text: 'Written on the laptop' });
    const backup = await apiCaller(other)<{ text: string }>('backup.export', {});
    other.close();

    db = freshDb('quota');
    await seedNetwork(db);
    const before = await snapshot(db);
    failOn(db, 'notes', 'bulkAdd', quota);
    failOn(db, 'notes', 'add', quota);
    expectQuota(await send(db, 'backup.restore', { text: backup.text, mode: 'merge' }));
    vi.restoreAllMocks();
    expect(await snapshot(db)).toEqual(before);
  });

  it('the error comes wrapped twice by Dexie (AbortError → AbortError → QuotaExceededError): still the quota message', async () => {
    db = freshDb('quota');
    await seedNetwork(db);
    const before = await snapshot(db);
    failOn(db, 'notes', 'add', () => Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota() }));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expectQuota(await send(db, 'note.add', { targetType: 'contact', targetId: 1, text: 'Will not fit' }));
    vi.restoreAllMocks();
    expect(await snapshot(db)).toEqual(before);
  });
});
