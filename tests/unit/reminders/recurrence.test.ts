import { describe, expect, it } from 'vitest';
import { nextOccurrence, nextWeekday, snoozeUntil } from '../../../lib/reminders/recurrence';
import { nextPrompt, sinceSharedText } from '../../../lib/reminders/prompts';

describe('reminder recurrence', () => {
  it('weekday schedules: next Tue/Thu on or after a day', () => {
    expect(nextWeekday([2, 4], '2026-03-02')).toBe('2026-03-03'); // Mon → Tue
    expect(nextWeekday([2, 4], '2026-03-03')).toBe('2026-03-03'); // Tue itself
    expect(nextWeekday([2, 4], '2026-03-06')).toBe('2026-03-10'); // Fri → next Tue
    expect(nextWeekday([], '2026-03-06')).toBeNull();
  });

  it('next occurrence after done/skip is strictly in the future, also when finished late', () => {
    const tueThu = { every: 'weekdays' as const, weekdays: [2, 4] };
    expect(nextOccurrence(tueThu, '2026-03-03', '2026-03-03')).toBe('2026-03-05');
    expect(nextOccurrence(tueThu, '2026-03-03', '2026-03-06')).toBe('2026-03-10');
    const every14 = { every: 'days' as const, days: 14 };
    expect(nextOccurrence(every14, '2026-03-01', '2026-03-01')).toBe('2026-03-15');
    expect(nextOccurrence(every14, '2026-03-01', '2026-03-20')).toBe('2026-03-29');
    expect(nextOccurrence(null, '2026-03-01', '2026-03-01')).toBeNull();
    // Across the European DST change
    expect(nextOccurrence({ every: 'days', days: 1 }, '2026-03-28', '2026-03-28')).toBe('2026-03-29');
  });

  it('snooze: tomorrow, next week (week start), or a date', () => {
    expect(snoozeUntil('tomorrow', '2026-03-31', 1)).toBe('2026-04-01');
    expect(snoozeUntil('next-week', '2026-03-04', 1)).toBe('2026-03-09'); // Wed → next Mon
    expect(snoozeUntil('next-week', '2026-03-09', 1)).toBe('2026-03-16'); // Mon → following Mon
    expect(snoozeUntil('next-week', '2026-03-04', 0)).toBe('2026-03-08'); // → Sunday
    expect(snoozeUntil('2026-05-01', '2026-03-04', 1)).toBe('2026-05-01');
  });

  it('share prompts rotate and wrap around', () => {
    const p = ['A', 'B', 'C'];
    expect(nextPrompt(p, null)).toBe('A');
    expect(nextPrompt(p, 'A')).toBe('B');
    expect(nextPrompt(p, 'C')).toBe('A');
    expect(nextPrompt(p, 'an old prompt the user removed')).toBe('A');
    expect(sinceSharedText('2026-03-01', 9)).toBe('It has been 9 days since you last shared.');
    expect(sinceSharedText(null, null)).toMatch(/not recorded/);
  });
});
