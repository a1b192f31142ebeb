/**
 * Rapport's backup file: every table, as JSON.
 *
 *   { "format": "rapport-backup", "schemaVersion": 1, "exportedAt": "2026-…Z",
 *     "tables": { "contacts": [...], "groups": [...], ..., "settings": [...], "imports": [...] } }
 *
 * A file is checked completely (zod, strict records, unique keys) before anything is written; every
 * problem becomes one plain sentence starting "This file is not a Rapport backup: …" (or "… cannot
 * be restored: …" for a real backup Rapport cannot use).
 */
import { z } from 'zod';
import { CURRENT_SCHEMA_VERSION, TABLES, foldConnectionActivities, type RapportDB, type TableName } from '../db/db';
import {
  activitySchema, contactSchema, eventSchema, goalSchema, groupSchema, importRunSchema, interactionSchema,
  noteSchema, reminderSchema, settingsRowSchema, type Activity, type Contact, type Goal, type Group, type ImportRun,
  type Interaction, type Note, type RapportEvent, type Reminder, type Settings,
} from '../db/schema';

export const BACKUP_FORMAT = 'rapport-backup';
/** Larger files are refused before parsing (a 30 000-contact backup with notes is ~30 MB). */
export const MAX_BACKUP_CHARS = 256 * 1024 * 1024;
/** At most this many records per table. */
export const MAX_RECORDS = 500_000;

export interface BackupTables {
  contacts: Contact[];
  groups: Group[];
  events: RapportEvent[];
  notes: Note[];
  interactions: Interaction[];
  activities: Activity[];
  goals: Goal[];
  reminders: Reminder[];
  settings: { key: 'settings'; value: Settings }[];
  imports: ImportRun[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  tables: BackupTables;
}

const list = <T extends z.ZodType>(s: T) => z.array(s).max(MAX_RECORDS);

/** Records are strict: a key Rapport does not write means the file is not what it claims. */
const tablesSchema = z.strictObject({
  contacts: list(contactSchema.strict()),
  groups: list(groupSchema.strict()),
  events: list(eventSchema.strict()),
  notes: list(noteSchema.strict()),
  interactions: list(interactionSchema.strict()),
  activities: list(activitySchema.strict()),
  goals: list(goalSchema.strict()),
  reminders: list(reminderSchema.strict()),
  settings: list(settingsRowSchema.strict()).max(1),
  imports: list(importRunSchema.strict()),
});

const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().int().positive(),
  exportedAt: z.string().max(100),
  tables: tablesSchema,
});

export const NOT_A_BACKUP = 'This file is not a Rapport backup';

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; message: string };

/** Parses and checks a whole backup file. Never throws. */
export function parseBackup(text: unknown): ParsedBackup {
  const no = (why: string): ParsedBackup => ({ ok: false, message: `${NOT_A_BACKUP}: ${why}` });
  if (typeof text !== 'string') return no('no file contents were given.');
  if (text.length > MAX_BACKUP_CHARS) return no(`it is larger than ${MAX_BACKUP_CHARS / 1024 / 1024} MB.`);
  if (!text.trim()) return no('the file is empty.');
  // Keys that could reach an object's prototype have no business in a backup.
  if (/"(__proto__|constructor|prototype)"\s*:/.test(text)) return no('it contains a key ("__proto__", "constructor" or "prototype") that Rapport never writes.');
  let data: unknown;
  let forbiddenKey = false;
  try {
    // A key can also be written with escapes ("\u005f_proto__"); only then is the slower check needed.
    data = /\\u/i.test(text)
      ? JSON.parse(text, (key, value: unknown) => {
          if (key === '__proto__' || key === 'constructor' || key === 'prototype') forbiddenKey = true;
          return value;
        })
      : JSON.parse(text);
  } catch {
    return no('it is not valid JSON (perhaps it was cut off or edited).');
  }
  if (forbiddenKey) return no('it contains a key ("__proto__", "constructor" or "prototype") that Rapport never writes.');
  if (!data || typeof data !== 'object' || Array.isArray(data)) return no('it does not hold a backup object.');
  const obj = data as Record<string, unknown>;
  if (obj.format !== BACKUP_FORMAT) {
    return no(typeof obj.format === 'string' ? `its format is "${clip(obj.format)}", not "${BACKUP_FORMAT}".` : `it has no "format": "${BACKUP_FORMAT}" marker.`);
  }
  if (typeof obj.schemaVersion !== 'number' || !Number.isInteger(obj.schemaVersion)) return no('it has no schema version.');
  if (obj.schemaVersion > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      message: `This backup cannot be restored: it was made by a newer version of Rapport (data version ${obj.schemaVersion}; this one reads up to ${CURRENT_SCHEMA_VERSION}). Update Rapport, then try again.`,
    };
  }
  if (obj.schemaVersion < 1) return no(`its schema version ${obj.schemaVersion} does not exist.`);
  const tables = obj.tables;
  if (!tables || typeof tables !== 'object' || Array.isArray(tables)) return no('it has no "tables".');
  const missing = TABLES.filter((t) => !Array.isArray((tables as Record<string, unknown>)[t]));
  if (missing.length) return no(`the ${missing.join(', ')} ${missing.length === 1 ? 'table is' : 'tables are'} missing.`);

  const parsed = backupSchema.safeParse(data);
  if (!parsed.success) return no(describeIssue(parsed.error));
  const backup = parsed.data as Backup;
  const dup = findDuplicateKeys(backup.tables);
  if (dup) return no(dup);
  return { ok: true, backup: foldOldConnections(backup) };
}

