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

export interface DuePage {
  /** The first `limit` entries of the due list (buildDueList's order, exactly as loadDueList gives them). */
  entries: DueEntry[];
  /** The contacts these entries are about (due contacts and the people of reminders), for display. */
  contacts: Contact[];
  /** Whether more is due after these. */
  more: boolean;
}

/** The contacts among `ids` that have their own open follow-up reminder due by `today` (listed as that reminder). */
async function coveredContacts(db: RapportDB, ids: readonly number[], today: string): Promise<Set<number>> {
  if (!ids.length) return new Set();
  // One indexed get per contact, all in flight at once (anyOf walks a cursor step by step).
  const rows = (await Promise.all(ids.map((id) => db.reminders.where('contactId').equals(id).toArray()))).flat();
  return new Set(rows.filter((r) => r.state === 'open' && r.kind === 'follow-up' && r.due <= today && r.contactId != null).map((r) => r.contactId!));
}

/**
 * The first `limit` entries of the due list, reading about `limit` records however much is due
 * (the popup's first page): the first open reminders by `[state+due]` (plus every one due on the
 * last of those days, so the same-day order is exact) and the first due contacts by `nextFollowUp`
 * without their own due follow-up reminder. Any later reminder or contact is due no earlier, so
 * the page equals `loadDueList(db, today, limit).entries`. The total is left to loadDueList.
 */
export async function loadDuePage(db: RapportDB, today: string, limit = 25): Promise<DuePage> {
  const n = limit + 1; // one more than shown: is there more?
  const dueReminders = db.reminders.where('[state+due]').between(['open', ''], ['open', today], true, true);
  const people = new Map<number, Promise<Contact | undefined>>();
  const person = (id: number) => people.get(id) ?? people.set(id, db.contacts.get(id)).get(id)!;
  const readReminders = async (): Promise<Reminder[]> => {
    const head = await dueReminders.clone().limit(n).toArray();
    // Their people are read while the rest of the last day is.
    head.forEach((r) => r.contactId != null && void person(r.contactId));
    if (head.length < n) return head;
    const last = head[n - 1]!.due;
    const sameDay = await db.reminders.where('[state+due]').equals(['open', last]).toArray();
    return [...head.filter((r) => r.due < last), ...sameDay];
  };
  const readContacts = async (): Promise<Contact[]> => {
    const out: Contact[] = [];
    for (let offset = 0; out.length < n;) {
      const batch = await db.contacts.where('nextFollowUp').belowOrEqual(today).offset(offset).limit(n).toArray();
      offset += batch.length;
      const covered = await coveredContacts(db, batch.map((c) => c.id), today);
      out.push(...batch.filter((c) => !covered.has(c.id) && c.nextFollowUp));
      if (batch.length < n) break;
    }
    return out;
  };
  const [reminders, contacts] = await Promise.all([readReminders(), readContacts()]);
  const all = buildDueList(reminders, contacts.map((c) => ({ id: c.id, due: c.nextFollowUp! })), today);
  const entries = all.slice(0, limit);
  const byId = new Map(contacts.map((c) => [c.id, c] as const));
  const ofReminders = [...new Set(entries.flatMap((e) => (e.type === 'reminder' && e.reminder.contactId != null && !byId.has(e.reminder.contactId) ? [e.reminder.contactId] : [])))];
  for (const c of await Promise.all(ofReminders.map(person))) if (c) byId.set(c.id, c);
  const listed = new Set(entries.flatMap((e) => (e.type === 'contact' ? [e.contactId] : e.reminder.contactId != null ? [e.reminder.contactId] : [])));
  return { entries, contacts: [...byId.values()].filter((c) => listed.has(c.id)), more: all.length > limit };
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
