import type { Contact, Settings } from '../db/schema';
import { addDays } from './dates';

/** The keep-in-touch cadence for a contact: their own, else the shortest default of their relationships. */
export function effectiveCadence(
  contact: Pick<Contact, 'cadenceDays' | 'relationships'>,
  settings: Pick<Settings, 'cadenceByRelationship' | 'defaultCadenceDays'>,
): number | null {
  if (contact.cadenceDays) return contact.cadenceDays;
  const defaults = contact.relationships
    .map((r) => settings.cadenceByRelationship[r])
    .filter((n): n is number => typeof n === 'number');
  if (defaults.length) return Math.min(...defaults);
  return settings.defaultCadenceDays;
}

/**
 * The next follow-up a contact's cadence implies: cadence days after the last interaction (or after
 * `fromDay` when there has been none). A date the user picked by hand is kept.
 */
export function impliedFollowUp(
  contact: Pick<Contact, 'cadenceDays' | 'relationships' | 'lastInteraction' | 'nextFollowUp' | 'followUpManual'>,
  settings: Pick<Settings, 'cadenceByRelationship' | 'defaultCadenceDays'>,
  fromDay: string,
): string | null {
  if (contact.followUpManual) return contact.nextFollowUp;
  const cadence = effectiveCadence(contact, settings);
  if (!cadence) return null;
  return addDays(contact.lastInteraction ?? fromDay, cadence);
}