/**
 * A backup made before schema version 3 holds one 'new-connection' activity per connected contact;
 * version 3 keeps that date on the contact only (`foldConnectionActivities`, as the upgrade does).
 */
function foldOldConnections(backup: Backup): Backup {
  const { contacts, activities } = backup.tables;
  const { contacts: changed, dropIds } = foldConnectionActivities(contacts, activities);
  if (!dropIds.length) return backup;
  const byId = new Map(changed.map((c) => [c.id, c]));
  const drop = new Set(dropIds);
  return {
    ...backup,
    tables: {
      ...backup.tables,
      contacts: contacts.map((c) => byId.get(c.id) ?? c),
      activities: activities.filter((a) => !drop.has(a.id)),
    },
  };
}

function clip(s: string): string {
  return s.length > 40 ? s.slice(0, 40) + '…' : s;
}

const TABLE_NOUN: Record<TableName, string> = {
  contacts: 'contact', groups: 'group', events: 'event', notes: 'note', interactions: 'interaction',
  activities: 'activity', goals: 'goal', reminders: 'reminder', settings: 'settings record', imports: 'import record',
};

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'its contents are not what Rapport writes.';
  const path = issue.path.map(String);
  let where = '';
  if (path[0] === 'tables' && path[1] && path[2] !== undefined) {
    const noun = TABLE_NOUN[path[1] as TableName] ?? path[1];
    const field = path.slice(3).join('.');
    where = `${noun} #${Number(path[2]) + 1}${field ? ` (field "${field}")` : ''}`;
  } else if (path.length) {
    where = `"${path.join('.')}"`;
  }
  let what: string;
  if (issue.code === 'unrecognized_keys') what = `has unexpected ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((k) => `"${clip(k)}"`).join(', ')}`;
  else if (issue.code === 'too_big' && issue.origin === 'string') what = `has a text longer than ${issue.maximum} characters`;
  else if (issue.code === 'too_big' && issue.origin === 'array') what = `has more than ${issue.maximum} entries`;
  else if (issue.code === 'invalid_type') what = `has a wrong type (expected ${issue.expected})`;
  else what = `is invalid (${issue.message})`;
  return where ? `${where} ${what}.` : `the file ${what}.`;
}

function findDuplicateKeys(t: BackupTables): string | null {
  const checks: Array<[TableName, Array<number | string>]> = [
    ['contacts', t.contacts.map((r) => r.id)], ['groups', t.groups.map((r) => r.id)], ['events', t.events.map((r) => r.id)],
    ['notes', t.notes.map((r) => r.id)], ['interactions', t.interactions.map((r) => r.id)],
    ['activities', t.activities.map((r) => r.id)], ['goals', t.goals.map((r) => r.id)],
    ['reminders', t.reminders.map((r) => r.id)], ['imports', t.imports.map((r) => r.id)],
  ];
  for (const [table, ids] of checks) {
    if (new Set(ids).size !== ids.length) return `two ${table} share the same id.`;
  }
  const slugs = t.contacts.map((c) => c.slug).filter((s): s is string => !!s);
  if (new Set(slugs).size !== slugs.length) return 'two contacts share the same LinkedIn profile.';
  const groupIds = t.groups.map((g) => g.groupId);
  if (new Set(groupIds).size !== groupIds.length) return 'two groups share the same LinkedIn group.';
  return null;
}

/** Reads every table into a backup object (call inside a read transaction for a consistent copy). */
export async function buildBackup(db: RapportDB, now: Date): Promise<Backup> {
  const tables = {} as Record<TableName, unknown[]>;
  await db.transaction('r', TABLES.map((t) => db.table(t)), async () => {
    const all = await Promise.all(TABLES.map((t) => db.table(t).toArray()));
    TABLES.forEach((t, i) => { tables[t] = all[i]!; });
  });
  return { format: BACKUP_FORMAT, schemaVersion: CURRENT_SCHEMA_VERSION, exportedAt: now.toISOString(), tables: tables as unknown as BackupTables };
}

export function backupFileName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `rapport-backup-${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}.json`;
}

export const BACKUP_REMINDER_DAYS = 30;

/** True when the last backup is over 30 days old, or there has never been one. */
export function backupDue(lastBackupAt: number | null | undefined, now: number | Date): boolean {
  const t = typeof now === 'number' ? now : now.getTime();
  if (lastBackupAt == null) return true;
  return t - lastBackupAt > BACKUP_REMINDER_DAYS * 86_400_000;
}
