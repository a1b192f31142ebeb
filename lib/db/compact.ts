/**
 * Compact storage: a record's fields that hold their default (null, false, an empty list; the list
 * per table is lib/db/stored-defaults.json) are not written to IndexedDB, and are put back when a
 * record is read. IndexedDB stores every field name of every record: for 30,000 contacts with a
 * dozen empty fields each that was ~20% of the database and of the time an import spends writing.
 *
 * `compactStorage` is a Dexie DBCore middleware, so every Dexie read (get, bulkGet, where…toArray,
 * cursors, modify) sees whole records and every write stores compact ones; code that reads
 * IndexedDB without Dexie calls `withDefaults`. Records stored whole (written before this) read the
 * same. Zod-free: the popup uses it too.
 *
 * Two fields are also left out when they only repeat what the record already says (derived
 * fields): `updatedAt` equal to `createdAt` (contacts, notes, reminders; absent = `createdAt`,
 * which every record of these tables has), and a contact's `profileUrl` that is exactly the
 * canonical URL of its `slug` (`canonicalProfileUrl`), stored as the marker `true` (an absent
 * `profileUrl` already means null, also for records written before this).
 *
 * Packed fields: in interactions, notes and activities, the fields no index reads are stored as one
 * array `$` (the lists, in order, are `$packed` in stored-defaults.json; a default or derived value
 * is null there, trailing nulls are left out): IndexedDB writes each field's name in every record,
 * and LevelDB's compression does not remove them all (measured on the 30k benchmark data set:
 * ≈ 0.4 MB). Reads give the whole record back, from either form. A record is packed only when
 * that is lossless (every listed field present, null only where null is the default), and a table
 * only while its schema indexes none of its listed fields (activities from schema version 4 on,
 * which dropped their `contactId` index).
 */
