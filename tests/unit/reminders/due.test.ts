import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../../lib/db/schema';
import { RELATIONSHIP_LABELS } from '../../../lib/db/schema';
import { buildDueList, contactContext, dueCount, dueText, loadDueList, loadDuePage } from '../../../lib/reminders/due';
import { summarise } from '../../../lib/background/alarms';
import { addContact, addReminder, freshDb } from './helpers';

const rem = (id: number, kind: Reminder['kind'], due: string, extra: Partial<Reminder> = {}): Reminder => ({
  id, kind, title: `r${id}`, contactId: null, groupId: null, due, recurrence: null, state: 'open', snoozedUntil: null,
  doneAt: null, createdAt: 1, updatedAt: 1, ...extra,
});

describe('due list', () => {
  it('orders most overdue first; same day: commitments, people, then the share prompt', () => {
    const list = buildDueList(
      [rem(1, 'share-expertise', '2026-03-05'), rem(2, 'commitment', '2026-03-05'), rem(3, 'commitment', '2026-03-01'),
        rem(4, 'commitment', '2026-03-06'), rem(5, 'follow-up', '2026-03-04', { state: 'done' })],
      [{ id: 10, due: '2026-03-05' }, { id: 11, due: '2026-02-20' }, { id: 12, due: '2026-03-07' }],
      '2026-03-05',
    );
    expect(list.map((e) => (e.type === 'reminder' ? `r${e.reminder.id}` : `c${e.contactId}`))).toEqual(['c11', 'r3', 'r2', 'c10', 'r1']);
  });

  it('lists a contact once when they also have a due follow-up reminder', () => {
    const list = buildDueList([rem(1, 'follow-up', '2026-03-03', { contactId: 10 })], [{ id: 10, due: '2026-03-01' }], '2026-03-05');
    expect(list).toHaveLength(1);
    expect(list[0]!.type).toBe('reminder');
  });

  it('badge count equals the list the popup shows, from the database through indexes', async () => {
    const db = freshDb();
    const a = await addContact(db, { nextFollowUp: '2026-02-01', relationships: ['mentor'] });
    await addContact(db, { nextFollowUp: '2026-03-05' });
    await addContact(db, { nextFollowUp: '2026-03-06' }); // tomorrow: not due
    await addContact(db, { nextFollowUp: null });
    await addReminder(db, { due: '2026-03-04' });
    await addReminder(db, { due: '2026-03-05', kind: 'follow-up', contactId: a });
    await addReminder(db, { due: '2026-03-01', state: 'done' });
    await addReminder(db, { due: '2026-03-09' });
    const list = await loadDueList(db, '2026-03-05');
    expect(list.total).toBe(3); // contact a via its reminder, the other contact, the commitment
    expect(list.entries).toHaveLength(3);
    expect(await dueCount(db, '2026-03-05')).toBe(list.entries.length);
    expect(list.entries[0]).toMatchObject({ type: 'reminder', due: '2026-03-04' });
    // The first page is exactly the head of the full list.
    const page = await loadDueList(db, '2026-03-05', 2);
    expect(page.total).toBe(3);
    expect(page.entries).toEqual(list.entries.slice(0, 2));
  });

  it('describes how late and how long it has been', () => {
    expect(dueText('2026-03-05', '2026-03-05')).toBe('due today');
    expect(dueText('2026-03-04', '2026-03-05')).toBe('1 day overdue');
    expect(dueText('2026-01-24', '2026-03-05')).toBe('40 days overdue');
    expect(contactContext({ relationships: ['mentor'], lastInteraction: '2026-01-23', connectedOn: '2020-01-01' }, '2026-03-05', RELATIONSHIP_LABELS))
      .toBe('Mentor, 41 days since you last talked');
    expect(contactContext({ relationships: ['Book club'], lastInteraction: null, connectedOn: '2026-03-01' }, '2026-03-05', RELATIONSHIP_LABELS))
      .toBe('Book club, 4 days since you connected');
    expect(contactContext({ relationships: [], lastInteraction: null, connectedOn: null }, '2026-03-05', RELATIONSHIP_LABELS))
      .toBe('no interaction logged yet');
  });

  it('the paged list matches the full pure list on a larger, shuffled network (badge == list)', async () => {
    const db = freshDb();
    const today = '2026-03-05';
    const days = ['2026-01-10', '2026-02-28', '2026-03-05', '2026-03-06', '2026-03-01'];
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) ids.push(await addContact(db, { nextFollowUp: i % 7 === 0 ? null : days[(i * 3) % days.length]! }));
    for (let i = 0; i < 40; i++) {
      await addReminder(db, {
        kind: (['commitment', 'follow-up', 'share-expertise'] as const)[i % 3]!, contactId: i % 3 === 1 ? ids[i]! : null,
        due: days[i % days.length]!, state: i % 4 === 0 ? 'done' : 'open',
      });
    }
    const all = await db.contacts.toArray();
    const full = buildDueList(await db.reminders.toArray(), all.filter((c) => c.nextFollowUp).map((c) => ({ id: c.id, due: c.nextFollowUp! })), today);
    for (const limit of [0, 1, 7, 25, 1000]) {
      const page = await loadDueList(db, today, limit);
      expect(page.total).toBe(full.length);
      expect(page.entries).toEqual(full.slice(0, limit));
      // The popup's page reads only about `limit` records and lists the very same entries.
      const popupPage = await loadDuePage(db, today, limit);
      expect(popupPage.entries).toEqual(full.slice(0, limit));
      expect(popupPage.more).toBe(full.length > limit);
      const people = full.slice(0, limit).flatMap((e) => (e.type === 'contact' ? [e.contactId] : e.reminder.contactId != null ? [e.reminder.contactId] : []));
      expect(popupPage.contacts.map((c) => c.id).sort()).toEqual([...new Set(people)].sort());
    }
    expect(await dueCount(db, today)).toBe(full.length);
    const list = await loadDueList(db, today, 0);
    expect(summarise(list)).toMatch(/^\d+ follow-ups, \d+ commitments, a prompt to share your expertise\./);
  });

  it('the popup page is exact at its edges: same-day order past the page, contacts covered by a later reminder', async () => {
    const db = freshDb();
    const today = '2026-03-05';
    const c: number[] = [];
    for (let i = 0; i < 6; i++) c.push(await addContact(db, { nextFollowUp: '2026-03-02' }));
    // Share prompts (rank last on a day) are added first, so their ids come before the commitments of that day.
    for (let i = 0; i < 3; i++) await addReminder(db, { kind: 'share-expertise', due: '2026-03-01' });
    for (let i = 0; i < 3; i++) await addReminder(db, { kind: 'commitment', due: '2026-03-01' });
    // The first contacts are covered by a follow-up reminder due later (listed once, as that reminder).
    await addReminder(db, { kind: 'follow-up', contactId: c[0]!, due: '2026-03-04' });
    await addReminder(db, { kind: 'follow-up', contactId: c[1]!, due: '2026-03-05' });
    await addReminder(db, { kind: 'follow-up', contactId: c[2]!, due: '2026-03-09' }); // not due yet: does not cover
    const full = (await loadDueList(db, today, 1000)).entries;
    expect(full.filter((e) => e.type === 'contact')).toHaveLength(4);
    for (let limit = 0; limit <= full.length + 1; limit++) {
      const page = await loadDuePage(db, today, limit);
      expect(page.entries).toEqual(full.slice(0, limit));
      expect(page.more).toBe(full.length > limit);
    }
  });
});
