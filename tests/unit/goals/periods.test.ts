import { describe, expect, it } from 'vitest';
import { elapsedFraction, periodOf, plusDays, shiftPeriod, weekday } from '../../../lib/goals/periods';
import { toIsoDate } from '../../../lib/domain/dates';

describe('goal periods over ISO days', () => {
  it('weeks start on the user\'s chosen day (Monday vs Sunday)', () => {
    // 2026-03-01 is a Sunday.
    expect(weekday('2026-03-01')).toBe(0);
    expect(periodOf('2026-03-01', 'week', 1)).toEqual({ start: '2026-02-23', end: '2026-03-02', days: 7 });
    expect(periodOf('2026-03-01', 'week', 0)).toEqual({ start: '2026-03-01', end: '2026-03-08', days: 7 });
    expect(periodOf('2026-03-02', 'week', 1).start).toBe('2026-03-02');
    expect(periodOf('2026-03-07', 'week', 0).start).toBe('2026-03-01');
    expect(periodOf('2026-03-07', 'week', 6).start).toBe('2026-03-07'); // Saturday start
  });

  it('month and quarter edges, leap years and year ends', () => {
    expect(periodOf('2028-02-29', 'month', 1)).toEqual({ start: '2028-02-01', end: '2028-03-01', days: 29 });
    expect(periodOf('2026-12-31', 'month', 1)).toEqual({ start: '2026-12-01', end: '2027-01-01', days: 31 });
    expect(periodOf('2026-03-31', 'quarter', 1)).toEqual({ start: '2026-01-01', end: '2026-04-01', days: 90 });
    expect(periodOf('2026-04-01', 'quarter', 1).start).toBe('2026-04-01');
    expect(periodOf('2026-12-31', 'quarter', 1)).toEqual({ start: '2026-10-01', end: '2027-01-01', days: 92 });
    expect(periodOf('2026-01-01', 'week', 1).start).toBe('2025-12-29'); // week across the year end
  });

  it('daylight-saving weeks still have 7 days and the right boundaries (Europe 2026-03-29, US 2026-03-08, autumn)', () => {
    for (const day of ['2026-03-29', '2026-03-08', '2026-10-25', '2026-11-01']) {
      const w = periodOf(day, 'week', 1);
      expect(w.days).toBe(7);
      expect(weekday(w.start)).toBe(1);
      expect(w.start <= day && day < w.end).toBe(true);
    }
    expect(plusDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(plusDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(plusDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(periodOf('2026-03-31', 'month', 1).days).toBe(31);
  });

  it('local day of an instant is what the caller passes (late evening stays on its own day)', () => {
    const lateSunday = new Date(2026, 2, 29, 23, 30); // local time, DST day in Europe
    expect(periodOf(toIsoDate(lateSunday), 'week', 1)).toEqual({ start: '2026-03-23', end: '2026-03-30', days: 7 });
    const earlyMonday = new Date(2026, 2, 30, 0, 15);
    expect(periodOf(toIsoDate(earlyMonday), 'week', 1).start).toBe('2026-03-30');
  });

  it('shifts to previous periods and measures elapsed time (today not counted)', () => {
    const w = periodOf('2026-03-04', 'week', 1);
    expect(shiftPeriod(w, 'week', 1, 1).start).toBe('2026-02-23');
    const q = periodOf('2026-02-10', 'quarter', 1);
    expect(shiftPeriod(q, 'quarter', 1, 1)).toEqual({ start: '2025-10-01', end: '2026-01-01', days: 92 });
    expect(shiftPeriod(periodOf('2026-03-31', 'month', 1), 'month', 1, 1).start).toBe('2026-02-01');
    expect(elapsedFraction(w, '2026-03-02')).toBe(0);
    expect(elapsedFraction(w, '2026-03-05')).toBeCloseTo(3 / 7);
    expect(elapsedFraction(w, '2026-03-08')).toBeCloseTo(6 / 7);
  });
});
