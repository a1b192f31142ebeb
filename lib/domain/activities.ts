/**
 * What counts toward goals. Every activity is recorded here, by the action that earns it, so that
 * goal progress is the same wherever it is shown.
 */
import type { RapportDB } from '../db/db';
import type { Activity, ActivityKind, Contact, InteractionKind } from '../db/schema';
import { daysBetween, toIsoDate } from './dates';

/** Interactions that also count as an activity. */
export const INTERACTION_ACTIVITY: Partial<Record<InteractionKind, ActivityKind>> = {
  mentorship: 'mentorship',
  collaboration: 'collaboration',
  'expertise-shared': 'expertise-shared',
  'help-given': 'expertise-shared',
};

/** Days of silence after which getting back in touch counts as a reconnection. */
export const RECONNECT_AFTER_DAYS = 90;

type NewActivity = Omit<Activity, 'id' | 'createdAt' | 'contactId' | 'groupId' | 'eventId' | 'interactionId' | 'reminderId' | 'note'> &
  Partial<Pick<Activity, 'contactId' | 'groupId' | 'eventId' | 'interactionId' | 'reminderId' | 'note'>>;

export async function recordActivity(db: RapportDB, a: NewActivity, now: Date): Promise<number> {
  return db.activities.add({
    contactId: null, groupId: null, eventId: null, interactionId: null, reminderId: null, note: null,
    ...a,
    createdAt: now.getTime(),
  } as Activity);
}

/** The day the user last heard from a contact, for reconnection purposes. */
export function lastHeardFrom(contact: Pick<Contact, 'lastInteraction' | 'connectedOn' | 'createdAt'>): string {
  return contact.lastInteraction ?? contact.connectedOn ?? toIsoDate(new Date(contact.createdAt));
}

export function isReconnection(contact: Pick<Contact, 'lastInteraction' | 'connectedOn' | 'createdAt'>, day: string): boolean {
  return daysBetween(lastHeardFrom(contact), day) >= RECONNECT_AFTER_DAYS;
}
