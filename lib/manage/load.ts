/**
 * Reads every contact for the options page in name order, a chunk at a time, yielding to the
 * browser between chunks: at 30,000 contacts no single task deserialises more than a chunk, and the
 * first rows can be shown from the first chunk. Pages through the `nameLower` index by key (not by
 * offset), so each chunk is one `getAll`.
 *
 * The chunks are read with IndexedDB itself (on the connection Dexie opened), not through Dexie:
 * the list keeps a few fields of each record (`toListContact`), so Dexie's per-record work (a
 * promise chain per request, and the compact-storage middleware copying every record to put its
 * default fields back) would only make garbage; `toListContact` reads missing fields as their
 * stored default itself. At 30,000 contacts that is a third of the main-thread time of the load.
 */
import type { RapportDB } from '../db/db';
import type { Contact } from '../db/schema';
import STORED_DEFAULTS from '../db/stored-defaults.json' with { type: 'json' };
import type { ListContact } from './search';

export interface LoadOptions {
  /** Size of the first chunk (small, so the first rows show at once) and of the others. */
  first?: number;
  size?: number;
  /** Checked between chunks: true stops the load. */
  cancelled?: () => boolean;
  /** Awaited between chunks (e.g. until the user stops scrolling): holds the next read back. */
  pace?: () => Promise<void>;
}

const yieldToBrowser = () => new Promise<void>((r) => setTimeout(r, 0));

/** One `getAll` over the contacts' `nameLower` index, in a transaction of its own. */
async function readNames(db: RapportDB, range: IDBKeyRange | null, limit?: number): Promise<StoredContact[]> {
  if (!db.isOpen()) await db.open();
  const idb = db.backendDB();
  return new Promise((resolve, reject) => {
    const req = idb.transaction('contacts', 'readonly').objectStore('contacts').index('nameLower').getAll(range, limit);
    req.onsuccess = () => resolve(req.result as StoredContact[]);
    req.onerror = () => reject(req.error);
  });
}

/**
 * Calls `onChunk` with each chunk of contacts (what the list keeps of them), in `nameLower` order.
 * Resolves true when every chunk was read. A name is never split across chunks.
 */
export async function loadContactsInChunks(
  db: RapportDB, onChunk: (rows: ListContact[]) => void, { first = 300, size = 500, cancelled = () => false, pace }: LoadOptions = {},
): Promise<boolean> {
  let after: string | undefined; // every name up to this one (included) was delivered
  let limit = first;
  for (;;) {
    const rows = await readNames(db, after === undefined ? null : IDBKeyRange.lowerBound(after, true), limit);
    if (cancelled()) return false;
    if (rows.length < limit) {
      if (rows.length) onChunk(rows.map(toListContact));
      return true;
    }
    // The last name of the chunk may continue in the next one: hold its rows back and start there.
    const tail = rows[rows.length - 1]!.nameLower;
    let cut = rows.length;
    while (cut > 0 && rows[cut - 1]!.nameLower === tail) cut--;
    if (cut === 0) {
      // A whole chunk shares one name (only odd data does this): page through that name by offset.
      for (let skip = 0; ; skip += size) {
        const same = await db.contacts.where('nameLower').equals(tail).offset(skip).limit(size).toArray();
        if (cancelled()) return false;
        if (same.length) onChunk(same.map(toListContact));
        if (same.length < size) break;
        await yieldToBrowser();
      }
      after = tail;
    } else {
      onChunk(rows.slice(0, cut).map(toListContact));
      after = rows[cut - 1]!.nameLower;
    }
    limit = size;
    await yieldToBrowser();
    if (pace) await pace();
    if (cancelled()) return false;
  }
}

// ---------------------------------------------------------------- what the list keeps

/**
 * The same text read from another record is a new string, and an empty array is a new object: the
 * list keeps ONE of each value that many contacts share (days, statuses, tag and relationship
 * lists). Bounded, so a long session does not grow it without end.
 */
const shared = new Map<string, string>();
const sharedLists = new Map<string, string[]>();
const NONE: string[] = Object.freeze([]) as unknown as string[];

