/**
 * The popup's kept first screen (components/popup/snapshot.ts, lib/background/first-screen.ts):
 * the background keeps it in storage.session so the popup draws without opening IndexedDB. It must
 * be exactly what a fresh read gives, and never outlive a write to what it shows.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFirstScreen } from '../../../components/popup/reads';
import { SNAPSHOT_KEY, fromSnapshot, readSnapshot, toSnapshot } from '../../../components/popup/snapshot';
import { dropSnapshot, keepSnapshot, keepSnapshotIfIdle, resetSnapshotStateForTests, SNAPSHOT_DELAY_MS, watchWritesForSnapshot } from '../../../lib/background/first-screen';
import { type RapportDB, setDbForTests } from '../../../lib/db/db';
import type { Goal } from '../../../lib/db/schema';
import { onDbWrite } from '../../../lib/db/write-watch';
import { dueCount } from '../../../lib/reminders/due';
import { recordActivity } from '../../../lib/domain/activities';
import { writeSettings } from '../../../lib/domain/settings';
import { addContact, addReminder, callOp, freshDb } from '../reminders/helpers';

const DAY = '2026-03-05';
const NOW = new Date(`${DAY}T10:00:00`);

async function network(): Promise<{ db: RapportDB; reminderId: number; mentorId: number }> {
  const db = freshDb();
  await writeSettings(db, { weekStart: 1, shareExpertise: { enabled: false, weekdays: [], prompts: [] } });
  const mentorId = await addContact(db, { name: 'Ada Quill', nextFollowUp: '2026-02-20', relationships: ['mentor'], lastInteraction: '2026-01-10', connectedOn: '2026-03-02' });
  for (let i = 0; i < 5; i++) await addContact(db, { nextFollowUp: `2026-03-0${i + 1}`, connectedOn: '2026-03-03' });
  const reminderId = await addReminder(db, { kind: 'share-expertise', title: 'Post a lesson learned', due: '2026-03-04' });
  await addReminder(db, { kind: 'commitment', title: 'Send the deck', due: DAY, contactId: mentorId });
  await recordActivity(db, { kind: 'expertise-shared', date: '2026-03-03', source: 'popup' }, NOW);
  const goals: Omit<Goal, 'id'>[] = [
    { metric: 'new-connection', target: 5, period: 'week', active: true, createdAt: 1, updatedAt: 1 },
    { metric: 'expertise-shared', target: 2, period: 'week', active: true, createdAt: 2, updatedAt: 2 },
  ];
  for (const g of goals) await db.goals.add(g as Goal);
  return { db, reminderId, mentorId };
}

const stored = async () => (await fakeBrowser.storage.session.get(SNAPSHOT_KEY))[SNAPSHOT_KEY];
const settle = () => new Promise((r) => setTimeout(r, 0));

/** The scheduled snapshot reads "now": the test's day (timers stay real). */
const onTestDay = () => vi.useFakeTimers({ toFake: ['Date'], now: NOW });

afterEach(() => {
  vi.useRealTimers();
  onDbWrite(null);
  resetSnapshotStateForTests();
  setDbForTests(null);
});

