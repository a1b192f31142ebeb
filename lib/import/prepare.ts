/**
 * Reading a Connections.csv for import, in the options page (in a worker when available): parse,
 * plan against the stored contacts (read only), and serve the rows in batches for `import.batch`.
 */
import { getDb } from '../db/db';
import { describeCsvProblem, parseConnectionsCsv, type ConnectionRow } from './connections-csv';
import { IMPORT_BATCH_SIZE, planImport, type ExistingContact, type ImportCounts } from './apply';

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
}

export type ImportWorkerRequest = { type: 'prepare'; file: Blob } | { type: 'batch'; index: number };
export type ImportWorkerResponse =
  | { type: 'problem'; message: string }
  | { type: 'preview'; preview: ImportPreview }
  | { type: 'batch'; index: number; rows: ConnectionRow[] };

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
  const plan = planImport(parsed.rows, existing ?? (await readExisting()), { skipped: parsed.skipped });
  const rows = plan.actions.filter((a) => a.kind !== 'duplicate').map((a) => a.row);
  const batches = Math.ceil(rows.length / IMPORT_BATCH_SIZE);
  return {
    preview: {
      counts: plan.counts,
      total: rows.length,
      batches,
      problemCount: parsed.errors.length,
      problems: parsed.errors.slice(0, 5),
    },
    batch: (i) => rows.slice(i * IMPORT_BATCH_SIZE, (i + 1) * IMPORT_BATCH_SIZE),
  };
}
