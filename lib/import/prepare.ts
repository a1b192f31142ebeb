/**
 * Reading a Connections.csv for import, in the options page (in a worker when available): parse,
 * plan against the stored contacts (read only), and serve the rows in batches for `import.batch`.
 */
import { getDb } from '../db/db';
import { describeCsvProblem, parseConnectionsCsv, type ConnectionRow } from './connections-csv';
import { IMPORT_BATCH_SIZE, orderForImport, planImport, type ExistingContact, type ImportCounts } from './apply';

export interface ImportPreview {
  counts: ImportCounts;
  /** Rows that will be sent (the file's people, each once). */
  total: number;
  batches: number;
  /** Lines with a problem (read anyway), and the first few of them. */
  problemCount: number;
  problems: { line: number; message: string }[];
}

export interface PreparedImport {
  preview: ImportPreview;
  batch(index: number): ConnectionRow[];
  /**
   * Puts the rows in the order they are sent (`orderForImport`), if not done yet. The preview does
   * not wait for it: the worker calls this right after posting the preview, while the page draws
   * it, and the first `batch` would do it otherwise.
   */
  order(): void;
}

/** `warm`: load and open the database before a file is chosen (nothing is read). */
export type ImportWorkerRequest = { type: 'warm' } | { type: 'prepare'; file: Blob } | { type: 'batch'; index: number };
export type ImportWorkerResponse =
  | { type: 'problem'; message: string }
  | { type: 'preview'; preview: ImportPreview }
  /** A batch as `import.batch` takes it (lib/import/packed-rows.ts), and how many rows it holds. */
  | { type: 'batch'; index: number; packed: string; count: number };

/** Opens the database (the worker does it while the user picks a file). */
export function warmUp(): Promise<unknown> {
  return getDb().open().catch(() => undefined);
}

async function readExisting(): Promise<ExistingContact[]> {
  return getDb().contacts.toArray((cs) =>
    cs.map(({ id, slug, name, nameLower, profileUrl, email, company, position, status, connectedOn, userFields }) => ({
      id, slug, name, nameLower, profileUrl, email, company, position, status, connectedOn, userFields,
    })),
  );
}

export async function prepareImport(
  text: string,
  existing?: readonly ExistingContact[],
): Promise<PreparedImport | { problem: string }> {
  const parsed = parseConnectionsCsv(text);
  const problem = describeCsvProblem(parsed);
  if (problem) return { problem };
  const fitted = parsed.rows.map((row) => fitRow(row, text));
  const shortened = fitted.filter((f) => f.problem).map((f) => f.problem!);
  const plan = planImport(fitted.map((f) => f.row), existing ?? (await readExisting()), { skipped: parsed.skipped });
  const planned = plan.actions.filter((a) => a.kind !== 'duplicate').map((a) => a.row);
  // Sorted, so that each batch covers a narrow range of the index the background looks it up in
  // (30k rows: ~60 ms, after the preview).
  let ordered: ConnectionRow[] | null = null;
  const rows = () => (ordered ??= orderForImport(planned));
  return {
    preview: {
      counts: plan.counts,
      total: planned.length,
      batches: Math.ceil(planned.length / IMPORT_BATCH_SIZE),
      problemCount: parsed.errors.length + shortened.length,
      problems: [...parsed.errors, ...shortened].slice(0, 5),
    },
    batch: (i) => rows().slice(i * IMPORT_BATCH_SIZE, (i + 1) * IMPORT_BATCH_SIZE),
    order: () => void rows(),
  };
}

/** The longest values `import.batch` stores (the contact's limits; a name is "first last"). */
const MAX_NAME_PART = 149;
const MAX_TEXT = 300;
const MAX_URL = 2000;
const MAX_SLUG = 200;

/**
 * A row whose values are longer than a contact can hold (a damaged or hostile file) would make the
 * whole batch be refused: shorten its text, drop a too-long e-mail or URL, and say so.
 */
function fitRow(row: ConnectionRow, text: string): { row: ConnectionRow; problem?: { line: number; message: string } } {
  // Every value LinkedIn writes fits (the path 30k rows take): nothing to copy.
  if (
    row.firstName.length <= MAX_NAME_PART && row.lastName.length <= MAX_NAME_PART
    && (row.company === null || row.company.length <= MAX_TEXT) && (row.position === null || row.position.length <= MAX_TEXT)
    && (row.email === null || row.email.length <= MAX_TEXT) && (row.profileUrl === null || row.profileUrl.length <= MAX_URL)
    && (row.slug === null || row.slug.length <= MAX_SLUG)
  ) return { row };
  const clip = (v: string, max: number) => (v.length > max ? v.slice(0, max - 1) + '…' : v);
  const next: ConnectionRow = {
    ...row,
    firstName: clip(row.firstName, MAX_NAME_PART),
    lastName: clip(row.lastName, MAX_NAME_PART),
    company: row.company === null ? null : clip(row.company, MAX_TEXT),
    position: row.position === null ? null : clip(row.position, MAX_TEXT),
    email: row.email !== null && row.email.length > MAX_TEXT ? null : row.email,
    profileUrl: row.profileUrl !== null && row.profileUrl.length > MAX_URL ? null : row.profileUrl,
    slug: row.slug !== null && (row.slug.length > MAX_SLUG || (row.profileUrl?.length ?? 0) > MAX_URL) ? null : row.slug,
  };
  const changed = (Object.keys(row) as (keyof ConnectionRow)[]).filter((k) => row[k] !== next[k]);
  if (!changed.length) return { row };
  const long = changed.map((k) => row[k] ?? '').sort((a, b) => b.length - a.length)[0]!;
  const at = text.indexOf(long.slice(0, 60));
  const line = at < 0 ? 1 : text.slice(0, at).split('\n').length;
  return { row: next, problem: { line, message: `a value was too long to be LinkedIn's (${changed.join(', ')}); it was shortened or left out.` } };
}
