/**
 * Backup, restore and export. The file's text travels as one string (cheap to send) and is parsed
 * and checked here, completely, before anything is written.
 */
import { z } from 'zod';
import { TABLES } from '../../db/db';
import { backupFileName, buildBackup, MAX_BACKUP_CHARS, parseBackup } from '../../backup/format';
import { previewRestore, restoreBackup } from '../../backup/restore';
import { writeSettings } from '../../domain/settings';
import { contactsToCsv } from '../../export/csv';
import { contactsToVCard } from '../../export/vcard';
import { defineOp } from '../define';
import { ApiError } from '../messages';

const tableName = z.enum(TABLES as [string, ...string[]]);
const counts = z.record(z.string(), z.number().int().nonnegative());
const fileText = z.string().max(MAX_BACKUP_CHARS, 'This file is too large to be a Rapport backup.');

function parseOrThrow(text: string) {
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new ApiError('invalid-input', parsed.message);
  return parsed.backup;
}

export const backupOps = {
  /** The whole database as a JSON backup file; records the time as the last backup. */
  'backup.export': defineOp({
    access: 'extension',
    writes: ['settings'],
    input: z.object({}).default({}),
    output: z.object({ fileName: z.string(), text: z.string(), counts }),
    async handler(_input, { db, now }) {
      const at = now();
      await writeSettings(db, { lastBackupAt: at.getTime() });
      const backup = await buildBackup(db, at);
      const c: Record<string, number> = {};
      for (const t of TABLES) c[t] = backup.tables[t].length;
      return { fileName: backupFileName(at), text: JSON.stringify(backup), counts: c };
    },
  }),

  /** Checks a backup file and says what restoring it would do. Writes nothing. */
  'backup.preview': defineOp({
    access: 'extension',
    input: z.object({ text: fileText }),
    output: z.object({
      exportedAt: z.string(),
      schemaVersion: z.number(),
      tables: z.array(z.object({ table: tableName, inFile: z.number(), stored: z.number(), added: z.number() })),
    }),
    async handler({ text }, { db }) {
      return previewRestore(db, parseOrThrow(text));
    },
  }),

  /**
   * Restores a backup in one transaction: `merge` adds what is missing and keeps everything
   * stored; `replace` makes the database exactly the backup. A bad file changes nothing.
   */
  'backup.restore': defineOp({
    access: 'extension',
    writes: [...TABLES],
    input: z.object({ text: fileText, mode: z.enum(['merge', 'replace']) }),
    output: z.object({ mode: z.enum(['merge', 'replace']), added: counts }),
    async handler({ text, mode }, { db }) {
      const backup = parseOrThrow(text);
      return { mode, added: await restoreBackup(db, backup, mode) };
    },
  }),

  /** Contacts (all, or the ids given) as a CSV or vCard file, with their notes. */
  'export.contacts': defineOp({
    access: 'extension',
    input: z.object({
      format: z.enum(['csv', 'vcard3', 'vcard4']),
      ids: z.array(z.number().int().positive()).max(500_000).optional(),
    }),
    output: z.object({ fileName: z.string(), mime: z.string(), text: z.string(), count: z.number().int() }),
    async handler({ format, ids }, { db, now }) {
      const [contacts, notes] = await db.transaction('r', [db.contacts, db.notes], async () => {
        const cs = ids ? (await db.contacts.bulkGet(ids)).filter((c) => c !== undefined) : await db.contacts.toArray();
        const ns = await db.notes.where('[targetType+targetId]').between(['contact', 0], ['contact', Infinity]).toArray();
        return [cs, ns] as const;
      });
      contacts.sort((a, b) => a.name.localeCompare(b.name));
      const day = backupFileName(now()).slice('rapport-backup-'.length, -'.json'.length);
      if (format === 'csv') {
        return { fileName: `rapport-contacts-${day}.csv`, mime: 'text/csv;charset=utf-8', text: contactsToCsv(contacts, notes), count: contacts.length };
      }
      const version = format === 'vcard4' ? '4.0' : '3.0';
      return { fileName: `rapport-contacts-${day}.vcf`, mime: 'text/vcard;charset=utf-8', text: contactsToVCard(contacts, version, notes), count: contacts.length };
    },
  }),
};
