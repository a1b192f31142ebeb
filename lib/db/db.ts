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
import { compactStorage } from './compact';
import { writeWatch } from './write-watch';
import type {
  Activity, Contact, Goal, Group, ImportRun, Interaction, Note, RapportEvent, Reminder, Settings,
} from './schema';

import { DB_NAME } from './constants';

export { DB_NAME };

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
  {
    // Version 3: a connection is a fact about the contact (`connectedOn`), not a record of its own.
    // Version 2 wrote one 'new-connection' activity per connected contact: a 30k import wrote 60k
    // records (IndexedDB pays per record). Goals and the chart now count contacts by the new
    // `connectedOn` index; the upgrade folds each contact's 'new-connection' activity into it
    // (`foldConnectionActivities`). Activities of that kind without a contact stay.
    // It also drops the activities' `date` index (the popup's chart counts per kind with
    // [kind+date]) and `interactionId` (an interaction's activities are found by its contact).
    version: 3,
    stores: {
      contacts: '++id, &slug, nameLower, *tags, nextFollowUp, connectedOn',
      groups: '++id, &groupId, name',
      events: '++id, date',
      notes: '++id, [targetType+targetId]',
      interactions: '++id, [contactId+date]',
      activities: '++id, [kind+date], contactId',
      goals: '++id',
      reminders: '++id, contactId, [state+due]',
      settings: 'key',
      imports: '++id, startedAt',
    },
    async upgrade(tx) {
      const acts = await tx.table('activities').where('[kind+date]').between(['new-connection', ''], ['new-connection', '\uffff'], true, true).toArray();
      const bound = (acts as Activity[]).filter((a) => a.contactId != null);
      if (!bound.length) return;
      const contacts = tx.table('contacts');
      const owners = (await contacts.bulkGet([...new Set(bound.map((a) => a.contactId!))])) as Array<Contact | undefined>;
      const { contacts: changed, dropIds } = foldConnectionActivities(owners.filter((c): c is Contact => !!c), bound);
      if (changed.length) await contacts.bulkPut(changed);
      await tx.table('activities').bulkDelete(dropIds);
    },
  },
  {
    // Version 4 drops the activities' `contactId` index: one entry per activity (≈ 0.5 MB of the
    // 30k benchmark database) for two rare reads, which now find a contact's activities otherwise
    // (`activitiesOf`, `interactionActivities` in lib/db/activity-lookup.ts). Without an index on
    // any of their fields but `kind` and `date`, activities are stored packed (lib/db/compact.ts).
    // Records are unchanged (the old, unpacked form reads the same), so no upgrade() is needed;
    // a record is packed the next time it is written.
    version: 4,
    stores: {
      contacts: '++id, &slug, nameLower, *tags, nextFollowUp, connectedOn',
      groups: '++id, &groupId, name',
      events: '++id, date',
      notes: '++id, [targetType+targetId]',
      interactions: '++id, [contactId+date]',
      activities: '++id, [kind+date]',
      goals: '++id',
      reminders: '++id, contactId, [state+due]',
      settings: 'key',
      imports: '++id, startedAt',
    },
  },
];

/**
 * Folds 'new-connection' activities tied to a contact into the contact (schema version 3): a
 * contact without a `connectedOn` takes its earliest such activity's date. Returns the contacts
 * that changed and the ids of the activities to drop (all contact-bound 'new-connection' ones,
 * also those whose contact is gone: a connection counts only while its contact is kept).
 * Used by the version-3 upgrade and by restoring an older backup.
 */
export function foldConnectionActivities<C extends Pick<Contact, 'id' | 'connectedOn'>>(
  contacts: readonly C[],
  activities: readonly Pick<Activity, 'id' | 'kind' | 'contactId' | 'date'>[],
): { contacts: C[]; dropIds: number[] } {
  const earliest = new Map<number, string>();
  const dropIds: number[] = [];
  for (const a of activities) {
    if (a.kind !== 'new-connection' || a.contactId == null) continue;
    dropIds.push(a.id);
    const d = earliest.get(a.contactId);
    if (d === undefined || a.date < d) earliest.set(a.contactId, a.date);
  }
  const changed: C[] = [];
  for (const c of contacts) {
    const d = earliest.get(c.id);
    if (d !== undefined && !c.connectedOn) changed.push({ ...c, connectedOn: d });
  }
  return { contacts: changed, dropIds };
}

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
  db.use(compactStorage); // default-valued fields are not stored (lib/db/compact.ts)
  db.use(writeWatch); // the background hears of each write before it is made (lib/db/write-watch.ts)
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
