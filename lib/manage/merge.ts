/** Pure rules for merging duplicate contacts into one record (the survivor keeps its id and slug). */
import { type Contact, PAGE_FIELDS } from '../db/schema';

const STATUS_RANK: Record<Contact['status'], number> = { none: 0, invited: 1, connected: 2 };

function union<T>(lists: T[][]): T[] {
  return [...new Set(lists.flat())];
}

function minOf(xs: Array<string | null>): string | null {
  const v = xs.filter((x): x is string => x != null).sort();
  return v[0] ?? null;
}
function maxOf(xs: Array<string | null>): string | null {
  const v = xs.filter((x): x is string => x != null).sort();
  return v[v.length - 1] ?? null;
}

/**
 * The merged record. For each field LinkedIn supplies, what the user typed wins (the survivor's
 * first), then the survivor's value, then the first other value that is set. Tags, relationships and
 * typed-field marks are united; the closest connection status, the earliest connected-on and the
 * latest interaction are kept. `nextFollowUp` is a hand-picked date if any record had one (the
 * earliest); otherwise the caller recomputes it from the cadence.
 */
export function mergeContactRecords(survivor: Contact, others: readonly Contact[], now: number): Contact {
  const all = [survivor, ...others];
  const next: Contact = { ...survivor, updatedAt: now };
  const rec = next as Record<string, unknown>;
  for (const f of PAGE_FIELDS) {
    const typed = all.find((c) => c.userFields.includes(f) && c[f] != null);
    const value = typed ? typed[f] : all.find((c) => c[f] != null)?.[f];
    rec[f] = value ?? null;
  }
  next.name = next.name || survivor.name;
  next.nameLower = next.name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  next.slug = all.find((c) => c.slug)?.slug ?? null;
  next.userFields = union(all.map((c) => c.userFields)) as Contact['userFields'];
  next.tags = union(all.map((c) => c.tags));
  next.relationships = union(all.map((c) => c.relationships)).slice(0, 20);
  next.status = all.reduce((best, c) => (STATUS_RANK[c.status] > STATUS_RANK[best] ? c.status : best), survivor.status);
  next.connectedOn = minOf(all.map((c) => c.connectedOn));
  next.lastInteraction = maxOf(all.map((c) => c.lastInteraction));
  next.cadenceDays = all.find((c) => c.cadenceDays != null)?.cadenceDays ?? null;
  const ids = new Set(all.map((c) => c.id));
  next.howWeMet =
    all.map((c) => c.howWeMet).find((h) => h != null && !(h.kind === 'introduction' && ids.has(h.contactId))) ?? null;
  const manual = all.filter((c) => c.followUpManual && c.nextFollowUp);
  next.followUpManual = manual.length > 0;
  next.nextFollowUp = manual.length ? minOf(manual.map((c) => c.nextFollowUp)) : null;
  next.createdAt = Math.min(...all.map((c) => c.createdAt));
  return next;
}
