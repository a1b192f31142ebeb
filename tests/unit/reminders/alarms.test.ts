import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setDbForTests } from '../../../lib/db/db';
import { writeSettings } from '../../../lib/domain/settings';
import { BADGE_REFRESH_DELAY_MS, STARTUP_REFRESH_DELAY_MS, badgeText, maybeNotify, nextNotifyTime, refreshBadge, registerAlarms, withBadgeRefresh } from '../../../lib/background/alarms';
import { addContact, addReminder, freshDb } from './helpers';

afterEach(() => setDbForTests(null));

describe('badge and daily notification', () => {
  it('badge text: empty when nothing is due, capped at 99+', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(100)).toBe('99+');
  });

  it('the daily alarm fires at the chosen local time, today or tomorrow', () => {
    const now = new Date(2026, 2, 28, 10, 0); // the day before the European DST change
    expect(new Date(nextNotifyTime('11:30', now))).toEqual(new Date(2026, 2, 28, 11, 30));
    expect(new Date(nextNotifyTime('09:00', now))).toEqual(new Date(2026, 2, 29, 9, 0));
  });

  it('the badge shows the due count; at most one notification a day, after the chosen time, only when something is due', async () => {
    const db = freshDb();
    setDbForTests(db);
    await writeSettings(db, { shareExpertise: { enabled: false, weekdays: [], prompts: [] } });
    const setText = vi.fn(async () => {});
    (fakeBrowser as unknown as { action: unknown }).action = { setBadgeText: setText, setBadgeBackgroundColor: vi.fn(async () => {}), setTitle: vi.fn(async () => {}) };
    const create = vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation((async () => 'rapport-due') as never);

    const morning = new Date(2026, 2, 5, 8, 0);
    await addContact(db, { nextFollowUp: '2026-03-01', relationships: ['mentor'] });
    await addReminder(db, { kind: 'commitment', due: '2026-03-05' });
    expect(await refreshBadge(morning)).toBe(2);
    expect(setText).toHaveBeenLastCalledWith({ text: '2' });

    expect(await maybeNotify(morning)).toBe(false); // off by default
    await writeSettings(db, { notifications: { enabled: true, time: '09:00' } });
    expect(await maybeNotify(morning)).toBe(false); // before the chosen time
    const nine = new Date(2026, 2, 5, 9, 5);
    expect(await maybeNotify(nine)).toBe(true);
    expect(create).toHaveBeenCalledTimes(1);
    const [, options] = create.mock.calls[0] as unknown as [string, { title: string; message: string }];
    expect(options.title).toBe('Rapport: 2 things due today');
    expect(options.message).toContain('1 follow-up, 1 commitment');
    expect(await maybeNotify(new Date(2026, 2, 5, 17, 0))).toBe(false); // once a day
    expect(await maybeNotify(new Date(2026, 2, 6, 9, 30))).toBe(true); // next day
    await db.contacts.clear();
    await db.reminders.clear();
    expect(await maybeNotify(new Date(2026, 2, 7, 9, 30))).toBe(false); // nothing due: no notification
  });

  it('a worker that starts sets the badge once the first messages (a panel asking who this is) have paused', async () => {
    const db = freshDb();
    setDbForTests(db);
    await writeSettings(db, { shareExpertise: { enabled: false, weekdays: [], prompts: [] } });
    await addContact(db, { nextFollowUp: '2020-03-01', relationships: ['mentor'] });
    const setText = vi.fn(async (_: { text: string }) => {});
    (fakeBrowser as unknown as { action: unknown }).action = { setBadgeText: setText, setBadgeBackgroundColor: vi.fn(async () => {}), setTitle: vi.fn(async () => {}) };
    registerAlarms();
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    // Messages keep coming: the start-up refresh waits.
    for (let i = 0; i < 4; i++) {
      await wait(STARTUP_REFRESH_DELAY_MS / 2);
      await fakeBrowser.runtime.sendMessage({ type: 'anything' }).catch(() => {});
    }
    expect(setText).not.toHaveBeenCalled();
    // They pause: the badge comes.
    await vi.waitFor(() => expect(setText).toHaveBeenLastCalledWith({ text: '1' }), { timeout: STARTUP_REFRESH_DELAY_MS * 4 });
  });

  it('after a run of writes (an import\'s batches) the badge is recomputed once, when they pause, and then shows the new count', async () => {
    const db = freshDb();
    setDbForTests(db);
    await writeSettings(db, { shareExpertise: { enabled: false, weekdays: [], prompts: [] } });
    const setText = vi.fn(async (_: { text: string }) => {});
    (fakeBrowser as unknown as { action: unknown }).action = { setBadgeText: setText, setBadgeBackgroundColor: vi.fn(async () => {}), setTitle: vi.fn(async () => {}) };
    const broadcast = vi.fn();
    const changed = withBadgeRefresh(broadcast);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      for (let batch = 0; batch < 5; batch++) {
        await addContact(db, { nextFollowUp: '2020-01-01' }); // overdue: counts on the badge
        changed(['contacts', 'imports']);
        vi.advanceTimersByTime(BADGE_REFRESH_DELAY_MS - 100);
      }
      expect(broadcast).toHaveBeenCalledTimes(5); // open pages hear of every write at once
      expect(setText).not.toHaveBeenCalled(); // the badge waits for the writes to pause
      vi.advanceTimersByTime(100);
    } finally {
      vi.useRealTimers();
    }
    await vi.waitFor(() => expect(setText).toHaveBeenCalledTimes(1));
    expect(setText).toHaveBeenLastCalledWith({ text: '5' });
    changed(['groups']); // nothing the badge counts
    await new Promise((r) => setTimeout(r, BADGE_REFRESH_DELAY_MS + 50));
    expect(setText).toHaveBeenCalledTimes(1);
  });
});
