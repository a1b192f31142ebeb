/**
 * Pure search, filter and sort over the contact list of the options page. Built for LinkedIn's cap
 * of 30,000 connections: the lower-cased search text of each contact is computed once per loaded
 * list (`buildSearchIndex`), and a keystroke only scans strings — no objects are created per row.
 */
import type { Contact } from '../db/schema';

export type ContactSort = 'name' | 'lastInteraction' | 'nextFollowUp';
export type StatusFilter = Contact['status'] | 'all';

export interface ContactFilter {
  /** Free text: every word must appear in the name, headline, company, position or a tag. */
  query: string;
  /** A relationship key or custom label; '' for any. */
  relationship: string;
  /** A tag; '' for any. */
  tag: string;
  status: StatusFilter;
  /** Only contacts whose next follow-up is before `today`. */
  overdue: boolean;
}

export const EMPTY_FILTER: ContactFilter = { query: '', relationship: '', tag: '', status: 'all', overdue: false };

type Searchable = Pick<Contact, 'name' | 'headline' | 'company' | 'position' | 'tags'>;

/**
 * What the list keeps of a contact: the fields it shows, searches, filters and sorts by (a full
 * `Contact` is one too). The options page keeps 30,000 of these, so fewer fields means less to
 * hold and less for the garbage collector to walk (see `toListContact` in load.ts).
 */
export type ListContact = Pick<
  Contact, 'id' | 'slug' | 'name' | 'headline' | 'company' | 'position' | 'status' | 'relationships' | 'tags' | 'lastInteraction' | 'nextFollowUp'
>;

/** The text a contact is found by, lower-cased (accents kept, whitespace collapsed). */
export function searchText(c: Searchable): string {
  let s = c.name;
  if (c.headline) s += '\n' + c.headline;
  if (c.company) s += '\n' + c.company;
  if (c.position) s += '\n' + c.position;
  for (const t of c.tags) s += '\n' + t;
  // NFKC is slow; plain ASCII (most rows) is already in normal form.
  return (/[^\x00-\x7f]/.test(s) ? s.normalize('NFKC') : s).toLowerCase();
}

export interface SearchIndex {
  contacts: readonly ListContact[];
  text: readonly string[];
}

export function buildSearchIndex(contacts: readonly ListContact[]): SearchIndex {
  const text = new Array<string>(contacts.length);
  for (let i = 0; i < contacts.length; i++) text[i] = searchText(contacts[i]!);
  return { contacts, text };
}

/** Splits a query into lower-cased words. */
export function queryTerms(query: string): string[] {
  return query.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
}

export function isOverdue(c: Pick<Contact, 'nextFollowUp'>, today: string): boolean {
  return c.nextFollowUp != null && c.nextFollowUp < today;
}

/** True when the filter lets every contact through. */
export function isEmptyFilter(filter: ContactFilter): boolean {
  return !filter.relationship && !filter.tag && filter.status === 'all' && !filter.overdue && queryTerms(filter.query).length === 0;
}

/** The contacts that pass the filter, in the index's order. */
export function filterContacts<T extends ListContact = Contact>(index: SearchIndex, filter: ContactFilter, today: string): T[] {
  return filterPositions(index, filter, today).map((i) => index.contacts[i] as T);
}

/**
 * Positions (in the index) of the contacts that pass the filter. `within`: positions to test instead
 * of all — a previous result, when the new filter can only narrow it (see `narrows`).
 */
export function filterPositions(index: SearchIndex, filter: ContactFilter, today: string, within?: readonly number[]): number[] {
  const terms = queryTerms(filter.query);
  const { contacts, text } = index;
  const out: number[] = [];
  const n = within ? within.length : contacts.length;
  outer: for (let k = 0; k < n; k++) {
    const i = within ? within[k]! : k;
    const c = contacts[i]!;
    if (filter.status !== 'all' && c.status !== filter.status) continue;
    if (filter.relationship && !c.relationships.includes(filter.relationship)) continue;
    if (filter.tag && !c.tags.includes(filter.tag)) continue;
    if (filter.overdue && !isOverdue(c, today)) continue;
    if (terms.length) {
      const t = text[i]!;
      for (const term of terms) if (!t.includes(term)) continue outer;
    }
    out.push(i);
  }
  return out;
}

