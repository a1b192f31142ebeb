/**
 * The wire form of a batch of rows for `import.batch`: ONE JSON string of 8-tuples, made by the
 * import worker. A string crosses `runtime.sendMessage` without the page touching each row (5 000
 * row objects take the page's main thread longer than a 50 ms task to hand over), and the
 * background reads it with one `JSON.parse`. Zod-free: the worker and the page use it.
 */
import type { ConnectionRow } from './connections-csv';

/** The order of a packed row's values. */
export const PACKED_ROW_FIELDS = ['firstName', 'lastName', 'slug', 'profileUrl', 'email', 'company', 'position', 'connectedOn'] as const;

export function packRows(rows: readonly ConnectionRow[]): string {
  return JSON.stringify(rows.map((r) => [r.firstName, r.lastName, r.slug, r.profileUrl, r.email, r.company, r.position, r.connectedOn]));
}

/**
 * The rows of a packed batch as objects (not yet checked: `import.batch` checks every value), or a
 * description of what is wrong with the string itself.
 */
export function unpackRows(packed: string): Record<string, unknown>[] | { problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(packed);
  } catch {
    return { problem: 'the rows are not readable (broken JSON)' };
  }
  if (!Array.isArray(data)) return { problem: 'the rows are not a list' };
  const out: Record<string, unknown>[] = new Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const t: unknown = data[i];
    if (!Array.isArray(t) || t.length !== PACKED_ROW_FIELDS.length) return { problem: `row ${i} does not have ${PACKED_ROW_FIELDS.length} values` };
    out[i] = { firstName: t[0], lastName: t[1], slug: t[2], profileUrl: t[3], email: t[4], company: t[5], position: t[6], connectedOn: t[7] };
  }
  return out;
}
