/**
 * A read-only stand-in for the few Dexie calls the popup's first screen makes, over raw IndexedDB,
 * so that screen is read without loading Dexie (≈100 KB that the page would otherwise parse before
 * anything shows) and without Dexie's per-request work: every request goes into ONE read-only
 * transaction. The same functions (lib/goals/db, lib/reminders/due, reads.ts) run over it as over
 * Dexie; tests/unit/popup/first-screen.test.ts checks that both give the same first screen.
 *
 * Supported: table.get / toArray / where(index).between|equals|belowOrEqual|aboveOrEqual, then
 * clone / offset / limit / toArray / count / primaryKeys / first / last. Anything else throws, and
 * the popup then simply waits for its live (Dexie) queries.
 */
import type { RapportDB } from '../../lib/db/db';
import { withDefaults } from '../../lib/db/compact';

type Range = IDBKeyRange | undefined;
/** Makes a request on a store or index of the current transaction. */
type Source = (op: (s: IDBObjectStore | IDBIndex) => IDBRequest) => IDBRequest;

class Collection {
  constructor(
    private readonly source: Source,
    private readonly range: Range,
    private readonly skip = 0,
    private readonly max = Infinity,
    /** Puts back the fields compact storage leaves out (lib/db/compact.ts). */
    private readonly fill: (row: unknown) => unknown = (row) => row,
  ) {}

  clone(): Collection { return new Collection(this.source, this.range, this.skip, this.max, this.fill); }
  offset(n: number): Collection { return new Collection(this.source, this.range, this.skip + n, this.max, this.fill); }
  limit(n: number): Collection { return new Collection(this.source, this.range, this.skip, Math.min(this.max, n), this.fill); }

  private count_(): number | undefined {
    return this.max === Infinity ? undefined : this.skip + this.max;
  }

  async toArray(): Promise<unknown[]> {
    if (this.max <= 0) return [];
    const rows = await request<unknown[]>(() => this.source((s) => s.getAll(this.range, this.count_())));
    return (this.skip ? rows.slice(this.skip) : rows).map(this.fill);
  }

  async primaryKeys(): Promise<IDBValidKey[]> {
    if (this.max <= 0) return [];
    const keys = await request<IDBValidKey[]>(() => this.source((s) => s.getAllKeys(this.range, this.count_())));
    return this.skip ? keys.slice(this.skip) : keys;
  }

  async count(): Promise<number> {
    if (this.skip || this.max !== Infinity) return (await this.primaryKeys()).length;
    return request<number>(() => this.source((s) => s.count(this.range)));
  }

  async first(): Promise<unknown> {
    return (await this.limit(1).toArray())[0];
  }

  async last(): Promise<unknown> {
    if (this.skip || this.max !== Infinity) return (await this.toArray()).at(-1);
    const cursor = await request<IDBCursorWithValue | null>(() => this.source((s) => s.openCursor(this.range, 'prev')));
    return cursor ? this.fill(cursor.value) : undefined;
  }
}

class Where {
  constructor(private readonly source: Source, private readonly fill: (row: unknown) => unknown) {}
  between(lo: IDBValidKey, hi: IDBValidKey, includeLower = true, includeUpper = false): Collection {
    return new Collection(this.source, IDBKeyRange.bound(lo, hi, !includeLower, !includeUpper), 0, Infinity, this.fill);
  }
  equals(key: IDBValidKey): Collection { return new Collection(this.source, IDBKeyRange.only(key), 0, Infinity, this.fill); }
  belowOrEqual(key: IDBValidKey): Collection { return new Collection(this.source, IDBKeyRange.upperBound(key), 0, Infinity, this.fill); }
  aboveOrEqual(key: IDBValidKey): Collection { return new Collection(this.source, IDBKeyRange.lowerBound(key), 0, Infinity, this.fill); }
}

class Table {
  private readonly fill: (row: unknown) => unknown;
  constructor(name: string, private readonly store: (op: (s: IDBObjectStore) => IDBRequest) => IDBRequest) {
    this.fill = (row) => withDefaults(name, row);
  }
  async get(key: IDBValidKey): Promise<unknown> { return this.fill(await request(() => this.store((s) => s.get(key)))); }
  async toArray(): Promise<unknown[]> { return (await request<unknown[]>(() => this.store((s) => s.getAll()))).map(this.fill); }
  where(index: string): Where { return new Where((op) => this.store((s) => op(s.index(index))), this.fill); }
}

/** Resolves with the request's result (a request that cannot be made rejects). */
function request<T>(make: () => IDBRequest): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const req = make();
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });
}

export const FIRST_SCREEN_TABLES = ['settings', 'goals', 'activities', 'reminders', 'contacts'] as const;

/**
 * The database as the popup's read functions see it, every request in one read-only transaction
 * over `tables` (a new one if that one has finished). Only the calls listed above work.
 */
export function readOnlyDb(idb: IDBDatabase, tables: readonly string[] = FIRST_SCREEN_TABLES): RapportDB {
  let tx: IDBTransaction | null = null;
  const fresh = (): IDBTransaction => {
    const t = idb.transaction([...tables], 'readonly');
    t.oncomplete = t.onabort = () => { if (tx === t) tx = null; };
    return (tx = t);
  };
  const store = (name: string) => (op: (s: IDBObjectStore) => IDBRequest): IDBRequest => {
    if (tx) {
      try {
        return op(tx.objectStore(name));
      } catch (err) {
        // Finished, or no longer active (a caller awaited something else): use a new one.
        if (!(err instanceof DOMException) || !['InvalidStateError', 'TransactionInactiveError'].includes(err.name)) throw err;
      }
    }
    return op(fresh().objectStore(name));
  };
  const db: Record<string, Table> = {};
  for (const name of tables) db[name] = new Table(name, store(name));
  return db as unknown as RapportDB;
}

/**
 * Opens the existing database `name` at whatever version it has, never creating or upgrading it
 * (that is the background's job): null when it does not exist yet. Closes itself when another
 * connection wants to upgrade.
 */
export function openExisting(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    let created = false;
    req.onupgradeneeded = () => {
      // No such database: do not create an empty one (version 1, no stores) under Dexie's feet.
      created = true;
      req.transaction?.abort();
    };
    req.onsuccess = () => {
      req.result.onversionchange = () => req.result.close();
      resolve(req.result);
    };
    req.onerror = (e) => {
      if (created) { e.preventDefault(); resolve(null); } else reject(req.error);
    };
    req.onblocked = () => resolve(null);
  });
}
