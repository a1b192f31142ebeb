import { fromIsoDate } from '../../lib/domain/dates';
import { dayDiff } from '../../lib/goals/periods';

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
