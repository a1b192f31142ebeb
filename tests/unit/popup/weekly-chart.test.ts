/**
 * The popup's 12-week chart: what each bar counts (every logged activity, plus the contacts
 * connected that week), at the edges of the 12 weeks and with the user's week start.
 */
import { describe, expect, it } from 'vitest';
import { readWeeklyActivity } from '../../../components/popup/data';
import { recordActivity } from '../../../lib/domain/activities';
import { addContact, freshDb } from '../reminders/helpers';

describe('weekly activity chart', () => {
  it('counts activities of every kind and contacts connected, per week, oldest first', async () => {
    const db = freshDb();
    const now = new Date(2026, 2, 5);
    // Thursday 2026-03-05, weeks start on Monday: this week is 2026-03-02 … 03-08; the first bar starts 2025-12-15.
    for (const [kind, date] of [
      ['expertise-shared', '2026-03-05'], ['event-attended', '2026-03-02'], ['mentorship', '2026-03-01'],
      ['group-contribution', '2025-12-15'], ['collaboration', '2025-12-14'], // the first day of the chart, and the day before
      ['expertise-shared', '2026-03-09'], // next week: not shown
    ] as const) await recordActivity(db, { kind, date, source: 'popup' }, now);
    for (const connectedOn of ['2026-03-03', '2026-03-08', '2026-02-23', null]) await addContact(db, { connectedOn });

    const bars = await readWeeklyActivity(db, '2026-03-05', 1);
    expect(bars).toHaveLength(12);
    expect(bars[0]).toEqual({ start: '2025-12-15', count: 1 });
    expect(bars[11]).toEqual({ start: '2026-03-02', count: 4 }); // 2 activities + 2 connections
    expect(bars[10]).toEqual({ start: '2026-02-23', count: 2 }); // mentorship on Sunday 03-01 + a connection
    expect(bars.reduce((n, b) => n + b.count, 0)).toBe(7);

    // Weeks starting on Sunday (03-01 … 03-07): Sunday's mentorship moves into the last week, the 03-08 connection out of it.
    const sunday = await readWeeklyActivity(db, '2026-03-05', 0);
    expect(sunday[11]).toEqual({ start: '2026-03-01', count: 4 });
  });
});
