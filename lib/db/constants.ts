/**
 * The zod-free part of the domain model: the fixed lists and labels of every record kind, and the
 * default settings. Pages that only READ (the toolbar popup) import these from here, so that their
 * bundle carries no zod; lib/db/schema.ts builds its schemas from the same lists and re-exports them
 * (import from either: it is the same value).
 */
import type { Settings } from './schema';

/** The extension's IndexedDB database (opened by Dexie in lib/db/db.ts; read raw by the popup's first screen). */
export const DB_NAME = 'rapport';

export const RELATIONSHIPS = [
  'mentor', 'mentee', 'sponsor', 'peer', 'collaborator', 'expert', 'recruiter', 'manager', 'friend',
] as const;
export const RELATIONSHIP_LABELS: Record<(typeof RELATIONSHIPS)[number], string> = {
  mentor: 'Mentor', mentee: 'Mentee', sponsor: 'Sponsor', peer: 'Peer', collaborator: 'Collaborator',
  expert: 'Subject-matter expert', recruiter: 'Recruiter', manager: 'Manager', friend: 'Friend',
};

export const CONNECTION_STATUSES = ['none', 'invited', 'connected'] as const;
/** How the app names a contact's connection status: the panel, the options list and the CSV export. */
export const STATUS_LABELS: Record<(typeof CONNECTION_STATUSES)[number], string> = {
  none: 'Not connected', invited: 'Invitation sent', connected: 'Connected',
};
export const CONTACT_SOURCES = ['page', 'csv', 'manual'] as const;

/** Fields of a contact that LinkedIn's page or CSV can supply. */
export const PAGE_FIELDS = ['name', 'headline', 'location', 'company', 'position', 'photoUrl', 'degree', 'profileUrl', 'email'] as const;

export const MEMBERSHIPS = ['none', 'member', 'requested', 'left'] as const;
export const EVENT_KINDS = ['conference', 'meetup', 'workshop', 'webinar', 'training', 'other'] as const;
export const NOTE_TARGETS = ['contact', 'group', 'event'] as const;

export const INTERACTION_KINDS = [
  'connection-request', 'message', 'call', 'met-at-event', 'mentorship', 'collaboration',
  'introduction', 'help-given', 'help-received', 'expertise-shared',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
export const INTERACTION_LABELS: Record<InteractionKind, string> = {
  'connection-request': 'Connection request sent', message: 'Message', call: 'Call or meeting',
  'met-at-event': 'Met at an event', mentorship: 'Mentorship session', collaboration: 'Collaboration',
  introduction: 'Introduction', 'help-given': 'Help given', 'help-received': 'Help received',
  'expertise-shared': 'Expertise shared',
};

/** What goals count. */
export const ACTIVITY_KINDS = [
  'new-connection', 'group-joined', 'group-contribution', 'event-attended', 'workshop-attended',
  'expertise-shared', 'mentorship', 'collaboration', 'reconnection',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_LABELS: Record<ActivityKind, string> = {
  'new-connection': 'New connections', 'group-joined': 'Groups joined',
  'group-contribution': 'Group contributions', 'event-attended': 'Events attended',
  'workshop-attended': 'Workshops attended', 'expertise-shared': 'Expertise shared',
  mentorship: 'Mentorship conversations', collaboration: 'Collaborations started',
  reconnection: 'Reconnections (90+ days quiet)',
};

export const PERIODS = ['week', 'month', 'quarter'] as const;
export type Period = (typeof PERIODS)[number];

export const REMINDER_KINDS = ['follow-up', 'commitment', 'share-expertise'] as const;

export const DEFAULT_SHARE_PROMPTS = [
  'Answer a question in one of your groups.',
  'Post a lesson you learned this week.',
  'Send a useful article to three people who would benefit.',
  'Offer an hour to a mentee.',
  'Write a recommendation for a collaborator.',
];

export const DEFAULT_SETTINGS: Settings = {
  weekStart: 1,
  panelPlacement: 'page',
  placementChosen: false,
  panelSide: 'right',
  panelCollapsed: false,
  cadenceByRelationship: {
    mentor: 30, mentee: 30, sponsor: 45, peer: 90, collaborator: 30, expert: 90, recruiter: 120,
    manager: 60, friend: 60,
  },
  defaultCadenceDays: null,
  customRelationships: [],
  shareExpertise: { enabled: true, weekdays: [2, 4], prompts: DEFAULT_SHARE_PROMPTS },
  notifications: { enabled: false, time: '09:00' },
  starterGoalsOffered: false,
  lastBackupAt: null,
};