function normQuery(q: string): string {
  return q.normalize('NFKC').toLowerCase().replace(/^\s+/, '');
}

/**
 * True when every contact passing `next` also passes `prev` (only the query grew at its end), so that
 * `next` can be applied to `prev`'s result instead of the whole list — typing stays fast at 30,000.
 */
export function narrows(prev: ContactFilter, next: ContactFilter): boolean {
  return (
    prev.relationship === next.relationship && prev.tag === next.tag && prev.status === next.status &&
    prev.overdue === next.overdue && normQuery(next.query).startsWith(normQuery(prev.query))
  );
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * A key that orders names the way people expect (case and accents ignored, numbers by value) with a
 * plain `<`: Intl.Collator#compare costs ~10 µs a call, far too slow to sort 30,000 names in a frame.
 */
export function nameSortKey(name: string): string {
  let s = /[^\x00-\x7f]/.test(name) ? name.normalize('NFKD').replace(/\p{M}/gu, '') : name;
  s = s.toLowerCase().replace(/\s+/g, ' ').trim();
  // A run of digits sorts by value: prefixed by its length (as a character between '0' and 'a').
  if (/\d/.test(s)) s = s.replace(/\d+/g, (d) => { const t = d.replace(/^0+(?=\d)/, ''); return String.fromCharCode(48 + Math.min(t.length, 48)) + t; });
  return s;
}

/** A search index in name order, with each contact's sort key (built chunk by chunk while loading). */
export interface NameIndex extends SearchIndex {
  keys: readonly string[];
}

export const EMPTY_INDEX: NameIndex = { contacts: [], text: [], keys: [] };

interface Prepared { c: ListContact; k: string; t: string }

/** Each row with its sort key and search text, in index order. */
function prepare(rows: readonly ListContact[]): Prepared[] {
  const add = rows.map((c) => ({ c, k: nameSortKey(c.name), t: searchText(c) }));
  add.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.c.id - b.c.id));
  return add;
}

/** Merges prepared rows (sorted) into an index, into new arrays. */
function merge(index: NameIndex, add: readonly Prepared[]): { contacts: ListContact[]; text: string[]; keys: string[] } {
  const n = index.contacts.length;
  const m = add.length;
  const contacts = new Array<ListContact>(n + m);
  const text = new Array<string>(n + m);
  const keys = new Array<string>(n + m);
  let i = 0, j = 0, o = 0;
  while (i < n || j < m) {
    let takeOld: boolean;
    if (j >= m) takeOld = true;
    else if (i >= n) takeOld = false;
    else {
      const ko = index.keys[i]!, kn = add[j]!.k;
      takeOld = ko < kn || (ko === kn && index.contacts[i]!.id < add[j]!.c.id);
    }
    if (takeOld) { contacts[o] = index.contacts[i]!; text[o] = index.text[i]!; keys[o++] = index.keys[i++]!; }
    else { const a = add[j++]!; contacts[o] = a.c; text[o] = a.t; keys[o++] = a.k; }
  }
  return { contacts, text, keys };
}

/**
 * Adds contacts to a name-ordered index and returns the new index (the old one is not changed).
 * Rows that arrive in (nearly) name order, as from the `nameLower` index, are mostly appended.
 */
export function addToIndex(index: NameIndex, rows: readonly ListContact[]): NameIndex {
  return merge(index, prepare(rows));
}

/**
 * A name-ordered index that grows in place while the list loads: rows that all sort after the
 * last one (the usual case, chunks come in `nameLower` order) are appended without copying the
 * index, so a chunk costs O(chunk), not O(list). Publish `snapshotIndex` copies, or the builder
 * itself once nothing is added any more.
 */
