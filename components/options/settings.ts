/** The user's settings for the options page's sections (validated with zod: not in the page's first script). */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/db/db';
import type { Settings } from '../../lib/db/schema';
import { mergeSettings } from '../../lib/domain/settings';

/** The user's settings (live), or undefined while loading. */
export function useSettings(): Settings | undefined {
  const row = useLiveQuery(async () => (await getDb().settings.get('settings')) ?? null, []);
  return row === undefined ? undefined : mergeSettings(row?.value);
}
