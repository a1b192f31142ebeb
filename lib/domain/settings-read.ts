/**
 * Reading the settings without zod, for pages that only read them (the toolbar popup; goal progress
 * and the share-expertise schedule use it too). The result is exactly what lib/domain/settings.ts's
 * zod-validated `mergeSettings` gives (tests/unit/goals/settings-read.test.ts compares the two):
 * the stored value over the defaults, only known keys, trimmed custom relationships; anything that
 * does not pass `settingsSchema` gives the defaults. Writes still go through the API and its schema.
 */
import type { RapportDB } from '../db/db';
import { DEFAULT_SETTINGS } from '../db/constants';
import type { Settings } from '../db/schema';

/** The user's settings, with defaults for anything not stored yet (or stored by an older version). */
export async function readSettingsLite(db: Pick<RapportDB, 'settings'>): Promise<Settings> {
  const row = await db.settings.get('settings');
  return settingsFromStored(row?.value);
}

/** `mergeSettings` (lib/domain/settings.ts) without zod: the same result for every input. */
export function settingsFromStored(stored: unknown): Settings {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS, ...(typeof stored === 'object' && stored ? stored : {}) };
  return checkSettings(merged) ?? DEFAULT_SETTINGS;
}

class Invalid extends Error {}
const fail = (): never => { throw new Invalid(); };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const bool = (v: unknown): boolean => (typeof v === 'boolean' ? v : fail());
/** z.number() (finite) with .int() (safe integer), .min and .max. */
const int = (v: unknown, min: number, max: number): number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max ? v : fail();
const finite = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : fail());
const oneOf = <T extends string>(v: unknown, values: readonly T[]): T => (values.includes(v as T) ? (v as T) : fail());
/** z.string() with .min and .max, which count Unicode code points (zod 4.6), not UTF-16 units. */
const str = (v: unknown, min: number, max: number): string => {
  if (typeof v !== 'string') return fail();
  const n = v.length > max || v.length < min * 2 ? codePoints(v) : v.length;
  return n >= min && n <= max ? v : fail();
};
const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};
const array = <T>(v: unknown, max: number, item: (x: unknown) => T): T[] =>
  Array.isArray(v) && v.length <= max ? Array.from(v, item) : fail();

function checkSettings(v: Record<string, unknown>): Settings | null {
  try {
    const share = isObject(v.shareExpertise) ? v.shareExpertise : fail();
    const notifications = isObject(v.notifications) ? v.notifications : fail();
    const cadence = isPlainObject(v.cadenceByRelationship) ? v.cadenceByRelationship : fail();
    const cadenceByRelationship: Record<string, number> = {};
    for (const key of Reflect.ownKeys(cadence)) {
      if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(cadence, key)) continue;
      if (typeof key !== 'string') fail();
      cadenceByRelationship[key as string] = int(cadence[key as string], 1, 3650);
    }
    const time = str(notifications.time, 0, Infinity);
    if (!/^\d{2}:\d{2}$/.test(time)) fail();
    return {
      weekStart: int(v.weekStart, 0, 6),
      panelPlacement: oneOf(v.panelPlacement, ['page', 'sidepanel'] as const),
      placementChosen: bool(v.placementChosen),
      panelSide: oneOf(v.panelSide, ['right', 'left'] as const),
      panelCollapsed: bool(v.panelCollapsed),
      cadenceByRelationship,
      defaultCadenceDays: v.defaultCadenceDays === null ? null : int(v.defaultCadenceDays, 1, 3650),
      // `relationship` in the schema: trimmed, then 1–60 characters.
      customRelationships: array(v.customRelationships, 100, (x) => str(typeof x === 'string' ? x.trim() : x, 1, 60)),
      shareExpertise: {
        enabled: bool(share.enabled),
        weekdays: array(share.weekdays, 7, (x) => int(x, 0, 6)),
        prompts: array(share.prompts, 50, (x) => str(x, 1, 300)),
      },
      notifications: { enabled: bool(notifications.enabled), time },
      starterGoalsOffered: bool(v.starterGoalsOffered),
      lastBackupAt: v.lastBackupAt === null ? null : finite(v.lastBackupAt),
    };
  } catch (err) {
    if (err instanceof Invalid) return null;
    throw err;
  }
}

/** What z.record accepts (zod's isPlainObject). */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (!isObject(v)) return false;
  const ctor = v.constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const proto: unknown = ctor.prototype;
  return isObject(proto) && Object.prototype.hasOwnProperty.call(proto, 'isPrototypeOf');
}
