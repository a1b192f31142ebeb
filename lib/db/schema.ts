/**
 * The domain model: every record Rapport stores, as zod schemas (used to validate API input and
 * backups) and the TypeScript types derived from them. Dates that are days (due dates, connected-on,
 * activity dates) are ISO `YYYY-MM-DD` strings in the user's local calendar; instants (created,
 * updated) are epoch milliseconds.
 */
import { z } from 'zod';
import {
  ACTIVITY_KINDS, CONNECTION_STATUSES, CONTACT_SOURCES, EVENT_KINDS, INTERACTION_KINDS, MEMBERSHIPS, NOTE_TARGETS,
  PAGE_FIELDS, PERIODS, REMINDER_KINDS,
} from './constants';

// The zod-free lists, labels and defaults live in ./constants (the popup imports them without zod).
export {
  ACTIVITY_KINDS, ACTIVITY_LABELS, CONNECTION_STATUSES, CONTACT_SOURCES, DEFAULT_SETTINGS, DEFAULT_SHARE_PROMPTS,
  EVENT_KINDS, INTERACTION_KINDS, INTERACTION_LABELS, MEMBERSHIPS, NOTE_TARGETS, PAGE_FIELDS, PERIODS,
  RELATIONSHIPS, RELATIONSHIP_LABELS, REMINDER_KINDS,
} from './constants';
export type { ActivityKind, InteractionKind, Period } from './constants';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const text = (max: number) => z.string().max(max);
const id = z.number().int().positive();

/** A built-in relationship key, or a custom label the user typed (reused from settings). */
export const relationship = z.string().trim().min(1).max(60);

export const connectionStatus = z.enum(CONNECTION_STATUSES);
export const degree = z.enum(['1st', '2nd', '3rd']).nullable();

export const howWeMet = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('event'), eventId: id }),
    z.object({ kind: z.literal('group'), groupId: id }),
    z.object({ kind: z.literal('introduction'), contactId: id }),
    z.object({ kind: z.literal('text'), text: text(500) }),
  ])
  .nullable();

export const contactSchema = z.object({
  id,
  slug: z.string().min(1).max(200).nullable(),
  profileUrl: z.string().max(2000).nullable(),
  name: text(300),
  nameLower: text(300),
  headline: text(1000).nullable(),
  location: text(300).nullable(),
  company: text(300).nullable(),
  position: text(300).nullable(),
  email: text(300).nullable(),
  photoUrl: z.string().max(4000).nullable(),
  degree,
  status: connectionStatus,
  connectedOn: isoDate.nullable(),
  relationships: z.array(relationship).max(20),
  tags: z.array(z.string().trim().min(1).max(60)).max(100),
  howWeMet,
  cadenceDays: z.number().int().min(1).max(3650).nullable(),
  lastInteraction: isoDate.nullable(),
  /** The next keep-in-touch date: set by the user, or implied by cadence and last interaction. */
  nextFollowUp: isoDate.nullable(),
  /** True when the user picked `nextFollowUp` by hand (cadence changes then leave it alone). */
  followUpManual: z.boolean(),
  source: z.enum(CONTACT_SOURCES),
  /** Page fields the user typed or confirmed; imports and page reads never overwrite these. */
  userFields: z.array(z.enum(PAGE_FIELDS)),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Contact = z.infer<typeof contactSchema>;

export const groupSchema = z.object({
  id,
  groupId: z.string().min(1).max(100),
  name: text(500),
  url: z.string().max(2000).nullable(),
  memberCount: z.number().int().nonnegative().nullable(),
  description: text(5000).nullable(),
  membership: z.enum(MEMBERSHIPS),
  joinedOn: isoDate.nullable(),
  tags: z.array(z.string().trim().min(1).max(60)).max(100),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Group = z.infer<typeof groupSchema>;

export const eventSchema = z.object({
  id,
  name: text(500).min(1),
  kind: z.enum(EVENT_KINDS),
  date: isoDate,
  place: text(1000).nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type RapportEvent = z.infer<typeof eventSchema>;

export const noteSchema = z.object({
  id,
  targetType: z.enum(NOTE_TARGETS),
  targetId: id,
  text: text(20_000).min(1),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Note = z.infer<typeof noteSchema>;

export const interactionSchema = z.object({
  id,
  contactId: id,
  kind: z.enum(INTERACTION_KINDS),
  date: isoDate,
  note: text(2000).nullable(),
  createdAt: z.number(),
});
export type Interaction = z.infer<typeof interactionSchema>;

export const activitySchema = z.object({
  id,
  kind: z.enum(ACTIVITY_KINDS),
  date: isoDate,
  contactId: id.nullable(),
  groupId: id.nullable(),
  eventId: id.nullable(),
  /** The interaction or reminder that produced this activity, so undoing one undoes the other. */
  interactionId: id.nullable(),
  reminderId: id.nullable(),
  note: text(2000).nullable(),
  source: z.enum(['panel', 'popup', 'options', 'import', 'reminder']),
  createdAt: z.number(),
});
export type Activity = z.infer<typeof activitySchema>;

export const goalSchema = z.object({
  id,
  metric: z.enum(ACTIVITY_KINDS),
  target: z.number().int().min(1).max(1000),
  period: z.enum(PERIODS),
  active: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Goal = z.infer<typeof goalSchema>;

export const recurrence = z
  .discriminatedUnion('every', [
    z.object({ every: z.literal('days'), days: z.number().int().min(1).max(3650) }),
    z.object({ every: z.literal('weekdays'), weekdays: z.array(z.number().int().min(0).max(6)).min(1).max(7) }),
  ])
  .nullable();
export type Recurrence = z.infer<typeof recurrence>;
export const reminderSchema = z.object({
  id,
  kind: z.enum(REMINDER_KINDS),
  title: text(500).min(1),
  contactId: id.nullable(),
  groupId: id.nullable(),
  /** The day it is due; snoozing moves it and records `snoozedUntil`. */
  due: isoDate,
  recurrence,
  state: z.enum(['open', 'done', 'skipped']),
  snoozedUntil: isoDate.nullable(),
  doneAt: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Reminder = z.infer<typeof reminderSchema>;

export const settingsSchema = z.object({
  weekStart: z.number().int().min(0).max(6),
  panelPlacement: z.enum(['page', 'sidepanel']),
  /** False until the user has chosen where the panel lives (first-run question). */
  placementChosen: z.boolean(),
  panelSide: z.enum(['right', 'left']),
  panelCollapsed: z.boolean(),
  cadenceByRelationship: z.record(z.string(), z.number().int().min(1).max(3650)),
  defaultCadenceDays: z.number().int().min(1).max(3650).nullable(),
  customRelationships: z.array(relationship).max(100),
  shareExpertise: z.object({
    enabled: z.boolean(),
    weekdays: z.array(z.number().int().min(0).max(6)).max(7),
    prompts: z.array(text(300).min(1)).max(50),
  }),
  notifications: z.object({ enabled: z.boolean(), time: z.string().regex(/^\d{2}:\d{2}$/) }),
  starterGoalsOffered: z.boolean(),
  lastBackupAt: z.number().nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsRowSchema = z.object({ key: z.literal('settings'), value: settingsSchema });

export const importRunSchema = z.object({
  id,
  fileName: text(500),
  total: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  status: z.enum(['running', 'done', 'cancelled', 'interrupted', 'failed']),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type ImportRun = z.infer<typeof importRunSchema>;
