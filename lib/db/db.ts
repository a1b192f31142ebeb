/**
 * The Dexie database. It lives in the extension's origin: the background service worker owns every
 * write; extension pages (popup, options, side panel) may read it with `useLiveQuery`. Content
 * scripts never import this module (their IndexedDB would be linkedin.com's).
 *
 * Schema changes are new entries in SCHEMA_VERSIONS, never edits of old ones (Dexie's declarative
 * versions): each entry gives the full store list for that version and, when records must be
 * transformed, an `upgrade()` that Dexie runs inside the version-change transaction.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type {
  Activity, Contact, Goal, Group, ImportRun, Interaction, Note, RapportEvent, Reminder, Settings,
} from './schema';

export const DB_NAME = 'rapport';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const SCHEMA_VERSIONS: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // slug is the identity (unique; contacts imported without a URL have none and are not indexed);
      // nameLower serves case-insensitive prefix search; tags and relationships are multi-entry.
      contacts: '++id, &slug, nameLower, *tags, *relationships, nextFollowUp, lastInteraction, status, connectedOn, updatedAt',
      groups: '++id, &groupId, name',
      events: '++id, date, name',
      notes: '++id, [targetType+targetId], updatedAt',
      interactions: '++id, [contactId+date], date',
      activities: '++id, [kind+date], date, contactId, interactionId, reminderId',
      goals: '++id',
      reminders: '++id, due, contactId, [state+due]',
      settings: 'key',
      imports: '++id, startedAt',
    },
  },
  {
    // Version 2 drops the indexes no query uses (every index entry is written on each put and
    // stored on disk: a 30k-contact import wrote ~5 index entries per contact for nothing).
    // Dropped: contacts relationships/lastInteraction/status/connectedOn/updatedAt (the manager
    // filters and sorts those in memory), notes updatedAt, interactions date (queries use
    // [contactId+date]), activities reminderId, events name, reminders due (queries use
    // [state+due]). Records are unchanged, so no upgrade() is needed.
    version: 2,
    stores: {
      contacts: '++id, &slug, nameLower, *tags, nextFollowUp',
      groups: '++id, &groupId, name',
      events: '++id, date',
      notes: '++id, [targetType+targetId]',
      interactions: '++id, [contactId+date]',
      activities: '++id, [kind+date], date, contactId, interactionId',
      goals: '++id',
      reminders: '++id, contactId, [state+due]',
      settings: 'key',
      imports: '++id, startedAt',
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
export const TABLES = Object.keys(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.stores) as TableName[];

export type TableName =
  | 'contacts' | 'groups' | 'events' | 'notes' | 'interactions' | 'activities' | 'goals'
  | 'reminders' | 'settings' | 'imports';

export type RapportDB = Dexie & {
  contacts: EntityTable<Contact, 'id'>;
  groups: EntityTable<Group, 'id'>;
  events: EntityTable<RapportEvent, 'id'>;
  notes: EntityTable<Note, 'id'>;
  interactions: EntityTable<Interaction, 'id'>;
  activities: EntityTable<Activity, 'id'>;
  goals: EntityTable<Goal, 'id'>;
  reminders: EntityTable<Reminder, 'id'>;
  settings: EntityTable<{ key: 'settings'; value: Settings }, 'key'>;
  imports: EntityTable<ImportRun, 'id'>;
};

/** Opens (lazily) a Rapport database with the given version history. */
export function createDb(name = DB_NAME, versions: SchemaVersion[] = SCHEMA_VERSIONS): RapportDB {
  const db = new Dexie(name, { autoOpen: true }) as RapportDB;
  for (const v of versions) {
    const version = db.version(v.version).stores(v.stores);
    if (v.upgrade) version.upgrade(v.upgrade);
  }
  return db;
}

let shared: RapportDB | null = null;
/**
 * The one database of this extension context. A connection the browser closes (another version
 * opening it, storage cleared) is reopened by Dexie itself; one that was closed for good
 * (`close()`) or failed to open (e.g. a transient "backing store" error) is replaced here, so the
 * next call opens the database again instead of failing until the worker restarts.
 */
export function getDb(): RapportDB {
  if (!shared || shared.hasFailed()) shared = createDb(shared?.name ?? DB_NAME);
  return shared;
}
/** Tests only: swap the shared database (e.g. a fresh one per test). */
export function setDbForTests(db: RapportDB | null): void {
  shared = db;
}
