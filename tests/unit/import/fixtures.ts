// Paths shared by the import tests (not a test file itself).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Invented fixtures, committed with the project. */
export const INVENTED_CSV_DIR = path.resolve(PROJECT_ROOT, 'tests/fixtures/csv');
/** Real exports (real people's data): read in place from the shared checkout beside the project. */
export const SHARED_CSV_DIR = path.resolve(PROJECT_ROOT, '../shared/fixtures/csv');
export const SHARED_CSV_EXISTS = fs.existsSync(SHARED_CSV_DIR);

export function readInvented(name: string): string {
  return fs.readFileSync(path.join(INVENTED_CSV_DIR, name), 'utf8');
}

export function readShared(relative: string): string {
  return fs.readFileSync(path.join(SHARED_CSV_DIR, relative), 'utf8');
}
