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
 */
import type { DBCore, DBCoreCursor, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import DEFAULTS_JSON from './stored-defaults.json' with { type: 'json' };

type Defaults = Record<string, null | false | readonly never[]>;
const DEFAULTS = Object.fromEntries(Object.entries(DEFAULTS_JSON).filter(([k]) => k !== '//')) as Record<string, Defaults>;

function isDefault(v: unknown, d: Defaults[string]): boolean {
  return Array.isArray(d) ? Array.isArray(v) && v.length === 0 : v === d;
}

/** The record as stored: without the fields that hold their default. */
export function compactRecord<T>(table: string, record: T): T {
  const d = DEFAULTS[table];
  if (!d || !record || typeof record !== 'object') return record;
  const r = record as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  for (const k in d) {
    if (k in r && isDefault(r[k], d[k]!)) {
      out ??= { ...r };
      delete out[k];
    }
  }
  return (out ?? record) as T;
}

/** The record as the app uses it: every field present (a missing one is its default). */
export function withDefaults<T>(table: string, record: T): T {
  const d = DEFAULTS[table];
  if (!d || !record || typeof record !== 'object') return record;
  const r = record as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  for (const k in d) {
    if (!(k in r)) {
      out ??= { ...r };
      const v = d[k];
      out[k] = Array.isArray(v) ? [] : v;
    }
  }
  return (out ?? record) as T;
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
  if (!DEFAULTS[name]) return t;
  const fill = (v: unknown) => withDefaults(name, v);
  return {
    ...t,
    mutate(req: DBCoreMutateRequest) {
      if (req.type === 'add' || req.type === 'put') return t.mutate({ ...req, values: req.values.map((v) => compactRecord(name, v)) } as DBCoreMutateRequest);
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
