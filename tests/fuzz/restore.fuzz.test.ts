/**
 * Restore under mutated and foreign backups: a real backup (made by `backup.export` from an
 * invented network) is damaged — wrong or newer version, missing tables, wrong types, huge strings,
 * `__proto__` / `constructor` keys (plain and \u-escaped), cut-off JSON, other JSON altogether —
 * and restored (merge or replace) into a database that holds other data. A damaged file must be
 * refused as a whole with a clear message and leave every table exactly as it was; a file that is
 * still valid may restore, but never loses a stored record in merge mode, never stores a record
 * that breaks its schema, never pollutes Object.prototype.
 * Replay: FUZZ_SEED=<seed> FUZZ_RUNS=<runs> npx vitest run tests/fuzz/restore.fuzz.test.ts
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MSG } from '../../lib/api/messages';
import { handleApiMessage } from '../../lib/api/server';
import { CURRENT_SCHEMA_VERSION, TABLES, type RapportDB } from '../../lib/db/db';
import { apiCaller, badShape, freshDb, fuzzConfig, invalidRows, seedNetwork, snapshot, type Snapshot } from './helpers';

let backupText = '';
let db: RapportDB;
let before: Snapshot;

beforeAll(async () => {
  // The backup: a network made in "another browser", with every kind of record.
  const src = freshDb('fuzz-restore-src');
  const api = apiCaller(src);
  await seedNetwork(src);
  await api('contact.save', { slug: 'only-in-backup-test', name: 'Only In Backup', headline: 'Mentor' });
  await api('reminder.addCommitment', { contactId: 1, title: 'Send the slides', due: '2026-04-01' });
  await api('manage.saveEvent', { name: 'DataConf', kind: 'conference', date: '2026-06-01', place: 'Oslo' });
  backupText = (await api<{ text: string }>('backup.export', {})).text;
  src.close();
  // The database restored into: different data of its own.
  db = freshDb('fuzz-restore-dst');
  const dst = apiCaller(db);
  await dst('contact.save', { slug: 'stored-here-test', name: 'Stored Here', company: 'Local Co' });
  await dst('note.add', { targetType: 'contact', targetId: 1, text: 'Only in this browser' });
  await dst('settings.update', { weekStart: 5 });
  before = await snapshot(db);
});
afterAll(() => db?.close());

type Mutation =
  | { kind: 'version'; value: unknown }
  | { kind: 'dropTable'; table: number }
  | { kind: 'setField'; table: number; row: number; field: number; value: unknown }
  | { kind: 'setTop'; key: string; value: unknown }
  | { kind: 'pollute'; where: number; key: string; escaped: boolean }
  | { kind: 'truncate'; at: number }
  | { kind: 'format'; value: unknown };

const HUGE = 'x'.repeat(300_000);
const weird = fc.oneof(
  fc.constantFrom(null, 0, -1, 1.5, '', 'x', true, [], {}, HUGE, '\u202Eevil', '<img src=x onerror="window.__pwned=1">', '2026-13-45', 1e308),
  fc.anything({ maxDepth: 2 }).filter((v) => v !== undefined),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('version' as const), value: fc.constantFrom(0, -1, 1.5, '1', null, CURRENT_SCHEMA_VERSION + 1, 999, CURRENT_SCHEMA_VERSION) }),
  fc.record({ kind: fc.constant('dropTable' as const), table: fc.nat() }),
  fc.record({ kind: fc.constant('setField' as const), table: fc.nat(), row: fc.nat(), field: fc.nat(), value: weird }),
  fc.record({ kind: fc.constant('setTop' as const), key: fc.constantFrom('extra', 'tables', 'exportedAt', 'schemaVersion'), value: weird }),
  fc.record({ kind: fc.constant('pollute' as const), where: fc.nat(), key: fc.constantFrom('__proto__', 'constructor', 'prototype'), escaped: fc.boolean() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('format' as const), value: fc.constantFrom('rapport-backup-v2', 'linkedin', null, 1) }),
);

/** Mutations that make a file certainly unacceptable (must be refused). */
function certainlyBad(m: Mutation): boolean {
  if (m.kind === 'version') return m.value !== CURRENT_SCHEMA_VERSION && !(typeof m.value === 'number' && Number.isInteger(m.value) && m.value >= 1 && m.value <= CURRENT_SCHEMA_VERSION);
  return m.kind === 'dropTable' || m.kind === 'pollute' || m.kind === 'format' || (m.kind === 'setTop' && m.key === 'extra') || (m.kind === 'setTop' && m.key === 'tables');
}