export interface IndexBuilder extends NameIndex {
  contacts: ListContact[];
  text: string[];
  keys: string[];
}

export function newIndexBuilder(): IndexBuilder {
  return { contacts: [], text: [], keys: [] };
}

/** Adds contacts to a builder, in place (same order as `addToIndex`). */
export function appendToIndex(b: IndexBuilder, rows: readonly ListContact[]): void {
  const add = prepare(rows);
  if (!add.length) return;
  const n = b.keys.length;
  const a = add[0]!;
  const last = n ? b.keys[n - 1]! : '';
  if (n === 0 || last < a.k || (last === a.k && b.contacts[n - 1]!.id < a.c.id)) {
    for (const x of add) { b.contacts.push(x.c); b.text.push(x.t); b.keys.push(x.k); }
    return;
  }
  const merged = merge(b, add);
  b.contacts = merged.contacts; b.text = merged.text; b.keys = merged.keys;
}

/** A copy of a builder's current state that later `appendToIndex` calls do not change. */
export function snapshotIndex(b: IndexBuilder): NameIndex {
  return { contacts: b.contacts.slice(), text: b.text.slice(), keys: b.keys.slice() };
}

/** Removes contacts (by id) from a name-ordered index. */
export function removeFromIndex(index: NameIndex, ids: ReadonlySet<number>): NameIndex {
  const contacts: ListContact[] = [], text: string[] = [], keys: string[] = [];
  for (let i = 0; i < index.contacts.length; i++) {
    if (ids.has(index.contacts[i]!.id)) continue;
    contacts.push(index.contacts[i]!); text.push(index.text[i]!); keys.push(index.keys[i]!);
  }
  return { contacts, text, keys };
}

/**
 * The index in another order. The input is in name order, so ties fall back to the name through
 * the position: no string is compared, 30,000 rows sort in a few ms.
 */
export function orderIndex(index: NameIndex, sort: ContactSort): SearchIndex {
  if (sort === 'name') return index;
  const cs = index.contacts;
  const pos = Array.from({ length: cs.length }, (_, i) => i);
  if (sort === 'lastInteraction') pos.sort((a, b) => cmpNullLast(cs[b]!.lastInteraction, cs[a]!.lastInteraction, true) || a - b);
  else pos.sort((a, b) => cmpNullLast(cs[a]!.nextFollowUp, cs[b]!.nextFollowUp, false) || a - b);
  return { contacts: pos.map((i) => cs[i]!), text: pos.map((i) => index.text[i]!) };
}

/**
 * Sorts a copy. Name: A→Z. Last interaction: most recent first, never-contacted last. Next
 * follow-up: soonest (most overdue) first, none last. Ties fall back to the name.
 */
export function sortContacts<T extends ListContact>(contacts: readonly T[], sort: ContactSort): T[] {
  return orderIndex(addToIndex(EMPTY_INDEX, contacts), sort).contacts.slice() as T[];
}

/** Compares two optional ISO days; nulls always sort last. `desc` flips the order of non-nulls. */
function cmpNullLast(a: string | null, b: string | null, desc: boolean): number {
  if (a === b) return 0;
  if (a == null) return desc ? -1 : 1;
  if (b == null) return desc ? 1 : -1;
  return a < b ? -1 : 1;
}

/** Labels (tags, relationships) sorted for display. */
export function sortLabels(labels: Iterable<string>): string[] {
  return [...labels].sort((a, b) => collator.compare(a, b));
}

/** Every tag in use, sorted. */
export function allTags(contacts: readonly Pick<Contact, 'tags'>[]): string[] {
  const set = new Set<string>();
  for (const c of contacts) for (const t of c.tags) set.add(t);
  return sortLabels(set);
}

/** Every relationship in use, sorted. */
export function allRelationships(contacts: readonly Pick<Contact, 'relationships'>[]): string[] {
  const set = new Set<string>();
  for (const c of contacts) for (const r of c.relationships) set.add(r);
  return sortLabels(set);
}
