import type { RapportDB } from '../db/db';
import { DEFAULT_SETTINGS, type Settings, settingsSchema } from '../db/schema';

/** The user's settings, with defaults for anything not stored yet (or stored by an older version). */
export async function readSettings(db: RapportDB): Promise<Settings> {
  const row = await db.settings.get('settings');
  return mergeSettings(row?.value);
}

export function mergeSettings(stored: unknown): Settings {
  const merged = { ...DEFAULT_SETTINGS, ...(typeof stored === 'object' && stored ? stored : {}) };
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function writeSettings(db: RapportDB, patch: Partial<Settings>): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    // A key sent as `undefined` (Firefox keeps them in messages) means "unchanged", not "erase".
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const next = settingsSchema.parse({ ...(await readSettings(db)), ...defined });
    await db.settings.put({ key: 'settings', value: next });
    return next;
  });
}
