/**
 * Merging LinkedIn's Connections.csv into the contacts Rapport already has.
 *
 * `planImport` is pure: the options page runs it (in a worker) for the preview, and the background
 * runs it again for every batch inside that batch's transaction (`applyImportBatch`), against the
 * records as they are at that moment. So a batch never trusts a stale plan, and re-running an
 * interrupted import finds what earlier batches wrote and duplicates nothing.
 *
 * Rules (never lose what the user wrote):
 * - Matching: by slug (from the URL). Without a slug match: by normalised name (2018 exports have
 *   no URL). A row with a URL only matches slug-less contacts by name; a row without URL matches
 *   anyone with that name. When several contacts share the name, the company decides; a namesake
 *   whose company clearly differs is a different person.
 * - Fields the user typed (`contact.userFields`) are never touched; relationships, tags, notes, how
 *   we met, follow-ups are never touched. Empty fields are filled. Company, position and e-mail
 *   follow the CSV when they changed there (an 'updated' contact). Name and profile URL are only
 *   filled when empty (the page's own spelling wins). A slug-less contact gains the row's slug.
 * - A contact the CSV lists is 'connected'; `connectedOn` is filled when empty.
 * - The same person twice in one file is written once (`duplicates`).
 */
import Dexie from 'dexie';
import type { RapportDB } from '../db/db';
import { canonicalProfileUrl, withDefaults } from '../db/compact';
import type { Contact } from '../db/schema';
import { impliedFollowUp } from '../domain/followup';
import { readSettings } from '../domain/settings';
import { today } from '../domain/dates';
import { normaliseName } from '../api/ops/contacts';
import type { ConnectionRow } from './connections-csv';

/**
 * Rows sent to the background per `import.batch` call (each batch is one transaction). Each batch
 * costs a fixed round trip, transaction, progress write and change broadcast (badge refresh), so
 * fewer is faster; the page waits for at most two batches after "Stop import" (~0.2 s each for
 * 2 000 rows on a 2-core machine), and the progress bar moves 15 times in a 30 000-row import.
 */
export const IMPORT_BATCH_SIZE = 2000;

/** What the merge needs to know about an existing contact. */
export type ExistingContact = Pick<
  Contact,
  'id' | 'slug' | 'name' | 'nameLower' | 'profileUrl' | 'email' | 'company' | 'position' | 'status' | 'connectedOn' | 'userFields'
>;

export type NewContactDraft = Omit<Contact, 'id'>;

export type ImportAction =
  /** A new person: `draftFromRow(row, t, nameLower)` is the contact to add. */
  | { kind: 'new'; row: ConnectionRow; nameLower: string }
  | { kind: 'updated'; row: ConnectionRow; id: number; patch: Partial<Contact> }
  | { kind: 'unchanged'; row: ConnectionRow; id: number }
  | { kind: 'duplicate'; row: ConnectionRow };

export interface ImportCounts {
  new: number;
  updated: number;
  unchanged: number;
  /** Rows LinkedIn left without a name (members who hide their data). */
  skipped: number;
  /** The same person listed twice in the file: written once. */
  duplicates: number;
}

