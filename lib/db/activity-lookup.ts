/**
 * Finding activities by the contact or interaction they belong to, without an index on either
 * (schema version 4 dropped the activities' `contactId` index, version 3 their `interactionId`:
 * an index entry per activity for reads this rare).
 */
import type { RapportDB } from './db';
import type { Activity, Interaction } from './schema';
import { ACTIVITY_KINDS } from './constants';

/** Kinds whose activity, when an interaction earns it, is dated by something else (the event's date). */
const DATED_ELSEWHERE = ['event-attended', 'workshop-attended'] as const;

/**
 * The activities of these contacts. One read of the whole table (`getAll`, filtered here): only bulk
 * operations of the manager ask (delete, merge), far rarer than the writes an index would cost.
 */
export async function activitiesOf(db: RapportDB, contactIds: readonly number[]): Promise<Activity[]> {
  if (!contactIds.length) return [];
  const ids = new Set(contactIds);
  return (await db.activities.toArray()).filter((a) => a.contactId != null && ids.has(a.contactId));
}

/**
 * The activities an interaction earned (`interactionId`). The app dates them by the interaction's
 * day (interaction dates never change), except an event attended, dated by the event: so the
 * `[kind+date]` index finds them all with one key per kind on that day, plus those two kinds whole
 * (one activity per event attended).
 */
export async function interactionActivities(db: RapportDB, interaction: Pick<Interaction, 'id' | 'date'>): Promise<Activity[]> {
  const [sameDay, events] = await Promise.all([
    db.activities.where('[kind+date]').anyOf(ACTIVITY_KINDS.map((k) => [k, interaction.date])).toArray(),
    Promise.all(DATED_ELSEWHERE.map((k) => db.activities.where('[kind+date]').between([k, ''], [k, '\uffff'], true, true).toArray())),
  ]);
  const seen = new Set<number>();
  return [...sameDay, ...events.flat()].filter((a) => a.interactionId === interaction.id && !seen.has(a.id) && !!seen.add(a.id));
}
