import { describe, expect, it } from 'vitest';
import { writeSettings } from '../../../lib/domain/settings';
import { loadGoalProgress } from '../../../lib/goals/db';
import { loadDueList } from '../../../lib/reminders/due';
import { ensureShareReminder, lastSharedDay } from '../../../lib/reminders/share';
import { addContact, addReminder, callOp, freshDb } from './helpers';

const THU = new Date(2026, 2, 5, 10, 0); // Thursday 2026-03-05, local time

describe('reminder operations', () => {
  it('share-expertise: one open reminder on the next scheduled day, prompt rotates on Done, goal moves', async () => {
    const db = freshDb();
    await callOp(db, 'goal.create', { metric: 'expertise-shared', target: 2, period: 'week' }, THU);
    expect(await ensureShareReminder(db, THU)).toBe(true);
    expect(await ensureShareReminder(db, THU)).toBe(false); // idempotent
    const open = await db.reminders.toArray();
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ kind: 'share-expertise', due: '2026-03-05', title: 'Answer a question in one of your groups.' });

    const res = await callOp(db, 'reminder.done', { id: open[0]!.id }, THU);
    expect(res.reminder.state).toBe('done');
    expect(res.next).toMatchObject({ due: '2026-03-10', title: 'Post a lesson you learned this week.', state: 'open' });
    const [g] = await loadGoalProgress(db, THU);
    expect(g!.progress.done).toBe(1);
    expect(await lastSharedDay(db)).toBe('2026-03-05');
    expect((await loadDueList(db, '2026-03-05')).total).toBe(0);
    // Done twice does not count twice.
    await callOp(db, 'reminder.done', { id: open[0]!.id }, THU);
    expect((await loadGoalProgress(db, THU))[0]!.progress.done).toBe(1);
  });

  it('share-expertise follows the settings: other weekdays move it, turning it off removes it', async () => {
    const db = freshDb();
    await ensureShareReminder(db, THU);
    await writeSettings(db, { shareExpertise: { enabled: true, weekdays: [1], prompts: ['Only prompt'] } });
    await ensureShareReminder(db, THU);
    let open = (await db.reminders.toArray()).filter((r) => r.state === 'open');
    // Due today stays due today (it was already due); its recurrence follows the new days, and a
    // prompt no longer in the list is replaced.
    expect(open[0]!).toMatchObject({ due: '2026-03-05', recurrence: { every: 'weekdays', weekdays: [1] }, title: 'Only prompt' });
    await callOp(db, 'reminder.skip', { id: open[0]!.id }, THU);
    open = (await db.reminders.toArray()).filter((r) => r.state === 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ due: '2026-03-09', title: 'Only prompt' });
    expect(await db.activities.count()).toBe(0); // skipping records nothing
    await writeSettings(db, { shareExpertise: { enabled: false, weekdays: [1], prompts: ['Only prompt'] } });
    await ensureShareReminder(db, THU);
    expect((await db.reminders.toArray()).filter((r) => r.state === 'open')).toHaveLength(0);
  });

  it('contact follow-up Done logs a message through interaction.log, counting a reconnection after 90+ quiet days', async () => {
    const db = freshDb();
    await writeSettings(db, { shareExpertise: { enabled: false, weekdays: [], prompts: [] } });
    const id = await addContact(db, { relationships: ['mentor'], lastInteraction: '2025-11-01', nextFollowUp: '2025-12-01' });
    expect((await loadDueList(db, '2026-03-05')).total).toBe(1);
    const res = await callOp(db, 'followUp.done', { contactId: id }, THU);
    expect(res.nextFollowUp).toBe('2026-04-04'); // mentor cadence: 30 days from today
    const interactions = await db.interactions.toArray();
    expect(interactions).toMatchObject([{ contactId: id, kind: 'message', date: '2026-03-05' }]);
    expect((await db.activities.toArray()).map((a) => a.kind)).toEqual(['reconnection']);
    expect((await loadDueList(db, '2026-03-05')).total).toBe(0);
  });

  it('contact follow-up Snooze moves the keep-in-touch date (manual) and leaves the list; Skip moves it one cadence', async () => {
    const db = freshDb();
    const id = await addContact(db, { relationships: ['peer'], lastInteraction: '2026-01-01', nextFollowUp: '2026-03-01' });
    await callOp(db, 'followUp.snooze', { contactId: id, until: 'next-week' }, THU);
    let c = await db.contacts.get(id);
    expect(c).toMatchObject({ nextFollowUp: '2026-03-09', followUpManual: true });
    expect((await loadDueList(db, '2026-03-05')).total).toBe(0);
    expect((await loadDueList(db, '2026-03-09')).total).toBe(1);
    await callOp(db, 'followUp.skip', { contactId: id }, new Date(2026, 2, 9, 9));
    c = await db.contacts.get(id);
    expect(c!.nextFollowUp).toBe('2026-06-07'); // peer: 90 days
    expect(await db.interactions.count()).toBe(0);
    await expect(callOp(db, 'followUp.snooze', { contactId: id, until: '2026-03-01' }, THU)).rejects.toThrow(/after today/);
  });

  it('commitments: Done just closes; a follow-up reminder with a person logs a message; recurring ones come back', async () => {
    const db = freshDb();
    const c = await addContact(db, { lastInteraction: '2026-03-01' });
    const commit = await addReminder(db, { kind: 'commitment', contactId: c, due: '2026-03-05' });
    const fu = await addReminder(db, { kind: 'follow-up', contactId: c, due: '2026-03-04', recurrence: { every: 'days', days: 14 } });
    const r1 = await callOp(db, 'reminder.done', { id: commit }, THU);
    expect(r1).toMatchObject({ reminder: { state: 'done' }, next: null });
    expect(await db.interactions.count()).toBe(0);
    const r2 = await callOp(db, 'reminder.done', { id: fu }, THU);
    expect(r2.next).toMatchObject({ due: '2026-03-18', kind: 'follow-up', contactId: c, state: 'open' });
    expect(await db.interactions.count()).toBe(1);
    const snoozed = await callOp(db, 'reminder.snooze', { id: r2.next.id, until: 'tomorrow' }, new Date(2026, 2, 18, 9));
    expect(snoozed).toMatchObject({ due: '2026-03-19', snoozedUntil: '2026-03-19' });
    await expect(callOp(db, 'reminder.done', { id: 999 }, THU)).rejects.toThrow(/no longer exists/);
  });
});

