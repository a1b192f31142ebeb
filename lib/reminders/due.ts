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

/** Reads what buildDueList needs, through indexes only (never all contacts). */
export async function loadDueInputs(db: RapportDB, today: string): Promise<{ reminders: Reminder[]; contacts: ContactDue[] }> {
  const [reminders, dues, ids] = await Promise.all([
    db.reminders.where('[state+due]').between(['open', ''], ['open', today], true, true).toArray(),
    db.contacts.where('nextFollowUp').belowOrEqual(today).keys(),
    db.contacts.where('nextFollowUp').belowOrEqual(today).primaryKeys(),
  ]);
  const contacts = ids.map((id, i) => ({ id: id as number, due: dues[i] as string }));
  return { reminders, contacts };
}

/** The due list of the database on `today`. */
export async function loadDueList(db: RapportDB, today: string): Promise<DueEntry[]> {
  const { reminders, contacts } = await loadDueInputs(db, today);
  return buildDueList(reminders, contacts, today);
}

/** The toolbar badge's number: exactly the due list's length. */
export async function dueCount(db: RapportDB, today: string): Promise<number> {
  return (await loadDueList(db, today)).length;
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