function mutate(text: string, m: Mutation): string {
  if (m.kind === 'truncate') return text.slice(0, m.at % text.length);
  const data = JSON.parse(text) as { tables: Record<string, Record<string, unknown>[]>; [k: string]: unknown };
  const tableNames = Object.keys(data.tables);
  switch (m.kind) {
    case 'version': data.schemaVersion = m.value; break;
    case 'format': data.format = m.value; break;
    case 'dropTable': delete data.tables[tableNames[m.table % tableNames.length]!]; break;
    case 'setTop': data[m.key] = m.value; break;
    case 'setField': {
      const nonEmpty = tableNames.filter((t) => data.tables[t]!.length);
      const rows = data.tables[nonEmpty[m.table % nonEmpty.length]!]!;
      const row = rows[m.row % rows.length]!;
      const fields = Object.keys(row);
      row[fields[m.field % fields.length]!] = m.value;
      break;
    }
    case 'pollute': {
      // Inserted as text, so that JSON.parse makes it an own property, as a hostile file would.
      const key = m.escaped ? m.key.replace(/_/g, '\\u005f').replace(/^c/, '\\u0063').replace(/^p/, '\\u0070') : m.key;
      const payload = `"${key}":{"polluted":"yes","isAdmin":true},`;
      const s = JSON.stringify(data);
      const spots = [...s.matchAll(/\{(?=")/g)].map((x) => x.index! + 1);
      const at = spots[m.where % spots.length]!;
      return s.slice(0, at) + payload + s.slice(at);
    }
  }
  return JSON.stringify(data);
}

/** Other files a user could pick by mistake. */
const foreign = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.string(),
  fc.constantFrom(
    '', ' ', 'null', '[]', '{}', '"rapport-backup"', '{"format":"rapport-backup"}',
    'First Name,Last Name,URL\nAda,Example,https://www.linkedin.com/in/ada\n',
    '{"format":"rapport-backup","schemaVersion":1,"exportedAt":"x","tables":{}}',
    '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR',
    '{"__proto__":{"polluted":"yes"}}',
  ),
);

function expectNotPolluted() {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
}

const totals = { mutated: 0, foreign: 0, refused: 0, restored: 0 };
afterAll(() => console.log(`[fuzz] restore: ${totals.mutated} mutated backups, ${totals.foreign} foreign files; ${totals.refused} refused, ${totals.restored} still valid and restored`));

async function restore(text: string, mode: 'merge' | 'replace') {
  const preview = await handleApiMessage({ type: MSG.UI_API_CALL, op: 'backup.preview', input: { text } }, 'extension', { db });
  const res = await handleApiMessage({ type: MSG.UI_API_CALL, op: 'backup.restore', input: { text, mode } }, 'extension', { db });
  expect(badShape(preview)).toBeNull();
  expect(badShape(res)).toBeNull();
  expect(preview.ok, 'preview and restore agree on whether the file is acceptable').toBe(res.ok);
  return res;
}

function expectClearRefusal(res: Awaited<ReturnType<typeof restore>>) {
  expect(res.ok).toBe(false);
  if (res.ok) return;
  expect(res.error.code).toBe('invalid-input');
  expect(res.error.message).toMatch(/^(This file is not a Rapport backup: |This backup cannot be restored: |Invalid request: text: This file is too large)/);
  expect(res.error.message.length).toBeLessThan(400); // a sentence, not a dump
}

describe('restore under damaged and foreign files', () => {
  it('the untouched backup restores (merge) without losing what was stored', async () => {
    const local = freshDb('fuzz-restore-ok');
    await apiCaller(local)('contact.save', { slug: 'stored-here-test', name: 'Stored Here' });
    const mine = await snapshot(local);
    const res = await handleApiMessage({ type: MSG.UI_API_CALL, op: 'backup.restore', input: { text: backupText, mode: 'merge' } }, 'extension', { db: local });
    expect(res.ok).toBe(true);
    const after = await snapshot(local);
    for (const t of TABLES) for (const row of mine[t]!) expect(after[t]).toContainEqual(row);
    expect(await invalidRows(local)).toEqual([]);
    local.close();
  });

  it('damaged backups: refused whole with a clear message and nothing changed; or, if still valid, restored safely', async () => {
    const { seed, numRuns } = fuzzConfig('restore/mutated', 100);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.constantFrom('merge', 'replace'), async (mutations, mode) => {
          totals.mutated++;
          let text = backupText;
          for (const m of mutations) {
            try {
              text = mutate(text, m);
            } catch {
              break; // an earlier mutation (truncate) left no JSON to edit: restore that
            }
          }
          const res = await restore(text, mode as 'merge' | 'replace');
          expectNotPolluted();
          if (!res.ok) {
            totals.refused++;
            if (res.error.code === 'internal') throw new Error(`restore crashed: ${res.error.message}`);
            expectClearRefusal(res);
            expect(await snapshot(db), 'a refused restore changed the database').toEqual(before);
            return;
          }
          totals.restored++;
          const after = await snapshot(db);
          const bad = await invalidRows(db);
          // Put the destination back as it was first, so that one failure does not cascade.
          await db.transaction('rw', TABLES.map((t) => db.table(t)), async () => {
            for (const t of TABLES) {
              await db.table(t).clear();
              await db.table(t).bulkAdd(before[t]!);
            }
          });
          // A later change of the version (or of schemaVersion through setTop) replaces an earlier one.
          const lastVersion = mutations.findLastIndex((m) => m.kind === 'version' || (m.kind === 'setTop' && m.key === 'schemaVersion'));
          const effective = mutations.filter((m, i) => m.kind !== 'version' || i === lastVersion);
          if (effective.some(certainlyBad)) throw new Error(`accepted a damaged backup (${JSON.stringify(mutations).slice(0, 300)})`);
          if (bad.length) throw new Error(`restored records that break their schema: ${bad.slice(0, 3).join('; ')}`);
          if (mode === 'merge') for (const t of TABLES) for (const row of before[t]!) expect(after[t], `merge lost a stored ${t} record`).toContainEqual(row);
        }),
        { seed, numRuns },
      );
      expect(errors.mock.calls.filter((c) => String(c[0]).includes('[rapport]')), 'the server logged crashes').toEqual([]);
    } finally {
      errors.mockRestore();
    }
  }, 300_000);

  it('foreign files (other JSON, a CSV, an image, nothing): refused with a clear message, nothing changed', async () => {
    const { seed, numRuns } = fuzzConfig('restore/foreign', 100);
    await fc.assert(
      fc.asyncProperty(foreign, fc.constantFrom('merge', 'replace'), async (text, mode) => {
        totals.foreign++;
        const res = await restore(text, mode as 'merge' | 'replace');
        expectClearRefusal(res);
        expectNotPolluted();
      }),
      { seed, numRuns },
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('a newer version, a missing table, a __proto__ key: each refused with its own explanation', async () => {
    const data = JSON.parse(backupText);
    const newer = await restore(JSON.stringify({ ...data, schemaVersion: CURRENT_SCHEMA_VERSION + 1 }), 'replace');
    expectClearRefusal(newer);
    expect(!newer.ok && newer.error.message).toMatch(/newer version of Rapport/);
    const { notes: _n, ...noNotes } = data.tables;
    const missing = await restore(JSON.stringify({ ...data, tables: noNotes }), 'replace');
    expect(!missing.ok && missing.error.message).toMatch(/notes table is missing/);
    const escaped = backupText.replace('"tables":{', '"tables":{"\\u005f_proto__":{"polluted":"yes"},');
    const proto = await restore(escaped, 'merge');
    expectClearRefusal(proto);
    expectNotPolluted();
    expect(await snapshot(db)).toEqual(before);
  });
});