describe('undo of Done and Skip', () => {
  it('share-expertise Done then Undo: the goal goes back, the reminder is open again, the next one goes', async () => {
    const db = freshDb();
    await callOp(db, 'goal.create', { metric: 'expertise-shared', target: 2, period: 'week' }, THU);
    await ensureShareReminder(db, THU);
    const [open] = await db.reminders.toArray();
    const before = { ...open! };
    const done = await callOp(db, 'reminder.done', { id: open!.id }, THU);
    expect((await loadGoalProgress(db, THU))[0]!.progress.done).toBe(1);
    expect(done.next).toMatchObject({ state: 'open' });
    const later = new Date(THU.getTime() + 4000);
    const undone = await callOp(db, 'reminder.undo', { id: open!.id }, later);
    expect(undone.reminder).toMatchObject({ id: open!.id, state: 'open', doneAt: null, due: before.due, title: before.title });
    expect((await loadGoalProgress(db, THU))[0]!.progress.done).toBe(0);
    expect(await db.activities.count()).toBe(0);
    expect(await lastSharedDay(db)).toBe(null);
    const reminders = await db.reminders.toArray();
    expect(reminders).toHaveLength(1); // the next occurrence Done created is gone
    expect(reminders[0]).toMatchObject({ ...before, updatedAt: later.getTime() });
    expect((await loadDueList(db, '2026-03-05')).total).toBe(1);
    // Undo twice changes nothing more; Done again counts again (once).
    await callOp(db, 'reminder.undo', { id: open!.id }, later);
    expect(await db.reminders.count()).toBe(1);
    await callOp(db, 'reminder.done', { id: open!.id }, later);
    expect((await loadGoalProgress(db, THU))[0]!.progress.done).toBe(1);
  });

  it('Undo keeps other activities of the day and a next occurrence the user already changed', async () => {
    const db = freshDb();
    await ensureShareReminder(db, THU);
    await callOp(db, 'activity.quickLog', { what: 'expertise-shared', note: 'Answered a question' }, THU);
    const [open] = (await db.reminders.toArray()).filter((r) => r.kind === 'share-expertise');
    const done = await callOp(db, 'reminder.done', { id: open!.id }, THU);
    await callOp(db, 'reminder.snooze', { id: done.next.id, until: '2026-03-20' }, THU);
    await callOp(db, 'reminder.undo', { id: open!.id }, THU);
    expect((await db.activities.toArray()).map((a) => a.note)).toEqual(['Answered a question']);
    expect((await db.reminders.toArray()).map((r) => [r.id, r.state])).toEqual([[open!.id, 'open'], [done.next.id, 'open']]);
  });

  it('Skip then Undo; a follow-up Done then Undo removes the logged message and what it counted', async () => {
    const db = freshDb();
    await writeSettings(db, { shareExpertise: { enabled: false, weekdays: [], prompts: [] } });
    const c = await addContact(db, { lastInteraction: '2025-11-01', cadenceDays: 30, nextFollowUp: '2025-12-01' });
    const fu = await addReminder(db, { kind: 'follow-up', contactId: c, due: '2026-03-04', recurrence: { every: 'days', days: 14 } });
    const skipped = await callOp(db, 'reminder.skip', { id: fu }, THU);
    expect(skipped.next).toMatchObject({ due: '2026-03-18' });
    await callOp(db, 'reminder.undo', { id: fu }, THU);
    expect((await db.reminders.toArray()).map((r) => [r.id, r.state, r.due])).toEqual([[fu, 'open', '2026-03-04']]);

    await callOp(db, 'reminder.done', { id: fu }, THU);
    expect((await db.activities.toArray()).map((a) => a.kind)).toEqual(['reconnection']);
    expect((await db.contacts.get(c))!.lastInteraction).toBe('2026-03-05');
    await callOp(db, 'reminder.undo', { id: fu }, THU);
    expect(await db.interactions.count()).toBe(0);
    expect(await db.activities.count()).toBe(0);
    expect((await db.contacts.get(c))!.lastInteraction).toBe(null);
    expect((await db.reminders.toArray()).map((r) => [r.id, r.state])).toEqual([[fu, 'open']]);
    await expect(callOp(db, 'reminder.undo', { id: 999 }, THU)).rejects.toThrow(/no longer exists/);
  });

  it('a contact follow-up: Done then Undo removes the message and restores the dates; Skip then Undo too', async () => {
    const db = freshDb();
    await writeSettings(db, { shareExpertise: { enabled: false, weekdays: [], prompts: [] } });
    const c = await addContact(db, { lastInteraction: '2025-11-01', cadenceDays: 30, nextFollowUp: '2025-12-01' });
    const before = (await db.contacts.get(c))!;
    const done = await callOp(db, 'followUp.done', { contactId: c }, THU);
    expect(done.nextFollowUp).not.toBe('2025-12-01');
    expect(await db.interactions.count()).toBe(1);
    expect(done.undo).toMatchObject({ contactId: c, lastInteraction: '2025-11-01', nextFollowUp: '2025-12-01', followUpManual: before.followUpManual });
    expect(done.undo.interactionId).toBe((await db.interactions.toArray())[0]!.id);
    await callOp(db, 'followUp.undo', done.undo, THU);
    expect(await db.interactions.count()).toBe(0);
    expect(await db.activities.count()).toBe(0);
    expect(await db.contacts.get(c)).toMatchObject({ lastInteraction: '2025-11-01', nextFollowUp: '2025-12-01', followUpManual: before.followUpManual });

    const skipped = await callOp(db, 'followUp.skip', { contactId: c }, THU);
    expect((await db.contacts.get(c))!.nextFollowUp).toBe(skipped.nextFollowUp);
    expect(skipped.undo.interactionId).toBe(null);
    await callOp(db, 'followUp.undo', skipped.undo, THU);
    expect(await db.contacts.get(c)).toMatchObject({ lastInteraction: '2025-11-01', nextFollowUp: '2025-12-01' });
    // An interaction of another contact is never deleted by a forged token.
    const other = await addContact(db, { slug: 'someone-else' });
    const theirs = await callOp(db, 'followUp.done', { contactId: other }, THU);
    await callOp(db, 'followUp.undo', { ...done.undo, interactionId: theirs.undo.interactionId }, THU);
    expect(await db.interactions.count()).toBe(1);
  });
});

