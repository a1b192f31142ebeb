/** Formatting shared by the popup's React components and its static first paint (no React here). */
import { ACTIVITY_LABELS, RELATIONSHIP_LABELS } from '../../lib/db/constants';
import type { Settings } from '../../lib/db/schema';
import { fromIsoDate } from '../../lib/domain/dates';
import type { GoalWithProgress } from '../../lib/goals/db';
import { PERIOD_LABELS, dayDiff } from '../../lib/goals/periods';
import { paceText, streakText } from '../../lib/goals/progress';
import { type DueEntry, contactContext, dueText } from '../../lib/reminders/due';
import { sinceSharedText } from '../../lib/reminders/prompts';
import { displayText } from '../safeText';
import type { DueView } from './reads';

const short = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** "today", "tomorrow", "Tue 10 Mar" */
export function friendlyDay(iso: string, today: string): string {
  const d = dayDiff(today, iso);
  if (d === 0) return 'today';
  if (d === 1) return 'tomorrow';
  if (d === -1) return 'yesterday';
  return short.format(fromIsoDate(iso));
}

export function shortDay(iso: string): string {
  return dayMonth.format(fromIsoDate(iso));
}

export function longToday(iso: string): string {
  return short.format(fromIsoDate(iso));
}

/** Only LinkedIn profile addresses are opened from the popup. */
export function safeProfileUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && (u.hostname === 'www.linkedin.com' || u.hostname === 'linkedin.com') ? u.href : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// What the popup's first screen shows, computed once for both renderers: the React components
// (Goals.tsx, Reminders.tsx) and the static first paint (first-paint.ts, before React loads).
// tests/unit/popup/first-paint.test.tsx checks that both draw the same thing.

/** One goal's row: name, numbers, bar widths and the pace line. */
export function goalView({ goal, progress }: GoalWithProgress) {
  const name = ACTIVITY_LABELS[goal.metric];
  const period = PERIOD_LABELS[goal.period].thisOne;
  const pacePct = Math.round(progress.elapsed * 100);
  return {
    name,
    period,
    status: progress.status,
    count: `${progress.done} / ${progress.target}`,
    barLabel: `${name} ${period}`,
    barNow: Math.min(progress.done, progress.target),
    barText: `${progress.done} of ${progress.target}`,
    /** Width of the filled bar, in % */
    pct: Math.min(100, Math.round((progress.done / progress.target) * 100)),
    /** Where the pace marker goes (%), or null when none is drawn. */
    pacePct: progress.status !== 'met' && pacePct > 0 && pacePct < 100 ? pacePct : null,
    pace: paceText(progress),
    streak: streakText(progress, goal.period),
    editLabel: `Edit goal: ${name}`,
  };
}

export const NO_GOALS = 'A small, steady goal — such as 3 new connections a week — keeps your network growing.';
export const STARTER_HINT = 'From the networking playbook. Change the numbers or untick any you do not want.';
export const PACE_MARK_TITLE = 'Where you would be on pace today';
export const STREAK_TITLE = 'Consecutive periods with the goal met';

const RELATIONSHIPS: Record<string, string> = RELATIONSHIP_LABELS;

/** A due entry's body: the share-expertise prompt, or a person (or a reminder without one). */
export type DueBody =
  | { type: 'share'; text: string; since: string }
  | {
    type: 'person';
    /** The contact's (or the reminder's) name as shown; null: "A contact". */
    name: string | null;
    /** A contact's LinkedIn profile (opened in a new tab), when it is one. */
    url: string | null;
    tag: 'Promised' | 'Follow-up' | null;
    /** A reminder's title under the contact's name. */
    text: string | null;
    /** Relationship, last contact, connected since (contacts only). */
    context: string | null;
  };

/** One line of "Due today". */
export function dueItemView(entry: DueEntry, due: DueView, today: string) {
  const contactId = entry.type === 'contact' ? entry.contactId : entry.reminder.contactId;
  const contact = contactId != null ? due.contacts.get(contactId) : undefined;
  const isShare = entry.type === 'reminder' && entry.reminder.kind === 'share-expertise';
  const title = entry.type === 'reminder' ? entry.reminder.title : null;
  const kind = entry.type === 'reminder' ? entry.reminder.kind : undefined;
  let body: DueBody;
  if (isShare) {
    body = { type: 'share', text: displayText(title!), since: sinceSharedText(due.lastShared, due.lastShared ? dayDiff(due.lastShared, today) : null) };
  } else {
    body = {
      type: 'person',
      name: contact ? displayText(contact.name) : title ? displayText(title) : null,
      url: contact ? safeProfileUrl(contact.profileUrl) : null,
      tag: kind === 'commitment' ? 'Promised' : kind === 'follow-up' ? 'Follow-up' : null,
      text: contact && title ? displayText(title) : null,
      context: contact ? displayText(contactContext(contact, today, RELATIONSHIPS)) : null,
    };
  }
  /** Who the buttons are about ("Snooze Ada Lovelace"). */
  const name = isShare ? 'Share your expertise' : displayText(contact?.name ?? (title ?? 'this contact'));
  return {
    kindClass: entry.type === 'contact' ? 'follow-up' : entry.reminder.kind,
    when: dueText(entry.due, today),
    overdue: dayDiff(entry.due, today) > 0,
    body,
    name,
    doneTitle: entry.type === 'contact' ? 'Logs that you got in touch (a message) and sets the next follow-up' : isShare ? 'Counts toward your expertise goal' : undefined,
  };
}

export function dueKey(e: DueEntry): string {
  return e.type === 'contact' ? `c${e.contactId}` : `r${e.reminder.id}`;
}

/** The empty due list's advice when no one has a keep-in-touch date. */
export const NO_FOLLOW_UPS = 'Save people from their LinkedIn profile with the Rapport panel and set how often to keep in touch '
  + '(for example a mentor every 30 days); they will show up here when it is time.';

/** "Show more" under the due list; `total` is read after the first screen. */
export function moreText(total: number | undefined, shown: number): string {
  return total != null && total > shown ? `Show more (${total - shown} more due)` : 'Show more';
}

/** The empty due list's "Next: …" line, or null. */
export function nextText(due: DueView, today: string): string | null {
  return due.next ? `Next: ${due.next.what} — ${friendlyDay(due.next.due, today)}.` : null;
}

/** Whether the first-run starter goals are offered instead of the goal list. */
export function offerStarters(goals: GoalWithProgress[] | undefined, settings: Settings | undefined): boolean {
  return !!settings && !settings.starterGoalsOffered && goals !== undefined && goals.length === 0;
}

export const QUICK_LOG_CHOICES = [
  { what: 'event', label: 'Attended an event' },
  { what: 'group-joined', label: 'Joined a group' },
  { what: 'expertise-shared', label: 'Shared expertise' },
  { what: 'workshop-ran', label: 'Ran a workshop' },
] as const;
export type QuickLogWhat = (typeof QUICK_LOG_CHOICES)[number]['what'];
