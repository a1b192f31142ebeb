import { createDb, type RapportDB } from '../../../lib/db/db';
import type { Contact, Reminder } from '../../../lib/db/schema';
import { MSG } from '../../../lib/api/messages';
import { handleApiMessage } from '../../../lib/api/server';

export function freshDb(): RapportDB {
  return createDb('test-' + crypto.randomUUID());
}

/** Calls an op as the popup would, at a fixed "now". Throws with the error message on failure. */
export async function callOp<T = any>(db: RapportDB, op: string, input: unknown, now: Date, sender: 'extension' | 'content' = 'extension'): Promise<T> {
  const res = await handleApiMessage({ type: MSG.UI_API_CALL, op, input }, sender, { db, now: () => now });
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.data as T;
}

let n = 0;
export async function addContact(db: RapportDB, patch: Partial<Contact>): Promise<number> {
  n++;
  const c: Omit<Contact, 'id'> = {
    slug: `invented-person-${n}-${crypto.randomUUID().slice(0, 6)}`, profileUrl: null, name: `Invented Person ${n}`, nameLower: `invented person ${n}`,
    headline: null, location: null, company: null, position: null, email: null, photoUrl: null, degree: '1st',
    status: 'connected', connectedOn: null, relationships: [], tags: [], howWeMet: null, cadenceDays: null,
    lastInteraction: null, nextFollowUp: null, followUpManual: false, source: 'manual', userFields: [],
    createdAt: 1, updatedAt: 1, ...patch,
  };
  return (await db.contacts.add(c as Contact)) as number;
}

export async function addReminder(db: RapportDB, patch: Partial<Reminder>): Promise<number> {
  const r: Omit<Reminder, 'id'> = {
    kind: 'commitment', title: 'Send the deck', contactId: null, groupId: null, due: '2026-03-05', recurrence: null,
    state: 'open', snoozedUntil: null, doneAt: null, createdAt: 1, updatedAt: 1, ...patch,
  };
  return (await db.reminders.add(r as Reminder)) as number;
}