describe('goal operations', () => {
  it('starter goals: accepted as offered or changed, never duplicated, offer remembered', async () => {
    const db = freshDb();
    const created = await callOp(db, 'goal.acceptStarters', {}, THU);
    expect(created.map((g: any) => `${g.target} ${g.metric}/${g.period}`)).toEqual(['5 new-connection/week', '2 expertise-shared/week', '1 event-attended/month']);
    expect(await callOp(db, 'goal.acceptStarters', {}, THU)).toEqual([]);
    expect((await db.settings.get('settings'))!.value.starterGoalsOffered).toBe(true);
    const db2 = freshDb();
    await callOp(db2, 'goal.acceptStarters', { goals: [{ metric: 'new-connection', target: 3, period: 'week' }] }, THU);
    expect(await db2.goals.count()).toBe(1);
  });

  it('update, deactivate, delete; bad targets get a clear message; the in-page panel may not call them', async () => {
    const db = freshDb();
    const g = await callOp(db, 'goal.create', { metric: 'mentorship', target: 2, period: 'month' }, THU);
    await callOp(db, 'goal.update', { id: g.id, patch: { target: 4, period: 'quarter' } }, THU);
    expect(await db.goals.get(g.id)).toMatchObject({ target: 4, period: 'quarter', active: true });
    await expect(callOp(db, 'goal.update', { id: g.id, patch: { target: 0 } }, THU)).rejects.toThrow(/at least 1/);
    await expect(callOp(db, 'goal.create', { metric: 'mentorship', target: 2, period: 'month' }, THU, 'content')).rejects.toThrow(/forbidden/);
    await callOp(db, 'goal.update', { id: g.id, patch: { active: false } }, THU);
    expect(await loadGoalProgress(db, THU, { activeOnly: true })).toHaveLength(0);
    expect(await callOp(db, 'goal.delete', { id: g.id }, THU)).toEqual({ deleted: true });
    expect(await db.goals.count()).toBe(0);
  });
});

