/**
 * "Database closed": the worker's connection can be closed under it (another version of the
 * schema opens the database, the browser closes it, code calls close(), an open fails once).
 * The next API call must still work, with every record intact.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MSG } from '../../../lib/api/messages';
import { handleApiMessage } from '../../../lib/api/server';
import { SCHEMA_VERSIONS, createDb, getDb, setDbForTests } from '../../../lib/db/db';
import { seedNetwork, snapshot } from '../../fuzz/helpers';

/** As the background's listener does: `getDb()` for every message. */
async function callViaListener(op: string, input: unknown) {
  return handleApiMessage({ type: MSG.UI_API_CALL, op, input }, 'extension', { db: getDb() });
}

afterEach(() => {
  setDbForTests(null);
  vi.restoreAllMocks();
});

describe('the database connection is closed under the worker', () => {
  it('another connection opens a higher schema version: the next calls read and write as before', async () => {
    const name = `closed-${crypto.randomUUID()}`;
    const db = createDb(name);
    await seedNetwork(db);
    const before = await snapshot(db);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    const newer = new Dexie(name);
    newer.version(SCHEMA_VERSIONS.at(-1)!.version + 1).stores(SCHEMA_VERSIONS.at(-1)!.stores);
    await newer.open(); // fires versionchange on `db`, which closes to let it upgrade
    expect(db.isOpen()).toBe(false);
    expect(warn).toHaveBeenCalled();
    newer.close();

    const read = await handleApiMessage({ type: MSG.UI_API_CALL, op: 'contact.getForPage', input: { slug: 'mira-okafor-test' } }, 'content', { db });
    expect(read.ok && (read.data as { view: { contact: { name: string } } }).view.contact.name).toBe('Mira Okafor');
    const write = await handleApiMessage({ type: MSG.UI_API_CALL, op: 'note.add', input: { targetType: 'contact', targetId: 1, text: 'After the upgrade' } }, 'content', { db });
    expect(write.ok).toBe(true);
    const after = await snapshot(db);
    expect(after.contacts).toEqual(before.contacts);
    expect(after.notes).toHaveLength(before.notes!.length + 1);
    db.close();
  });

  it('the shared database was closed for good (close()): the next API call reopens it and finds every record', async () => {
    const name = `closed-${crypto.randomUUID()}`;
    setDbForTests(createDb(name));
    await seedNetwork(getDb());
    const before = await snapshot(getDb());
    getDb().close(); // Dexie now refuses every call on this instance (DatabaseClosedError)

    const res = await callViaListener('contact.get', { id: 1 });
    expect(res).toMatchObject({ ok: true, data: { contact: { name: 'Mira Okafor' } } });
    const saved = await callViaListener('contact.save', { slug: 'after-close-test', name: 'After Close' });
    expect(saved.ok).toBe(true);
    expect(getDb().name).toBe(name);
    const after = await snapshot(getDb());
    expect(after.contacts).toHaveLength(before.contacts!.length + 1);
    expect(after.notes).toEqual(before.notes);
    getDb().close();
  });

  it('opening failed (the browser could not open its store, Dexie retries exhausted): the call says so clearly, the next one works', async () => {
    const name = `closed-${crypto.randomUUID()}`;
    const seeded = createDb(name);
    await seedNetwork(seeded);
    seeded.close();

    const idb = Dexie.dependencies.indexedDB!;
    const realOpen = idb.open.bind(idb);
    let failures = 4; // Dexie itself retries an UnknownError 3 times
    vi.spyOn(idb, 'open').mockImplementation((...args: Parameters<IDBFactory['open']>) => {
      if (failures-- > 0) throw new DOMException('Internal error opening backing store', 'UnknownError');
      return realOpen(...args);
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {}); // "Dexie: Workaround for Chrome UnknownError on open()"
    setDbForTests(createDb(name));

    const first = await callViaListener('contact.get', { id: 1 });
    expect(first.ok).toBe(false);
    if (!first.ok) {
      expect(first.error.code).toBe('internal');
      expect(first.error.message).toMatch(/nothing was changed/i);
    }
    const second = await callViaListener('contact.get', { id: 1 });
    expect(second).toMatchObject({ ok: true, data: { contact: { slug: 'mira-okafor-test' } } });
    getDb().close();
  });
});
