/**
 * Reads every contact for the options page in name order, a chunk at a time, yielding to the
 * browser between chunks: at 30,000 contacts no single task deserialises more than a chunk, and the
 * first rows can be shown from the first chunk. Pages through the `nameLower` index by key (not by
 * offset), so each chunk is one `getAll`.
 */
import type { RapportDB } from '../db/db';
import type { Contact } from '../db/schema';
import type { ListContact } from './search';

export interface LoadOptions {
  /** Size of the first chunk (small, so the first rows show at once) and of the others. */
  first?: number;
  size?: number;
  /** Checked between chunks: true stops the load. */
  cancelled?: () => boolean;
}

const yieldToBrowser = () => new Promise<void>((r) => setTimeout(r, 0));

/** Calls `onChunk` with each chunk of contacts, in `nameLower` order. Resolves true when every chunk was read. */
export async function loadContactsInChunks(
  db: RapportDB, onChunk: (rows: Contact[]) => void, { first = 300, size = 500, cancelled = () => false }: LoadOptions = {},
): Promise<boolean> {
  let lastKey: string | undefined;
  let skip = 0; // rows of `lastKey` already delivered (only when a whole chunk shared one name)
  let limit = first;
  for (;;) {
    let coll = lastKey === undefined ? db.contacts.orderBy('nameLower') : db.contacts.where('nameLower').aboveOrEqual(lastKey);
    if (skip) coll = coll.offset(skip);
    const rows = await coll.limit(limit).toArray();
    if (cancelled()) return false;
    if (rows.length < limit) {
      if (rows.length) onChunk(rows);
      return true;
    }
    // The last name of the chunk may continue in the next one: hold its rows back and start there.
    const tail = rows[rows.length - 1]!.nameLower;
    let cut = rows.length;
    while (cut > 0 && rows[cut - 1]!.nameLower === tail) cut--;
    if (cut === 0) {
      skip = (lastKey === tail ? skip : 0) + rows.length;
      onChunk(rows);
    } else {
      skip = 0;
      onChunk(rows.slice(0, cut));
    }
    lastKey = tail;
    limit = size;
    await yieldToBrowser();
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

/**
 * The part of a contact the options list keeps (it shows, searches, filters and sorts by these;
 * the editor reads the whole record by id). A record read from the database is ~20 objects
 * (strings, arrays); this keeps about a third of them, which is what the garbage collector walks
 * on every collection while 30,000 contacts load.
 */
export function toListContact(c: ListContact): ListContact {
  return {
    id: c.id, slug: c.slug, name: c.name, headline: c.headline, company: c.company, position: c.position,
    status: one(c.status) as Contact['status'], relationships: oneList(c.relationships), tags: oneList(c.tags),
    lastInteraction: one(c.lastInteraction), nextFollowUp: one(c.nextFollowUp),
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
