/** The networking playbook's starter goals (offered on first run) and how goals read in words. */
import type { ActivityKind, Period } from '../db/schema';
import { PERIOD_LABELS } from './periods';

export interface GoalDraft { metric: ActivityKind; target: number; period: Period }

export const STARTER_GOALS: GoalDraft[] = [
  { metric: 'new-connection', target: 5, period: 'week' },
  { metric: 'expertise-shared', target: 2, period: 'week' },
  { metric: 'event-attended', target: 1, period: 'month' },
];

/** Singular and plural noun of what a goal counts. */
export const METRIC_UNITS: Record<ActivityKind, [string, string]> = {
  'new-connection': ['new connection', 'new connections'],
  'group-joined': ['group joined', 'groups joined'],
  'group-contribution': ['group contribution', 'group contributions'],
  'event-attended': ['event attended', 'events attended'],
  'workshop-attended': ['workshop attended', 'workshops attended'],
  'expertise-shared': ['time sharing expertise', 'times sharing expertise'],
  mentorship: ['mentorship conversation', 'mentorship conversations'],
  collaboration: ['collaboration started', 'collaborations started'],
  reconnection: ['reconnection (90+ days quiet)', 'reconnections (90+ days quiet)'],
};

export function unit(metric: ActivityKind, n: number): string {
  return METRIC_UNITS[metric][n === 1 ? 0 : 1];
}

/** "5 new connections a week" */
export function describeGoal(g: GoalDraft): string {
  return `${g.target} ${unit(g.metric, g.target)} ${PERIOD_LABELS[g.period].adverb}`;
}
