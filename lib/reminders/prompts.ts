/** The rotating "share your expertise" prompts. */
import { DEFAULT_SHARE_PROMPTS } from '../db/constants';

/** The prompt after `previous` in the user's list (the first one when unknown); wraps around. */
export function nextPrompt(prompts: readonly string[], previous: string | null): string {
  const list = prompts.length ? prompts : DEFAULT_SHARE_PROMPTS;
  const i = previous == null ? -1 : list.indexOf(previous);
  return list[(i + 1) % list.length]!;
}

/** "It has been 9 days since you last shared" / "You shared today" / never. */
export function sinceSharedText(lastShared: string | null, days: number | null): string {
  if (!lastShared || days == null) return 'You have not recorded sharing your expertise yet.';
  if (days <= 0) return 'You shared your expertise today.';
  if (days === 1) return 'You last shared yesterday.';
  return `It has been ${days} days since you last shared.`;
}
