/**
 * Importing LinkedIn's Connections.csv. The options page parses and previews the file, then sends
 * the rows in batches: each `import.batch` is ONE transaction, so a service worker that dies
 * mid-import leaves whole batches only, and running the import again finishes it without
 * duplicates (every batch re-matches against what is stored). `db.imports` tracks each run.
 */
import { z } from 'zod';
import { importRunSchema, isoDate } from '../../db/schema';
import { applyImportBatch, rowName } from '../../import/apply';
import type { ConnectionRow } from '../../import/connections-csv';
import { unpackRows } from '../../import/packed-rows';
import { defineOp } from '../define';
import { ApiError } from '../messages';

const opt = (max: number) => z.string().max(max).nullable();

export const connectionRowSchema = z.object({
  firstName: z.string().max(300),
  lastName: z.string().max(300),
  slug: z.string().min(1).max(200).nullable(),
  profileUrl: opt(2000),
  email: opt(300),
  company: opt(300),
  position: opt(300),
  connectedOn: isoDate.nullable(),
}).refine((r) => (r.firstName + r.lastName).trim().length > 0, 'a row needs a name')
  // The contact's name is "first last": it must fit the contact's own limit, or its backup could not be restored.
  .refine((r) => rowName(r).length <= 300, 'a name longer than 300 characters');

/** At most this many rows per batch (the page sends IMPORT_BATCH_SIZE). */
export const MAX_BATCH_ROWS = 5000;
/** The longest packed batch: MAX_BATCH_ROWS rows of the longest values, escaped (under Chrome's 64 MiB message limit). */
export const MAX_PACKED_CHARS = 48 * 1024 * 1024;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/; // isoDate's rule
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isOptText = (v: unknown, max: number): v is string | null => v === null || isText(v, max);

/**
 * `connectionRowSchema`'s rules checked by hand (zod took ~10% of the service worker's time in a
 * 30 000-row import): the row with exactly its 8 fields, or null when a rule fails (the schema
 * then says which). Keep in step with the schema; tests/unit/import/batch-input.test.ts compares
 * the two.
 */
export function fastConnectionRow(r: unknown): ConnectionRow | null {
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return null;
  const { firstName, lastName, slug, profileUrl, email, company, position, connectedOn } = r as Record<string, unknown>;
  if (!isText(firstName, 300) || !isText(lastName, 300)) return null;
  if (!(slug === null || (typeof slug === 'string' && slug.length >= 1 && slug.length <= 200))) return null;
  if (!isOptText(profileUrl, 2000) || !isOptText(email, 300) || !isOptText(company, 300) || !isOptText(position, 300)) return null;
  if (!(connectedOn === null || (typeof connectedOn === 'string' && ISO_DAY.test(connectedOn)))) return null;
  const row: ConnectionRow = { firstName, lastName, slug, profileUrl, email, company, position, connectedOn };
  if (!(firstName + lastName).trim().length || rowName(row).length > 300) return null;
  return row;
}

/**
 * A batch's input: `rows` (objects), or `packed` (the same rows as one JSON string of 8-tuples,
 * lib/import/packed-rows.ts: what the options page sends). Every row is checked; the first bad
 * one is reported with zod's own message and path (`rows.12.connectedOn: …`).
 */
const batchInputSchema = z
  .object({
    runId: z.number().int().positive(),
    rows: z.array(z.custom<ConnectionRow>(() => true)).max(MAX_BATCH_ROWS).optional(),
    packed: z.string().max(MAX_PACKED_CHARS).optional(),
  })
  .transform(({ runId, rows, packed }, ctx) => {
    if ((rows === undefined) === (packed === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'expected the rows once: as a list (rows) or packed', path: ['rows'] });
      return z.NEVER;
    }
    const field = rows !== undefined ? 'rows' : 'packed';
    let raw: readonly unknown[];
    if (rows !== undefined) raw = rows;
    else {
      const unpacked = unpackRows(packed!);
      if (!Array.isArray(unpacked)) {
        ctx.addIssue({ code: 'custom', message: unpacked.problem, path: [field] });
        return z.NEVER;
      }
      if (unpacked.length > MAX_BATCH_ROWS) {
        ctx.addIssue({ code: 'custom', message: `at most ${MAX_BATCH_ROWS} rows per batch`, path: [field] });
        return z.NEVER;
      }
      raw = unpacked;
    }
    const out: ConnectionRow[] = new Array(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const row = fastConnectionRow(raw[i]);
      if (row) { out[i] = row; continue; }
      const checked = connectionRowSchema.safeParse(raw[i]);
      if (checked.success) { out[i] = checked.data; continue; } // (the hand check is never looser than the schema)
      const issue = checked.error.issues[0]!;
      ctx.addIssue({ code: 'custom', message: issue.message, path: [field, i, ...issue.path] });
      return z.NEVER;
    }
    return { runId, rows: out };
  });