export interface ImportPlan {
  actions: ImportAction[];
  counts: ImportCounts;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** `normaliseName`, with a fast path for plain ASCII (where NFKC changes nothing). */
export function normaliseKey(s: string): string {
  return PRINTABLE_ASCII.test(s) ? s.replace(/ {2,}/g, ' ').trim().toLowerCase().slice(0, 300) : normaliseName(s);
}

export function rowName(row: Pick<ConnectionRow, 'firstName' | 'lastName'>): string {
  return `${row.firstName} ${row.lastName}`.replace(/\s+/g, ' ').trim();
}

function normCompany(c: string | null | undefined): string | null {
  const n = c ? normaliseKey(c) : '';
  return n ? n : null;
}

function companyCompatible(a: string | null, b: string | null): boolean {
  const x = normCompany(a);
  const y = normCompany(b);
  return x === null || y === null || x === y;
}

/** A brand-new contact from a CSV row. `t` is the time of the import (epoch ms); `nameLower` as planned. */
export function draftFromRow(row: ConnectionRow, t: number, nameLower?: string): NewContactDraft {
  const name = rowName(row);
  return {
    slug: row.slug,
    profileUrl: row.profileUrl ?? (row.slug ? canonicalProfileUrl(row.slug) : null),
    name,
    nameLower: nameLower ?? normaliseKey(name),
    headline: null,
    location: null,
    company: row.company,
    position: row.position,
    email: row.email,
    photoUrl: null,
    degree: '1st',
    status: 'connected',
    connectedOn: row.connectedOn,
    relationships: [],
    tags: [],
    howWeMet: null,
    cadenceDays: null,
    lastInteraction: null,
    nextFollowUp: null,
    followUpManual: false,
    source: 'csv',
    userFields: [],
    createdAt: t,
    updatedAt: t,
  };
}

/**
 * The changes a CSV row brings to an existing contact, or null when it brings none.
 * Never touches a field the user typed, and never blanks a field.
 */
export function mergeRow(contact: ExistingContact, row: ConnectionRow): Partial<Contact> | null {
  const patch: Partial<Contact> = {};
  const mine = new Set(contact.userFields);
  const name = rowName(row);
  if (!mine.has('name') && !contact.name.trim() && name) {
    patch.name = name;
    patch.nameLower = normaliseName(name);
  }
  if (!contact.slug && row.slug) patch.slug = row.slug;
  if (!mine.has('profileUrl') && !contact.profileUrl && row.profileUrl) patch.profileUrl = row.profileUrl;
  for (const f of ['company', 'position', 'email'] as const) {
    const v = row[f];
    if (v !== null && !mine.has(f) && contact[f] !== v) patch[f] = v;
  }
  if (contact.status !== 'connected') patch.status = 'connected';
  if (!contact.connectedOn && row.connectedOn) patch.connectedOn = row.connectedOn;
  return Object.keys(patch).length ? patch : null;
}

/**
 * Plans an import: which rows are new people, which update someone already stored, which change
 * nothing. Pure and fast (index maps, no per-row scans; the contacts to add are only made by
 * `applyImportBatch`, not for the preview). `skipped` (from the parser) is passed through to the counts.
 */
export function planImport(
  rows: readonly ConnectionRow[],
  existing: readonly ExistingContact[],
  opts: { skipped?: number } = {},
): ImportPlan {
  const bySlug = new Map<string, ExistingContact>();
  const byName = new Map<string, ExistingContact[]>();
  for (const c of existing) {
    if (c.slug) bySlug.set(c.slug, c);
    const list = byName.get(c.nameLower);
    if (list) list.push(c);
    else byName.set(c.nameLower, [c]);
  }
  const claimed = new Set<number>();
  // People planned as new in this file, so that a second listing is not written twice.
  const newSlugs = new Set<string>();
  const newNames = new Map<string, Array<string | null>>(); // nameLower → companies (slug-less rows)

  const counts: ImportCounts = { new: 0, updated: 0, unchanged: 0, skipped: opts.skipped ?? 0, duplicates: 0 };
  const actions: ImportAction[] = [];

  for (const row of rows) {
    const nameLower = normaliseKey(rowName(row));
    let match: ExistingContact | undefined;
    if (row.slug) {
      if (newSlugs.has(row.slug)) {
        counts.duplicates++;
        actions.push({ kind: 'duplicate', row });
        continue;
      }
      match = bySlug.get(row.slug);
      if (match && claimed.has(match.id)) {
        counts.duplicates++;
        actions.push({ kind: 'duplicate', row });
        continue;
      }
      if (!match) match = pickByName(byName.get(nameLower), row, claimed, true);
    } else {
      const planned = newNames.get(nameLower);
      if (planned?.some((c) => normCompany(c) === normCompany(row.company))) {
        counts.duplicates++;
        actions.push({ kind: 'duplicate', row });
        continue;
      }
      match = pickByName(byName.get(nameLower), row, claimed, false);
    }

    if (!match) {
      if (row.slug) newSlugs.add(row.slug);
      else {
        const list = newNames.get(nameLower);
        if (list) list.push(row.company);
        else newNames.set(nameLower, [row.company]);
      }
      counts.new++;
      actions.push({ kind: 'new', row, nameLower });
      continue;
    }
    claimed.add(match.id);
    if (!row.slug) {
      // A second URL-less listing of this person (same name and company) is a duplicate too, not a new namesake.
      const list = newNames.get(nameLower);
      if (list) list.push(row.company);
      else newNames.set(nameLower, [row.company]);
    }
    const patch = mergeRow(match, row);
    if (patch) {
      counts.updated++;
      actions.push({ kind: 'updated', row, id: match.id, patch });
    } else {
      counts.unchanged++;
      actions.push({ kind: 'unchanged', row, id: match.id });
    }
  }
  return { actions, counts };
}

/** A namesake to merge with, or undefined when the row is somebody new. */
function pickByName(
  list: ExistingContact[] | undefined,
  row: ConnectionRow,
  claimed: Set<number>,
  slugLessOnly: boolean,
): ExistingContact | undefined {
  if (!list) return undefined;
  let candidates = list.filter((c) => !claimed.has(c.id) && (!slugLessOnly || !c.slug));
  if (!candidates.length) return undefined;
  // Slug-less contacts first: they are the ones an earlier URL-less import made.
  candidates = [...candidates.filter((c) => !c.slug), ...candidates.filter((c) => c.slug)];
  const sameCompany = candidates.filter((c) => row.company !== null && normCompany(c.company) === normCompany(row.company));
  if (sameCompany.length) return sameCompany[0];
  // A company the user typed says nothing about which CSV row this is (the row's company is never
  // merged into it): it neither confirms nor rules out the person. Counting it against the row made
  // a second import of the same file create a namesake the first had matched to this contact.
  const compatible = candidates.filter((c) => companyCompatible(c.userFields.includes('company') ? null : c.company, row.company));
  if (compatible.length) return compatible[0];
  // The only person of that name, whose company has changed since (e.g. an old export).
  return !slugLessOnly && candidates.length === 1 && list.length === 1 ? candidates[0] : undefined;
}

export interface BatchResult {
  created: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  /** Connection dates this batch added to goal history (new contacts, or contacts that had none). */
  connections: number;
}

/**
 * The contacts whose `index` holds one of `keys`. The page sends each batch sorted (by slug, then
 * by name: `orderForImport`), so one range read over the batch's keys usually returns just the
 * few stored contacts in that range. When the range holds many more (unsorted rows, or names that
 * sort unlike their slugs), one point read per key, all sent at once. (Dexie's `anyOf` walks a
 * cursor, one round trip per key: seconds per batch with 30 000 stored contacts.)
 */
async function lookUp(db: RapportDB, index: 'slug' | 'nameLower', keys: readonly string[]): Promise<Contact[]> {
  if (!keys.length) return [];
  const wanted = new Set(keys);
  let min = keys[0]!;
  let max = keys[0]!;
  for (const k of keys) {
    if (k < min) min = k;
    if (k > max) max = k;
  }
  const cap = keys.length * 2 + 50;
  const inRange = await db.contacts.where(index).between(min, max, true, true).limit(cap).toArray();
  if (inRange.length < cap) return inRange.filter((c) => wanted.has(c[index] as string));
  const idbtrans = (Dexie.currentTransaction as unknown as { idbtrans?: IDBTransaction } | null)?.idbtrans;
  if (!idbtrans) return db.contacts.where(index).anyOf([...wanted]).toArray();
  const ix = idbtrans.objectStore('contacts').index(index);
  return new Promise<Contact[]>((resolve, reject) => {
    const out: Contact[] = [];
    let pending = wanted.size;
    for (const key of wanted) {
      const req = ix.getAll(key);
      req.onsuccess = () => {
        for (const c of req.result as Contact[]) out.push(withDefaults('contacts', c)); // raw IndexedDB: compact records
        if (--pending === 0) resolve(out);
      };
      req.onerror = () => reject(req.error);
    }
  });
}

/**
 * The order in which the page sends the rows: people with a URL by slug, then the others by name,
 * so that each batch covers a narrow range of the `slug` (or `nameLower`) index (see `lookUp`).
 */
export function orderForImport<R extends Pick<ConnectionRow, 'slug' | 'firstName' | 'lastName'>>(rows: readonly R[]): R[] {
  const keyed = rows.map((row) => ({ row, key: row.slug ?? normaliseKey(rowName(row)), url: row.slug !== null }));
  keyed.sort((a, b) => (a.url !== b.url ? (a.url ? -1 : 1) : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.row);
}

/**
 * Writes one batch of rows (call inside ONE rw transaction over contacts and settings):
 * re-plans against the stored records that could match (index lookups by slug and name), adds new
 * contacts with bulkAdd, updates with bulkPut. A row's connected-on date fills the contact's
 * `connectedOn` (when empty), which is what goals count as a new connection.
 *
 * `before` (e.g. reading the import run, which may forbid the batch) is awaited alongside the
 * lookups, and before anything is written: a throw there writes nothing. What it returns comes
 * back as `checked`.
 */
export async function applyImportBatch<T = undefined>(
  db: RapportDB, rows: readonly ConnectionRow[], now: Date, before?: () => Promise<T>,
): Promise<BatchResult & { checked: T }> {
  const t = now.getTime();
  // Who could match: by slug, and by name (a name only decides for rows no slug matched; reading
  // every row's name at once costs a few surplus records on a re-import, and saves the batch a
  // second wait for the database, while the previous batch's transaction holds it). All reads,
  // and the settings, are sent together: one round trip.
  const slugs = [...new Set(rows.map((r) => r.slug).filter((s): s is string => !!s))];
  const names = [...new Set(rows.map((r) => normaliseKey(rowName(r))).filter(Boolean))];
  const [bySlug, byName, settings, checked] = await Promise.all([
    lookUp(db, 'slug', slugs), lookUp(db, 'nameLower', names), readSettings(db), before?.(),
  ]);
  const existing = new Map<number, Contact>();
  for (const c of bySlug) existing.set(c.id, c);
  for (const c of byName) existing.set(c.id, c);
  const plan = planImport(rows, [...existing.values()]);

  const day = today(now);
  const drafts: NewContactDraft[] = [];
  const updates: Contact[] = [];
  for (const a of plan.actions) {
    if (a.kind === 'new') {
      const draft = draftFromRow(a.row, t, a.nameLower);
      draft.nextFollowUp = impliedFollowUp(draft, settings, day);
      drafts.push(draft);
    } else if (a.kind === 'updated') {
      const current = existing.get(a.id)!;
      updates.push({ ...current, ...a.patch, updatedAt: t });
    }
  }

  if (drafts.length) await db.contacts.bulkAdd(drafts as Contact[]);
  if (updates.length) await db.contacts.bulkPut(updates);

  // The day LinkedIn says you connected is the contact's `connectedOn`: goals and the chart count
  // it from there (one record per person; no separate 'new-connection' activity since version 3).
  let connections = 0;
  for (const d of drafts) if (d.connectedOn) connections++;
  for (const c of updates) if (c.connectedOn && !existing.get(c.id)!.connectedOn) connections++;

  return {
    created: plan.counts.new,
    updated: plan.counts.updated,
    unchanged: plan.counts.unchanged,
    duplicates: plan.counts.duplicates,
    connections,
    checked: checked as T,
  };
}

/** "Imported 812 new, 3 updated, 0 unchanged, 5 skipped (members who hide their data)". */
export function describeImportResult(c: Pick<ImportCounts, 'new' | 'updated' | 'unchanged' | 'skipped' | 'duplicates'>): string {
  let s = `Imported ${c.new} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.skipped} skipped (members who hide their data)`;
  if (c.duplicates) s += `; ${c.duplicates} listed twice in the file were merged`;
  return s + '.';
}