describe('quick log', () => {
  it('an attended event creates the event and the matching activity; a workshop counts as a workshop; undo removes both', async () => {
    const db = freshDb();
    await callOp(db, 'goal.create', { metric: 'event-attended', target: 1, period: 'month' }, THU);
    const r = await callOp(db, 'activity.quickLog', { what: 'event', name: 'Invented Data Meetup', eventKind: 'meetup' }, THU);
    expect(await db.events.get(r.eventId)).toMatchObject({ name: 'Invented Data Meetup', date: '2026-03-05' });
    expect((await loadGoalProgress(db, THU))[0]!.progress.done).toBe(1);
    const w = await callOp(db, 'activity.quickLog', { what: 'event', name: 'Invented Workshop', eventKind: 'workshop' }, THU);
    expect(w.activity.kind).toBe('workshop-attended');
    await callOp(db, 'activity.undoQuickLog', { id: r.activity.id }, THU);
    expect(await db.events.get(r.eventId)).toBeUndefined();
    expect((await loadGoalProgress(db, THU))[0]!.progress.done).toBe(0);
  });

  it('group joined, expertise shared, ran a workshop; clear messages for bad input', async () => {
    const db = freshDb();
    await callOp(db, 'activity.quickLog', { what: 'group-joined', name: 'Invented Analysts Circle' }, THU);
    await callOp(db, 'activity.quickLog', { what: 'expertise-shared', note: 'Answered a question' }, THU);
    await callOp(db, 'activity.quickLog', { what: 'workshop-ran', name: 'Intro to SQL' }, THU);
    expect((await db.activities.toArray()).map((a) => a.kind).sort()).toEqual(['expertise-shared', 'expertise-shared', 'group-joined']);
    await expect(callOp(db, 'activity.quickLog', { what: 'event', name: '  ' }, THU)).rejects.toThrow(/Give it a name/);
    await expect(callOp(db, 'activity.quickLog', { what: 'expertise-shared', date: '2026-04-01' }, THU)).rejects.toThrow(/future/);
  });
});