/**
 * Runs this service worker is driving right now, with the time of their last batch. A run left
 * 'running' that is not here (the worker restarted) or has been silent for a while was interrupted.
 */
const liveRuns = new Map<number, number>();
const STALE_AFTER_MS = 2 * 60_000;

const batchResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  duplicates: z.number().int(),
  connections: z.number().int(),
  run: importRunSchema,
});

export const importOps = {
  /** Starts tracking an import run (the preview was accepted). */
  'import.start': defineOp({
    access: 'extension',
    writes: ['imports'],
    input: z.object({ fileName: z.string().max(500), total: z.number().int().nonnegative() }),
    output: importRunSchema,
    async handler({ fileName, total }, { db, now }) {
      const t = now().getTime();
      const run = { fileName, total, done: 0, created: 0, updated: 0, status: 'running' as const, startedAt: t, finishedAt: null };
      const id = await db.imports.add(run as never);
      liveRuns.set(id, t);
      return { ...run, id };
    },
  }),

  /** Writes one batch of rows in one transaction and advances the run. */
  'import.batch': defineOp({
    access: 'extension',
    writes: ['contacts', 'imports'],
    input: batchInputSchema,
    output: batchResultSchema,
    async handler({ runId, rows }, { db, now }) {
      return db.transaction('rw', [db.contacts, db.settings, db.imports], async () => {
        // The run is read alongside the batch's own reads (one round trip); nothing is written
        // when it is gone or stopped.
        const { checked: run, ...result } = await applyImportBatch(db, rows, now(), async () => {
          const run = await db.imports.get(runId);
          if (!run) throw new ApiError('not-found', 'This import is no longer tracked. Start it again; nothing will be duplicated.');
          if (run.status !== 'running') {
            throw new ApiError('conflict', 'This import was stopped. Start it again to finish; nothing will be duplicated.');
          }
          return run;
        });
        const next = {
          ...run,
          done: Math.min(run.total, run.done + rows.length),
          created: run.created + result.created,
          updated: run.updated + result.updated,
        };
        await db.imports.put(next);
        liveRuns.set(runId, now().getTime());
        return { ...result, run: next };
      });
    },
  }),

  /** Ends a run: done, cancelled by the user, or failed. */
  'import.finish': defineOp({
    access: 'extension',
    writes: ['imports'],
    input: z.object({ runId: z.number().int().positive(), status: z.enum(['done', 'cancelled', 'failed']) }),
    output: importRunSchema.nullable(),
    async handler({ runId, status }, { db, now }) {
      liveRuns.delete(runId);
      return db.transaction('rw', db.imports, async () => {
        const run = await db.imports.get(runId);
        if (!run) return null;
        const next = { ...run, status, finishedAt: now().getTime() };
        await db.imports.put(next);
        return next;
      });
    },
  }),

  /**
   * Marks runs a dead service worker (or a closed page) left 'running' as 'interrupted' and
   * returns the latest run, for the options page to explain.
   */
  'import.recover': defineOp({
    access: 'extension',
    input: z.object({}).default({}),
    output: z.object({ latest: importRunSchema.nullable(), interrupted: z.array(importRunSchema) }),
    async handler(_input, { db, now, notify }) {
      return db.transaction('rw', db.imports, async () => {
        const t = now().getTime();
        const running = await db.imports.filter((r) => r.status === 'running').toArray();
        const interrupted = [];
        for (const r of running) {
          const last = liveRuns.get(r.id);
          if (last !== undefined && t - last < STALE_AFTER_MS) continue;
          liveRuns.delete(r.id);
          const next = { ...r, status: 'interrupted' as const, finishedAt: t };
          await db.imports.put(next);
          interrupted.push(next);
        }
        if (interrupted.length) notify(['imports']);
        const latest = (await db.imports.orderBy('startedAt').last()) ?? null;
        return { latest, interrupted };
      });
    },
  }),
};

/** Tests: forget which runs this "worker" drives (as a restarted service worker would). */
export function forgetLiveImportRunsForTests(): void {
  liveRuns.clear();
}
