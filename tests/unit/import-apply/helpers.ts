import { createDb, type RapportDB } from '../../../lib/db/db';
import { handleApiMessage } from '../../../lib/api/server';
import { MSG } from '../../../lib/api/messages';
import type { SenderKind } from '../../../lib/api/define';
import type { ConnectionRow } from '../../../lib/import/connections-csv';

export function freshDb(): RapportDB {
  return createDb('test-' + crypto.randomUUID());
}

export const NOW = new Date(2026, 5, 15, 10, 0, 0);

export async function api<T = any>(db: RapportDB, op: string, input: unknown, sender: SenderKind = 'extension'): Promise<T> {
  const res = await handleApiMessage({ type: MSG.UI_API_CALL, op, input }, sender, { db, now: () => NOW });
  if (!res.ok) throw Object.assign(new Error(res.error.message), { code: res.error.code });
  return res.data as T;
}

export async function apiResult(db: RapportDB, op: string, input: unknown, sender: SenderKind = 'extension') {
  return handleApiMessage({ type: MSG.UI_API_CALL, op, input }, sender, { db, now: () => NOW });
}

/** An invented connection (nobody real). */
export function row(first: string, last: string, extra: Partial<ConnectionRow> = {}): ConnectionRow {
  const slug = extra.slug === undefined ? `${first}-${last}-example`.toLowerCase() : extra.slug;
  return {
    firstName: first,
    lastName: last,
    slug,
    profileUrl: slug ? `https://www.linkedin.com/in/${slug}` : null,
    email: null,
    company: 'Example Corp',
    position: 'Engineer',
    connectedOn: '2024-03-01',
    ...extra,
  };
}
