/**
 * The import path under mutated CSVs: parse → prepareImport (plan + batches, as the options page
 * does) → `import.start` / `import.batch` / `import.finish`, against a database that already holds
 * the user's own work. Whatever the file:
 *   - nothing throws past the UI (prepare returns rows or a problem message; ops answer typed);
 *   - a batch is written whole or not at all (a refused batch leaves every table as it was);
 *   - the counts add up (new + updated + unchanged + duplicates = rows sent) and what was skipped
 *     is reported (the plan's `skipped` is the parser's);
 *   - what the user wrote is never overwritten (typed fields, notes, relationships, tags);
 *   - every stored record still passes its schema (a backup of it can be restored).
 * Replay: FUZZ_SEED=<seed> FUZZ_RUNS=<runs> npx vitest run tests/fuzz/import.fuzz.test.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { MSG } from '../../lib/api/messages';
import { handleApiMessage } from '../../lib/api/server';
import type { Contact } from '../../lib/db/schema';
import { parseConnectionsCsv } from '../../lib/import/connections-csv';
import { prepareImport } from '../../lib/import/prepare';
import type { RapportDB } from '../../lib/db/db';
import { INVENTED_CSV_DIR, SHARED_CSV_DIR, SHARED_CSV_EXISTS } from '../unit/import/fixtures';
import { apiCaller, badShape, freshDb, fuzzConfig, invalidRows, snapshot } from './helpers';

function listCsv(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /^connections.*\.csv$/i.test(path.basename(f)))
    .map((f) => path.join(dir, f))
    .sort();
}
if (!SHARED_CSV_EXISTS) console.warn('[fuzz] import: ../shared/fixtures/csv not found: mutating the invented CSVs only');
const CORPUS = [...listCsv(INVENTED_CSV_DIR), ...(SHARED_CSV_EXISTS ? listCsv(SHARED_CSV_DIR) : [])].map((f) => fs.readFileSync(f, 'utf8'));

/** Text edits a broken export, a hand edit or a hostile file could bring. */
type Edit =
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'dupLine'; at: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'truncate'; at: number };
const insertion = fc.oneof(
  fc.constantFrom(
    ',', '"', '""', '\n', '\r\n', '\r', ';', '\t', '\u0000', '\ufeff', '\u202e', ',,,,,,', '\n,,,,,09 Oct 2024\n',
    '=HYPERLINK("http://evil.example","x")', '<img src=x onerror="window.__pwned=1">', 'javascript:alert(1)',
    'https://www.linkedin.com/in/%E0%A4%A', 'https://www.linkedin.com/in/__proto__', '\nFirst Name,Last Name,URL\n',
    'A'.repeat(400), 'x'.repeat(5000), '31 Feb 2024', '13/13/13', '99 Zzz 9999',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: insertion }),
  fc.record({ kind: fc.constant('dupLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function applyEdits(text: string, edits: Edit[]): string {
  let t = text;
  for (const e of edits) {
    if (e.kind === 'delete') {
      const at = e.at % (t.length + 1);
      t = t.slice(0, at) + t.slice(at + e.len);
    } else if (e.kind === 'insert') {
      const at = e.at % (t.length + 1);
      t = t.slice(0, at) + e.text + t.slice(at);
    } else if (e.kind === 'truncate') {
      t = t.slice(0, e.at % (t.length + 1));
    } else {
      const lines = t.split('\n');
      if (!lines.length) continue;
      if (e.kind === 'dupLine') {
        const i = e.at % lines.length;
        lines.splice(i, 0, lines[i]!);
      } else {
        const a = e.a % lines.length;
        const b = e.b % lines.length;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      }
      t = lines.join('\n');
    }
  }
  return t;
}

/** The user's own work, which no import may change. */
async function seedUserWork(db: RapportDB): Promise<void> {
  const api = apiCaller(db);
  // Someone who is certainly in most files (first row of the invented 2025 export), with typed fields.
  const { contact: ada } = await api('contact.save', { slug: 'ada-example-1a2b3c', name: 'Ada Example', company: 'My Own Company Note', degree: '1st' });
  await api('contact.update', { id: ada.id, patch: { company: 'Typed By Me Ltd', position: 'Typed position', relationships: ['mentor'], tags: ['keep-me'] } });
  await api('note.add', { targetType: 'contact', targetId: ada.id, text: 'Private: talked about her sabbatical' });
  // A slug-less manual contact that an URL-less row of the same name may match.
  const { contact: grace } = await api('contact.save', { slug: null, name: 'Grace Hopper', company: 'Navy', source: 'manual', typedFields: ['company'] });
  await api('note.add', { targetType: 'contact', targetId: grace.id, text: 'Met at the conference' });
  await api('interaction.log', { contactId: grace.id, kind: 'call', date: '2026-01-15', note: 'Call about COBOL' });
}

type UserView = { id: number; company: string | null; position: string | null; name: string; relationships: string[]; tags: string[]; userFields: string[] };
function userView(c: Contact): UserView {
  const mine = new Set(c.userFields);
  return {
    id: c.id, name: c.name, relationships: c.relationships, tags: c.tags, userFields: c.userFields,
    company: mine.has('company') ? c.company : null, position: mine.has('position') ? c.position : null,
  };
}

const refusals = new Set<string>();
const totals = { files: 0, problems: 0, batches: 0, refusedBatches: 0, rows: 0 };
afterAll(() => {
  console.log(`[fuzz] import: ${totals.files} mutated files (${totals.problems} refused as a whole), ${totals.batches} batches (${totals.refusedBatches} refused whole), ${totals.rows} rows sent`);
  if (refusals.size) console.log(`[fuzz] import: batches were refused with: ${[...refusals].join(' | ')}`);
});

describe('import path under mutated Connections.csv files', () => {
  it('never throws, writes whole batches only, keeps what the user wrote, reports what it skipped', async () => {
    const { seed, numRuns } = fuzzConfig('import', 30);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: CORPUS.length - 1 }),
          fc.array(edit, { minLength: 1, maxLength: 6 }),
          fc.integer({ min: 25, max: 400 }),
          fc.boolean(),
          async (which, edits, batchSize, twice) => {
            totals.files++;
            const text = applyEdits(CORPUS[which]!, edits);
            const db = freshDb('fuzz-import');
            try {
              await seedUserWork(db);
              const userBefore = new Map((await db.contacts.toArray()).map((c) => [c.id, userView(c)]));
              const notesBefore = await db.notes.toArray();
              const interactionsBefore = await db.interactions.toArray();

              let prepared: Awaited<ReturnType<typeof prepareImport>>;
              const existing = await db.contacts.toArray();
              try {
                prepared = await prepareImport(text, existing);
              } catch (err) {
                throw new Error(`prepareImport threw: ${String(err)}`);
              }
              if ('problem' in prepared) {
                totals.problems++;
                expect(prepared.problem.length, 'a refused file says why').toBeGreaterThan(10);
                return;
              }
              const parsed = parseConnectionsCsv(text);
              expect(prepared.preview.counts.skipped, 'the preview reports the rows LinkedIn left nameless').toBe(parsed.skipped);
              const { counts } = prepared.preview;
              expect(counts.new + counts.updated + counts.unchanged + counts.duplicates).toBe(parsed.rows.length);
              const rows = Array.from({ length: prepared.preview.batches }, (_, i) => prepared.batch(i)).flat();
              expect(rows.length).toBe(prepared.preview.total);

              for (let pass = 0; pass < (twice ? 2 : 1); pass++) {
                const start = await handleApiMessage({ type: MSG.UI_API_CALL, op: 'import.start', input: { fileName: 'Connections.csv', total: rows.length } }, 'extension', { db });
                expect(badShape(start)).toBeNull();
                if (!start.ok) throw new Error(`import.start refused: ${start.error.message}`);
                const runId = (start.data as { id: number }).id;
                let created = 0;
                for (let i = 0; i < rows.length; i += batchSize) {
                  const batch = rows.slice(i, i + batchSize);
                  totals.batches++;
                  totals.rows += batch.length;
                  const before = await snapshot(db);
                  const res = await handleApiMessage({ type: MSG.UI_API_CALL, op: 'import.batch', input: { runId, rows: batch } }, 'extension', { db });
                  const problem = badShape(res);
                  if (problem) throw new Error(`import.batch: ${problem}`);
                  if (!res.ok) {
                    totals.refusedBatches++;
                    refusals.add(res.error.message);
                    if (res.error.code === 'internal') throw new Error(`import.batch crashed: ${res.error.message}`);
                    expect(await snapshot(db), 'a refused batch wrote nothing').toEqual(before);
                    // prepareImport makes every row fit: a refused batch would stop the user's import.
                    throw new Error(`a prepared batch was refused: ${res.error.message}`);
                  }
                  const r = res.data as { created: number; updated: number; unchanged: number; duplicates: number };
                  expect(r.created + r.updated + r.unchanged + r.duplicates, 'every row of the batch is accounted for').toBe(batch.length);
                  expect(await db.contacts.count()).toBe(before.contacts!.length + r.created);
                  created += r.created;
                }
                const fin = await handleApiMessage({ type: MSG.UI_API_CALL, op: 'import.finish', input: { runId, status: 'done' } }, 'extension', { db });
                expect(fin.ok).toBe(true);
                if (pass === 1) expect(created, 'importing the same file again duplicates nobody').toBe(0);
              }

              // What the user wrote is untouched.
              for (const [id, mine] of userBefore) {
                const now = await db.contacts.get(id);
                expect(now, `contact ${id} still exists`).toBeDefined();
                expect(userView(now!)).toEqual(mine);
              }
              expect(await db.notes.toArray()).toEqual(notesBefore);
              expect(await db.interactions.toArray()).toEqual(interactionsBefore);
              const bad = await invalidRows(db);
              if (bad.length) throw new Error(`the import stored records that break their schema: ${bad.slice(0, 3).join('; ')}`);
              const slugs = (await db.contacts.toArray()).map((c) => c.slug).filter(Boolean);
              expect(new Set(slugs).size, 'one contact per LinkedIn profile').toBe(slugs.length);
            } finally {
              db.close();
            }
          },
        ),
        { seed, numRuns },
      );
      expect(errors.mock.calls.filter((c) => String(c[0]).includes('[rapport]')), 'the server logged crashes').toEqual([]);
    } finally {
      errors.mockRestore();
    }
  }, 300_000);
});
