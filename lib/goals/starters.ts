/** The networking playbook's starter goals, offered on first run. */
import type { ActivityKind, Period } from '../db/schema';
import { ACTIVITY_LABELS } from '../db/schema';
import { PERIOD_LABELS } from './periods';

export interface GoalDraft { metric: ActivityKind; target: number; period: Period }

export const STARTER_GOALS: GoalDraft[] = [
  { metric: 'new-connection', target: 5, period: 'week' },
  { metric: 'expertise-shared', target: 2, period: 'week' },
  { metric: 'event-attended', target: 1, period: 'month' },
];

/** "5 new connections a week" */
export function describeGoal(g: GoalDraft): string {
  return `${g.target} × ${ACTIVITY_LABELS[g.metric].toLowerCase()} ${PERIOD_LABELS[g.period].adverb}`;
}