describe("the popup's kept first screen", () => {
  it('stores what a fresh read gives, as JSON (the due list’s people too), for its own day only', async () => {
    const { db } = await network();
    const screen = await readFirstScreen(db, NOW, DAY);
    expect(screen.due.entries.length).toBeGreaterThan(3);
    expect(screen.due.contacts.size).toBeGreaterThan(0);
    const roundTripped = JSON.parse(JSON.stringify(toSnapshot(screen)));
    expect(fromSnapshot(roundTripped, DAY)).toEqual(screen);
    expect(fromSnapshot(roundTripped, '2026-03-06')).toBeNull(); // the next day: due and goals differ
    for (const foreign of [null, undefined, 'x', {}, { v: 2, screen }, { v: 1, screen: { day: DAY } }]) {
      expect(fromSnapshot(foreign, DAY)).toBeNull();
    }
  });

  it('the background keeps one; the popup reads it back; a write to what it shows removes it before the write lands', async () => {
    const { db, reminderId } = await network();
    onTestDay();
    setDbForTests(db);
    watchWritesForSnapshot();
    expect(await keepSnapshot(NOW)).toBe(true);
    // What a fresh read gives, with the total due (the badge's count) that the popup shows at once.
    const fresh = await readFirstScreen(db, NOW, DAY);
    expect(await readSnapshot(DAY)).toEqual({ ...fresh, due: { ...fresh.due, total: await dueCount(db, DAY) } });
    expect((await readSnapshot(DAY))!.due.total).toBe(fresh.due.entries.length);
    expect(await readSnapshot('2026-03-06')).toBeNull();

    // Done on the share reminder: gone at once (the popup then reads the database itself)…
    await callOp(db, 'reminder.done', { id: reminderId }, NOW);
    expect(await stored()).toBeUndefined();
    // … and kept again once writes pause, with the reminder done and the goal moved.
    await new Promise((r) => setTimeout(r, SNAPSHOT_DELAY_MS + 200));
    const again = await readSnapshot(DAY);
    expect(again).not.toBeNull();
    expect(again!.due.entries.some((e) => e.type === 'reminder' && e.reminder.id === reminderId)).toBe(false);
    expect(again!.goals.find((g) => g.goal.metric === 'expertise-shared')!.progress.done).toBe(2);
  });

  it('a write to a table the first screen does not show (notes) leaves it in place', async () => {
    const { db, mentorId } = await network();
    setDbForTests(db);
    watchWritesForSnapshot();
    expect(await keepSnapshot(NOW)).toBe(true);
    await callOp(db, 'note.add', { targetType: 'contact', targetId: mentorId, text: 'Met at the meetup' }, NOW);
    await settle();
    expect(await stored()).toBeDefined();
  });

  it('is not kept when something was written while it was being read', async () => {
    const { db } = await network();
    onTestDay();
    setDbForTests(db);
    watchWritesForSnapshot();
    const keeping = keepSnapshot(NOW);
    await addContact(db, { name: 'Written Meanwhile', nextFollowUp: '2026-03-01' });
    expect(await keeping).toBe(false);
    expect(await stored()).toBeUndefined();
    // While writes are pending, the refresh (badge, alarm) leaves it to the scheduled snapshot.
    expect(await keepSnapshotIfIdle(NOW)).toBe(false);
    await new Promise((r) => setTimeout(r, SNAPSHOT_DELAY_MS + 200));
    const kept = await readSnapshot(DAY);
    expect([...kept!.due.contacts.values()].some((c) => c.name === 'Written Meanwhile')).toBe(true);
  });

  it('is not read again while nothing was written on its day (the badge refresh and the alarm after a keep)', async () => {
    const { db } = await network();
    setDbForTests(db);
    watchWritesForSnapshot();
    expect(await keepSnapshot(NOW)).toBe(true);
    await fakeBrowser.storage.session.remove(SNAPSHOT_KEY); // (only a test does this: shows whether it is stored again)
    expect(await keepSnapshot(NOW)).toBe(true);
    expect(await stored()).toBeUndefined(); // not read nor stored again
    expect(await keepSnapshot(new Date('2026-03-06T08:00:00'))).toBe(true); // another day: read again
    expect(await readSnapshot('2026-03-06')).not.toBeNull();
  });

  it('a worker that just started keeps the screen an earlier worker kept today, without reading the database again', async () => {
    const { db } = await network();
    setDbForTests(db);
    watchWritesForSnapshot();
    expect(await keepSnapshot(NOW)).toBe(true);
    const kept = await stored();
    resetSnapshotStateForTests(); // the worker stopped; storage.session (memory of this browser session) stays
    watchWritesForSnapshot();
    const reads = vi.spyOn(db.reminders, 'where');
    expect(await keepSnapshot(NOW)).toBe(true);
    expect(reads).not.toHaveBeenCalled();
    expect(await stored()).toEqual(kept);
    // Another day is read afresh; so is today after a write (which removed it).
    expect(await keepSnapshot(new Date('2026-03-06T08:00:00'))).toBe(true);
    expect(reads).toHaveBeenCalled();
    expect(await readSnapshot('2026-03-06')).not.toBeNull();
    reads.mockClear();
    resetSnapshotStateForTests();
    watchWritesForSnapshot();
    dropSnapshot('reminders');
    expect(await keepSnapshot(new Date('2026-03-06T08:00:00'))).toBe(true);
    expect(reads).toHaveBeenCalled();
  });

  it('a worker that just started removes a snapshot an earlier worker left, at its first write', async () => {
    const { db } = await network();
    setDbForTests(db);
    await fakeBrowser.storage.session.set({ [SNAPSHOT_KEY]: toSnapshot(await readFirstScreen(db, NOW, DAY)) });
    resetSnapshotStateForTests();
    dropSnapshot('reminders');
    await settle();
    expect(await stored()).toBeUndefined();
  });
});
