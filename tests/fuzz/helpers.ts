/**
 * Shared by the fuzz targets and the reliability tests: seeds that can be replayed, a fresh
 * database with invented data, and a full snapshot of every table to prove "nothing changed".
 */
import { MSG } from '../../lib/api/messages';
import { handleApiMessage } from '../../lib/api/server';
import { TABLES, createDb, type RapportDB } from '../../lib/db/db';
import type { ApiResult } from '../../lib/api/messages';
import {
  activitySchema, contactSchema, eventSchema, goalSchema, groupSchema, importRunSchema, interactionSchema, noteSchema,
  reminderSchema, settingsRowSchema,
} from '../../lib/db/schema';
import type { z } from 'zod';

/** `FUZZ_SEED=… FUZZ_RUNS=… npx vitest run tests/fuzz/<file>` replays a failure. */
export function fuzzConfig(target: string, defaultRuns: number): { seed: number; numRuns: number } {
  // CI replays a fixed seed (a red CI blocks everyone); local runs and `npm run fuzz` explore new ones.
  const seed = Number(process.env.FUZZ_SEED ?? (process.env.CI ? 20261126 : Date.now() % 2_147_483_647));
  const numRuns = Number(process.env.FUZZ_RUNS ?? defaultRuns);
  console.log(`[fuzz] ${target}: seed=${seed} numRuns=${numRuns} (replay: FUZZ_SEED=${seed} FUZZ_RUNS=${numRuns})`);
  return { seed, numRuns };
}

export const ERROR_CODES = ['invalid-input', 'forbidden', 'unknown-op', 'not-found', 'conflict', 'quota', 'internal'] as const;

export function freshDb(prefix = 'fuzz'): RapportDB {
  return createDb(`${prefix}-${crypto.randomUUID()}`);
}

export type Snapshot = Record<string, unknown[]>;

/** Every row of every table, in primary-key order (structured-cloned by IndexedDB). */
export async function snapshot(db: RapportDB): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const t of TABLES) out[t] = await db.table(t).toArray();
  return out;
}

export function apiCaller(db: RapportDB) {
  return async <T = any>(op: string, input: unknown, sender: 'content' | 'extension' = 'extension'): Promise<T> => {
    const res = await handleApiMessage({ type: MSG.UI_API_CALL, op, input }, sender, { db });
    if (!res.ok) throw new Error(`${op} failed: ${res.error.code}: ${res.error.message}`);
    return res.data as T;
  };
}

/** A realistic little network (invented people): contacts, notes, an interaction, a group, settings. */
export async function seedNetwork(db: RapportDB): Promise<void> {
  const api = apiCaller(db);
  const people = [
    { slug: 'mira-okafor-test', name: 'Mira Okafor', headline: 'Data engineer at Lumen', company: 'Lumen', degree: '1st' },
    { slug: 'tomas-lindqvist-test', name: 'Tomás Lindqvist', headline: 'Product lead', company: 'Nordhavn', degree: '2nd' },
    { slug: null, name: 'Priya Raman', company: 'Acme Labs', source: 'manual' },
  ];
  for (const p of people) {
    const { contact } = await api('contact.save', p);
    await api('note.add', { targetType: 'contact', targetId: contact.id, text: `Met ${p.name} at the meetup` });
  }
  await api('interaction.log', { contactId: 1, kind: 'message', date: '2026-01-05', note: 'Thanks for the intro' });
  await api('settings.update', { weekStart: 0 });
  await api('group.save', { groupId: '424242', name: 'Data Engineers Guild', memberCount: 1200, description: null, membership: 'member' });
}

/** Checks the shape every answer of the data API must have. Returns a problem, or null. */
export function badShape(res: unknown): string | null {
  if (!res || typeof res !== 'object') return 'answer is not an object';
  const r = res as ApiResult<unknown>;
  if (r.ok === true) return 'data' in r ? null : 'ok answer without data';
  if (r.ok !== false) return 'answer has no boolean ok';
  if (!r.error || typeof r.error !== 'object') return 'error answer without error';
  if (!(ERROR_CODES as readonly string[]).includes(r.error.code)) return `unknown error code ${String(r.error.code)}`;
  if (typeof r.error.message !== 'string' || r.error.message.trim().length < 5) return 'error without a readable message';
  return null;
}

const ROW_SCHEMAS: Record<string, z.ZodType> = {
  contacts: contactSchema, groups: groupSchema, events: eventSchema, notes: noteSchema, interactions: interactionSchema,
  activities: activitySchema, goals: goalSchema, reminders: reminderSchema, settings: settingsRowSchema, imports: importRunSchema,
};

/** Rows that break their own schema (a backup of them could not be restored): `table#id: problem`. */
export async function invalidRows(db: RapportDB): Promise<string[]> {
  const problems: string[] = [];
  for (const t of TABLES) {
    const schema = ROW_SCHEMAS[t];
    if (!schema) continue;
    for (const row of await db.table(t).toArray()) {
      const r = schema.safeParse(row);
      if (!r.success) problems.push(`${t}#${(row as { id?: unknown; key?: unknown }).id ?? (row as { key?: unknown }).key}: ${r.error.issues[0]?.path.join('.')} ${r.error.issues[0]?.message}`);
    }
  }
  return problems;
}
