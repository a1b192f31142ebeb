/**
 * Likely duplicates: the same LinkedIn profile saved twice (same slug once decoded and lower-cased),
 * or the same name and company where a slug is missing — typically an old CSV import without
 * profile URLs and a later visit to the profile.
 */
import type { Contact } from '../db/schema';

export type DuplicateReason = 'same-profile' | 'same-name-company';

export interface DuplicateGroup {
  reason: DuplicateReason;
  /** The contact to keep first (the one with a slug, else the oldest), then the others. */
  contacts: Contact[];
}

type Dupable = Pick<Contact, 'id' | 'slug' | 'name' | 'company' | 'createdAt'>;

export function normaliseSlug(slug: string): string {
  let s = slug.trim();
  try {
    s = decodeURIComponent(s);
  } catch {
    /* keep as typed */
  }
  return s.replace(/\//g, '').normalize('NFKC').toLowerCase();
}

function norm(s: string | null | undefined): string {
  return (s ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The contact a merge keeps: the one with a slug, else the oldest. */
export function pickSurvivor<T extends Dupable>(contacts: readonly T[]): T {
  return contacts.slice().sort((a, b) => Number(!a.slug) - Number(!b.slug) || a.createdAt - b.createdAt || a.id - b.id)[0]!;
}

function ordered<T extends Dupable>(contacts: T[]): T[] {
  const first = pickSurvivor(contacts);
  return [first, ...contacts.filter((c) => c !== first).sort((a, b) => a.id - b.id)];
}

export function findDuplicates<T extends Contact>(contacts: readonly T[]): Array<{ reason: DuplicateReason; contacts: T[] }> {
  const groups: Array<{ reason: DuplicateReason; contacts: T[] }> = [];
  const inGroup = new Set<number>();

  const bySlug = new Map<string, T[]>();
  for (const c of contacts) {
    if (!c.slug) continue;
    const k = normaliseSlug(c.slug);
    const list = bySlug.get(k);
    if (list) list.push(c);
    else bySlug.set(k, [c]);
  }
  for (const list of bySlug.values()) {
    if (list.length < 2) continue;
    groups.push({ reason: 'same-profile', contacts: ordered(list) });
    list.forEach((c) => inGroup.add(c.id));
  }

  const byNameCompany = new Map<string, T[]>();
  for (const c of contacts) {
    const name = norm(c.name);
    if (!name) continue;
    const k = name + '\u0000' + norm(c.company);
    const list = byNameCompany.get(k);
    if (list) list.push(c);
    else byNameCompany.set(k, [c]);
  }
  for (const list of byNameCompany.values()) {
    if (list.length < 2) continue;
    const free = list.filter((c) => !inGroup.has(c.id));
    const withoutSlug = free.filter((c) => !c.slug);
    if (!withoutSlug.length) continue; // two different profiles that share a name: not duplicates
    const slugs = new Set(free.filter((c) => c.slug).map((c) => normaliseSlug(c.slug!)));
    // With one profile, every slug-less record joins it; with several, we cannot tell whose it is.
    const members = slugs.size <= 1 ? free : withoutSlug;
    if (members.length < 2) continue;
    groups.push({ reason: 'same-name-company', contacts: ordered(members) });
    members.forEach((c) => inGroup.add(c.id));
  }
  return groups;
}
