/**
 * What is due: open reminders due today or earlier, and contacts whose keep-in-touch date has
 * come. ONE function orders them; the popup lists its result and the toolbar badge shows its
 * length, so the two never drift.
 */
import type { RapportDB } from '../db/db';
import type { Contact, Reminder } from '../db/schema';
import { dayDiff } from '../goals/periods';

export type DueEntry =
  | { type: 'reminder'; due: string; reminder: Reminder }
  | { type: 'contact'; due: string; contactId: number };

export interface ContactDue { id: number; due: string }

const KIND_ORDER: Record<Reminder['kind'], number> = { commitment: 0, 'follow-up': 1, 'share-expertise': 2 };

/**
 * Orders due things: most overdue first; on the same day commitments, then people, then the
 * share-expertise prompt. A contact with its own due follow-up reminder is listed once (the reminder).
 * Only open reminders due on or before `today` count, whatever the caller passes.
 */
export function buildDueList(reminders: readonly Reminder[], contacts: readonly ContactDue[], today: string): DueEntry[] {
  const open = reminders.filter((r) => r.state === 'open' && r.due <= today);
  const covered = new Set(open.filter((r) => r.kind === 'follow-up' && r.contactId != null).map((r) => r.contactId!));
  const entries: DueEntry[] = [
    ...open.map((r): DueEntry => ({ type: 'reminder', due: r.due, reminder: r })),
    ...contacts.filter((c) => c.due <= today && !covered.has(c.id)).map((c): DueEntry => ({ type: 'contact', due: c.due, contactId: c.id })),
  ];
  const rank = (e: DueEntry) => (e.type === 'reminder' ? KIND_ORDER[e.reminder.kind] : 1);
  const id = (e: DueEntry) => (e.type === 'reminder' ? e.reminder.id : e.contactId);
  entries.sort((a, b) => a.due.localeCompare(b.due) || rank(a) - rank(b) || a.type.localeCompare(b.type) || id(a) - id(b));
  return entries;
}

export interface DueList {
  /** How many things are due: the toolbar badge's number. */
  total: number;
  /** The first `limit` of them, in buildDueList's order. */
  entries: DueEntry[];
  /** The reminders that are due (all of them; summaries use their kinds). */
  reminders: Reminder[];
  /** Due contacts without their own due follow-up reminder (ids, most overdue first). */
  contactIds: number[];
}

/**
 * The due list of the database on `today`, through indexes only: open reminders due by today
 * (`[state+due]`), the ids of contacts whose keep-in-touch date has come (`nextFollowUp`, in date
 * order; never all contacts). Only the first `limit` contacts are read in full, which is exact:
 * any later contact is due no earlier than those. The popup asks for a page of entries; the badge
 * asks for `limit` 0 and shows `total` — the same code, so the two never drift.
 */
export async function loadDueList(db: RapportDB, today: string, limit = 25): Promise<DueList> {
  const [reminders, ids] = await Promise.all([
    db.reminders.where('[state+due]').between(['open', ''], ['open', today], true, true).toArray(),
    db.contacts.where('nextFollowUp').belowOrEqual(today).primaryKeys() as Promise<number[]>,
  ]);
  const covered = new Set(reminders.filter((r) => r.kind === 'follow-up' && r.contactId != null).map((r) => r.contactId!));
  const contactIds = ids.filter((id) => !covered.has(id));
  const total = reminders.length + contactIds.length;
  let entries: DueEntry[] = [];
  if (limit > 0) {
    const head = (await db.contacts.bulkGet(contactIds.slice(0, limit)))
      .filter((c): c is Contact => !!c && !!c.nextFollowUp)
      .map((c) => ({ id: c.id, due: c.nextFollowUp! }));
    entries = buildDueList(reminders, head, today).slice(0, limit);
  }
  return { total, entries, reminders, contactIds };
}

/** The toolbar badge's number: the due list's total. */
export async function dueCount(db: RapportDB, today: string): Promise<number> {
  return (await loadDueList(db, today, 0)).total;
}

/** "due today" / "1 day overdue" / "12 days overdue" */
export function dueText(due: string, today: string): string {
  const late = dayDiff(due, today);
  if (late <= 0) return 'due today';
  return late === 1 ? '1 day overdue' : `${late} days overdue`;
}

/** "Mentor, 41 days" — the relationship and the days since you last heard from them. */
export function contactContext(
  contact: Pick<Contact, 'relationships' | 'lastInteraction' | 'connectedOn'>,
  today: string,
  labels: Record<string, string>,
): string {
  const rel = contact.relationships[0];
  const relText = rel ? (labels[rel] ?? rel) : null;
  const since = contact.lastInteraction ?? contact.connectedOn;
  let quiet: string | null = null;
  if (since) {
    const d = Math.max(0, dayDiff(since, today));
    const what = contact.lastInteraction ? 'since you last talked' : 'since you connected';
    quiet = d === 0 ? (contact.lastInteraction ? 'talked today' : 'connected today') : `${d} day${d === 1 ? '' : 's'} ${what}`;
  }
  return [relText, quiet].filter(Boolean).join(', ') || 'no interaction logged yet';
}