function one(s: string): string;
function one(s: string | null): string | null;
function one(s: string | null): string | null {
  if (s === null) return null;
  const got = shared.get(s);
  if (got !== undefined) return got;
  if (shared.size >= 20_000) shared.clear();
  shared.set(s, s);
  return s;
}

function oneList(list: string[]): string[] {
  if (!list.length) return NONE;
  const key = list.length === 1 ? list[0]! : list.join('\u0000');
  const got = sharedLists.get(key);
  if (got !== undefined) return got;
  if (sharedLists.size >= 20_000) sharedLists.clear();
  const copy = Object.freeze(list.map((x) => one(x))) as unknown as string[];
  sharedLists.set(key, copy);
  return copy;
}

/** A contact as IndexedDB holds it: the fields holding their default may be missing (lib/db/compact.ts). */
type StoredContact = Pick<Contact, 'id' | 'name' | 'nameLower' | 'status'> & Partial<Contact>;

type ListField = keyof ListContact;
const CONTACT_DEFAULTS = (STORED_DEFAULTS as unknown as { contacts: Partial<Record<ListField, unknown>> }).contacts;
/** The stored default of a list field (what a missing field means), or undefined when it is always stored. */
function missing<K extends ListField>(field: K): ListContact[K] {
  const d = CONTACT_DEFAULTS[field];
  return (Array.isArray(d) ? NONE : d) as ListContact[K];
}
const DEFAULT = {
  slug: missing('slug'), headline: missing('headline'), company: missing('company'), position: missing('position'),
  status: missing('status'), relationships: missing('relationships'), tags: missing('tags'),
  lastInteraction: missing('lastInteraction'), nextFollowUp: missing('nextFollowUp'),
};

/**
 * The part of a contact the options list keeps (it shows, searches, filters and sorts by these;
 * the editor reads the whole record by id). A record read from the database is ~20 objects
 * (strings, arrays); this keeps about a third of them, which is what the garbage collector walks
 * on every collection while 30,000 contacts load. Takes a whole record or a stored one (a field
 * that is not there is its stored default).
 */
export function toListContact(c: ListContact | StoredContact): ListContact {
  const rels = c.relationships ?? DEFAULT.relationships;
  const tags = c.tags ?? DEFAULT.tags;
  return {
    id: c.id, slug: c.slug !== undefined ? c.slug : DEFAULT.slug, name: c.name,
    headline: c.headline !== undefined ? c.headline : DEFAULT.headline,
    company: c.company !== undefined ? c.company : DEFAULT.company,
    position: c.position !== undefined ? c.position : DEFAULT.position,
    status: one(c.status ?? DEFAULT.status) as Contact['status'], relationships: oneList(rels), tags: oneList(tags),
    lastInteraction: one(c.lastInteraction !== undefined ? c.lastInteraction : DEFAULT.lastInteraction),
    nextFollowUp: one(c.nextFollowUp !== undefined ? c.nextFollowUp : DEFAULT.nextFollowUp),
  };
}

interface RangeNode { from?: unknown; to?: unknown; l?: RangeNode | null; r?: RangeNode | null }

/**
 * Which contacts a Dexie `storagemutated` notification says were written: null when the contacts
 * table was not touched, 'all' when it cannot tell (a range, a clear, a bulk write of 50 or more),
 * else the ids. Works on Dexie's RangeSet and on its structured clone from another context.
 */
export function changedContactIds(parts: Record<string, unknown>, dbName: string, max = 500): number[] | 'all' | null {
  const prefix = `idb://${dbName}/contacts/`;
  if (!Object.keys(parts).some((k) => k.startsWith(prefix))) return null;
  const pk = parts[prefix] as RangeNode | undefined;
  if (!pk) return 'all';
  const ids: number[] = [];
  let ok = true;
  const walk = (n: RangeNode | null | undefined) => {
    if (!ok || !n || !('from' in n)) return;
    walk(n.l);
    if (typeof n.from === 'number' && n.from === n.to && ids.length < max) ids.push(n.from);
    else ok = false;
    walk(n.r);
  };
  walk(pk);
  return ok ? ids : 'all';
}
