/**
 * Display labels for the panel. Kept zod-free (the schema module pulls zod into the bundle); the
 * `satisfies` clauses keep them in step with lib/db/schema.ts.
 */
import type { InteractionKind } from '../../lib/db/schema';

export const RELATIONSHIP_KEYS = ['mentor', 'mentee', 'sponsor', 'peer', 'collaborator', 'expert', 'recruiter', 'manager', 'friend'] as const;
export const RELATIONSHIP_NAMES: Record<string, string> = {
  mentor: 'Mentor', mentee: 'Mentee', sponsor: 'Sponsor', peer: 'Peer', collaborator: 'Collaborator',
  expert: 'Subject-matter expert', recruiter: 'Recruiter', manager: 'Manager', friend: 'Friend',
};
export const relationshipName = (r: string) => RELATIONSHIP_NAMES[r] ?? r;

export const INTERACTION_KEYS = [
  'message', 'call', 'met-at-event', 'mentorship', 'collaboration', 'introduction', 'help-given',
  'help-received', 'expertise-shared', 'connection-request',
] as const satisfies readonly InteractionKind[];
export const INTERACTION_NAMES = {
  'connection-request': 'Connection request sent', message: 'Message', call: 'Call or meeting',
  'met-at-event': 'Met at an event', mentorship: 'Mentorship session', collaboration: 'Collaboration',
  introduction: 'Introduction', 'help-given': 'Help given', 'help-received': 'Help received',
  'expertise-shared': 'Expertise shared',
} satisfies Record<InteractionKind, string>;
/** Short labels for the one-click buttons. */
export const INTERACTION_SHORT = {
  'connection-request': 'Request sent', message: 'Message', call: 'Call / meeting',
  'met-at-event': 'Met at event', mentorship: 'Mentorship', collaboration: 'Collaboration',
  introduction: 'Introduction', 'help-given': 'Helped them', 'help-received': 'They helped',
  'expertise-shared': 'Shared expertise',
} satisfies Record<InteractionKind, string>;

export const STATUS_NAMES = { none: 'Not connected', invited: 'Invitation sent', connected: 'Connected' } as const;
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
