/**
 * Display labels for the panel. Kept zod-free (the schema module pulls zod into the bundle); the
 * `satisfies` clauses keep them in step with lib/db/schema.ts. The names of relationships,
 * interactions and connection statuses are lib/db/constants.ts's, which the options page, the popup
 * and the CSV export use too.
 */
import type { InteractionKind } from '../../lib/db/schema';
import { INTERACTION_LABELS, RELATIONSHIPS, RELATIONSHIP_LABELS, STATUS_LABELS } from '../../lib/db/constants';

export const RELATIONSHIP_KEYS = RELATIONSHIPS;
export const RELATIONSHIP_NAMES: Record<string, string> = RELATIONSHIP_LABELS;
export const relationshipName = (r: string) => RELATIONSHIP_NAMES[r] ?? r;

export const INTERACTION_KEYS = [
  'message', 'call', 'met-at-event', 'mentorship', 'collaboration', 'introduction', 'help-given',
  'help-received', 'expertise-shared', 'connection-request',
] as const satisfies readonly InteractionKind[];
export const INTERACTION_NAMES = INTERACTION_LABELS;
/** Short labels for the one-click buttons. */
export const INTERACTION_SHORT = {
  'connection-request': 'Request sent', message: 'Message', call: 'Call / meeting',
  'met-at-event': 'Met at event', mentorship: 'Mentorship', collaboration: 'Collaboration',
  introduction: 'Introduction', 'help-given': 'Helped them', 'help-received': 'They helped',
  'expertise-shared': 'Shared expertise',
} satisfies Record<InteractionKind, string>;

export const STATUS_NAMES = STATUS_LABELS;
export const MEMBERSHIP_NAMES = { none: 'Not a member', member: 'Member', requested: 'Requested to join', left: 'Left' } as const;

export const CONTRIBUTION_KEYS = ['posted', 'commented', 'answered', 'shared-resource'] as const;
export const CONTRIBUTION_NAMES = {
  posted: 'Posted', commented: 'Commented', answered: 'Answered a question', 'shared-resource': 'Shared a resource',
} as const;

export const FIELD_NAMES: Record<string, string> = {
  name: 'name', headline: 'headline', location: 'location', company: 'company', degree: 'connection degree',
  photoUrl: 'photo', slug: 'profile address', memberCount: 'member count', description: 'description',
};

/** "3 May 2025" style, in the user's locale. */
export function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}
export function formatInstant(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