import type { DBCore, DBCoreCursor, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import DEFAULTS_JSON from './stored-defaults.json' with { type: 'json' };

type Defaults = Record<string, null | false | readonly never[]>;
const DEFAULTS = Object.fromEntries(Object.entries(DEFAULTS_JSON).filter(([k]) => k !== '//' && k !== '$packed')) as Record<string, Defaults>;
/** Per table, the fields stored together in the array `$`, in order. */
const PACKED = Object.fromEntries(Object.entries(DEFAULTS_JSON.$packed).filter(([k]) => k !== '//')) as unknown as Record<string, readonly string[]>;
/** The field holding a packed record's array. */
const PACK = '$';

/** Tables whose records all have `createdAt` and `updatedAt`: an `updatedAt` equal to `createdAt` is not stored. */
const UPDATED_AS_CREATED = new Set(['contacts', 'notes', 'reminders']);
/** Tables compact storage rewrites. */
const COMPACTED = new Set([...Object.keys(DEFAULTS), ...UPDATED_AS_CREATED, ...Object.keys(PACKED)]);

/** The LinkedIn profile URL the app gives a contact with this slug (import, panel, new contact). */
export function canonicalProfileUrl(slug: string): string {
  return `https://www.linkedin.com/in/${encodeURIComponent(slug)}/`;
}
/** What a stored contact holds instead of a `profileUrl` equal to `canonicalProfileUrl(slug)`. */
const CANONICAL_URL = true;

const EMPTY: Defaults = {};

function isDefault(v: unknown, d: Defaults[string]): boolean {
  return Array.isArray(d) ? Array.isArray(v) && v.length === 0 : v === d;
}

/**
 * The record as stored: without the fields that hold their default or repeat another field, and
 * (unless `pack` is false: the table's schema indexes a field of its packed list) with the fields of
 * its packed list in one array.
 */
export function compactRecord<T>(table: string, record: T, pack = true): T {
  if (!COMPACTED.has(table) || !record || typeof record !== 'object') return record;
  const d = DEFAULTS[table] ?? EMPTY;
  const r = record as Record<string, unknown>;
  const sameUpdated = UPDATED_AS_CREATED.has(table) && 'updatedAt' in r && 'createdAt' in r && r.updatedAt === r.createdAt;
  const canonicalUrl = table === 'contacts' && typeof r.slug === 'string' && typeof r.profileUrl === 'string' && r.profileUrl === canonicalProfileUrl(r.slug);
  const packed = pack ? packable(table, r, d) : undefined;
  let changes = sameUpdated || canonicalUrl || !!packed;
  if (!changes) for (const k in d) if (k in r && isDefault(r[k], d[k]!)) { changes = true; break; }
  if (!changes) return record;
  // One pass into a fresh object (copying and then deleting leaves V8 a slower, dictionary-mode
  // object, for every record an import writes).
  const out: Record<string, unknown> = {};
  for (const k in r) {
    if (packed?.has(k)) continue;
    const v = r[k];
    if (k in d && isDefault(v, d[k]!)) continue;
    if (sameUpdated && k === 'updatedAt') continue;
    out[k] = canonicalUrl && k === 'profileUrl' ? CANONICAL_URL : v;
  }
  if (packed) {
    const list = PACKED[table]!;
    const values: unknown[] = [];
    for (const k of list) {
      const v = r[k];
      values.push((k in d && isDefault(v, d[k]!)) || (sameUpdated && k === 'updatedAt') ? null : v);
    }
    while (values.length && values[values.length - 1] === null) values.pop();
    out[PACK] = values;
  }
  return out as T;
}

/**
 * The fields of the table's packed list, when the record can be packed without loss: it has each
 * of them, null only where null is the field's default, and no field named `$` of its own.
 */
function packable(table: string, r: Record<string, unknown>, d: Defaults): Set<string> | undefined {
  const list = PACKED[table];
  if (!list || PACK in r) return undefined;
  for (const k of list) {
    if (!(k in r)) return undefined;
    const v = r[k];
    if (v === undefined || (v === null && d[k] !== null)) return undefined;
  }
  return new Set(list);
}

/** The record with its packed fields back in place (a null is left out: the default or derived value). */
function unpack(table: string, r: Record<string, unknown>): Record<string, unknown> {
  const list = PACKED[table];
  const values = r[PACK];
  if (!list || !Array.isArray(values)) return r;
  const d = DEFAULTS[table] ?? EMPTY;
  const out: Record<string, unknown> = {};
  for (const k in r) if (k !== PACK) out[k] = r[k];
  list.forEach((k, i) => {
    const v = values[i];
    if (v != null) out[k] = v;
    else if (!(k in d) && !(k === 'updatedAt' && UPDATED_AS_CREATED.has(table))) out[k] = null; // not written by compactRecord
  });
  return out;
}

/** The record as the app uses it: every field present (a missing one is its default or the field it repeats). */
export function withDefaults<T>(table: string, record: T): T {
  if (!COMPACTED.has(table) || !record || typeof record !== 'object') return record;
  const d = DEFAULTS[table] ?? {};
  const r = unpack(table, record as Record<string, unknown>);
  let out: Record<string, unknown> | null = r === record ? null : r;
  for (const k in d) {
    if (!(k in r)) {
      out ??= { ...r };
      const v = d[k];
      out[k] = Array.isArray(v) ? [] : v;
    }
  }
  if (UPDATED_AS_CREATED.has(table) && !('updatedAt' in r) && 'createdAt' in r) {
    out ??= { ...r };
    out.updatedAt = r.createdAt;
  }
  if (table === 'contacts' && r.profileUrl === CANONICAL_URL) {
    out ??= { ...r };
    out.profileUrl = typeof r.slug === 'string' ? canonicalProfileUrl(r.slug) : null;
  }
  return (out ?? record) as T;
}

/**
 * Whether records of this table may be packed under this schema: no index (nor the primary key)
 * reads a field of its packed list.
 */
export function packsUnder(table: string, schema: { primaryKey: { keyPath?: string | string[] | null }; indexes: ReadonlyArray<{ keyPath?: string | string[] | null }> }): boolean {
  const list = PACKED[table];
  if (!list) return false;
  const read = new Set<string>();
  for (const ix of [schema.primaryKey, ...schema.indexes]) {
    for (const p of [ix.keyPath ?? []].flat()) read.add(p.split('.')[0]!);
  }
  return !list.some((k) => read.has(k));
}

function wrapCursor(table: string, cursor: DBCoreCursor): DBCoreCursor {
  let raw: unknown;
  let filled: unknown;
  // Dexie's cursor is the native IDBCursor with its methods bound as own properties; the native
  // getters (key, primaryKey) must be read on the cursor itself, not through the wrapper.
  return Object.create(cursor, {
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    value: {
      get() {
        const v = cursor.value;
        if (v !== raw) { raw = v; filled = withDefaults(table, v); }
        return filled;
      },
    },
  }) as DBCoreCursor;
}

function compactTable(name: string, t: DBCoreTable): DBCoreTable {
  if (!COMPACTED.has(name)) return t;
  const fill = (v: unknown) => withDefaults(name, v);
  const pack = packsUnder(name, t.schema);
  return {
    ...t,
    mutate(req: DBCoreMutateRequest) {
      if (req.type === 'add' || req.type === 'put') return t.mutate({ ...req, values: req.values.map((v) => compactRecord(name, v, pack)) } as DBCoreMutateRequest);
      return t.mutate(req);
    },
    get: (req) => t.get(req).then(fill),
    getMany: (req) => t.getMany(req).then((rows) => rows.map(fill)),
    query: (req) => t.query(req).then((res) => (req.values ? { ...res, result: res.result.map(fill) } : res)),
    openCursor: (req) => t.openCursor(req).then((c) => (c && req.values !== false ? wrapCursor(name, c) : c)),
  };
}

export const compactStorage: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'rapportCompactStorage',
  create: (down) => ({ ...down, table: (name) => compactTable(name, down.table(name)) }),
};
