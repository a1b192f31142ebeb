import { describe, expect, it } from 'vitest';
import { createDb, type RapportDB } from '../../../lib/db/db';
import { MSG } from '../../../lib/api/messages';
import { handleApiMessage } from '../../../lib/api/server';

function setup() {
  const db = createDb('test-' + crypto.randomUUID());
  const now = () => new Date(2025, 4, 14, 10, 0, 0);
  const notified: string[][] = [];
  const callAs = async <T = any>(sender: 'content' | 'extension', op: string, input: unknown): Promise<T> => {
    const res = await handleApiMessage({ type: MSG.UI_API_CALL, op, input }, sender, { db, now, notify: (t) => notified.push(t) });
    if (!res.ok) throw Object.assign(new Error(res.error.message), { code: res.error.code });
    return res.data as T;
  };
  return { db, notified, call: <T = any>(op: string, input: unknown) => callAs<T>('content', op, input), callAs };
}

async function activities(db: RapportDB, kind: string) {
  return (await db.activities.toArray()).filter((a) => a.kind === kind);
}

describe('group ops (panel on a group page)', () => {
  it('saves a group from the page, finds it again by its LinkedIn id, and notifies open panels', async () => {
    const { call, notified } = setup();
    expect((await call('group.getForPage', { groupId: '12345' })).view).toBeNull();
    const view = await call('group.save', { groupId: '12345', name: 'Invented Designers Guild', memberCount: 420, description: null });
    expect(view.group).toMatchObject({ groupId: '12345', name: 'Invented Designers Guild', memberCount: 420, membership: 'none', joinedOn: null });
    expect(view.group.url).toBe('https://www.linkedin.com/groups/12345/');
    expect(notified.flat()).toContain('groups');
    const again = await call('group.getForPage', { groupId: '12345' });
    expect(again.view.group.id).toBe(view.group.id);
  });

  it('saving a saved group again never overwrites what the user has, only fills gaps', async () => {
    const { call } = setup();
    const first = await call('group.save', { groupId: '7', name: 'Original name', memberCount: null });
    await call('group.update', { id: first.group.id, patch: { name: 'My own name' } });
    const second = await call('group.save', { groupId: '7', name: 'Page name now', memberCount: 99, description: 'About us' });
    expect(second.group.id).toBe(first.group.id);
    expect(second.group.name).toBe('My own name');
    expect(second.group.memberCount).toBe(99);
    expect(second.group.description).toBe('About us');
  });

  it('becoming a member records one group-joined activity and the join date; staying a member records none', async () => {
    const { call, db } = setup();
    const v = await call('group.save', { groupId: '88', name: 'G' });
    await call('group.update', { id: v.group.id, patch: { membership: 'requested' } });
    expect(await activities(db, 'group-joined')).toHaveLength(0);
    const joined = await call('group.update', { id: v.group.id, patch: { membership: 'member' } });
    expect(joined.group.membership).toBe('member');
    expect(joined.group.joinedOn).toBe('2025-05-14');
    await call('group.update', { id: v.group.id, patch: { membership: 'member' } });
    const acts = await activities(db, 'group-joined');
    expect(acts).toHaveLength(1);
    expect(acts[0]).toMatchObject({ groupId: v.group.id, date: '2025-05-14', source: 'panel' });
  });

  it('saving a group as a member counts as joining it', async () => {
    const { call, db } = setup();
    await call('group.save', { groupId: '5', name: 'G', membership: 'member' });
    expect(await activities(db, 'group-joined')).toHaveLength(1);
  });

  it('logs participation as group-contribution activities with the kind and note, and can undo one', async () => {
    const { call, db } = setup();
    const v = await call('group.save', { groupId: '9', name: 'G' });
    await call('group.logContribution', { id: v.group.id, kind: 'answered', note: 'Question about design systems' });
    const after = await call('group.logContribution', { id: v.group.id, kind: 'posted', note: null });
    expect(after.contributions.map((a: any) => a.note).sort()).toEqual(['Answered a question: Question about design systems', 'Posted']);
    const acts = await activities(db, 'group-contribution');
    expect(acts).toHaveLength(2);
    expect(acts.every((a) => a.groupId === v.group.id && a.date === '2025-05-14')).toBe(true);
    expect((await call('group.deleteContribution', { activityId: acts[0]!.id })).deleted).toBe(true);
    expect(await activities(db, 'group-contribution')).toHaveLength(1);
  });

  it('lists the contacts met through the group, with group notes', async () => {
    const { call } = setup();
    const g = await call('group.save', { groupId: '31', name: 'Guild' });
    const other = await call('group.save', { groupId: '32', name: 'Other' });
    const a = await call('contact.save', { slug: 'ada-example', name: 'Ada Example' });
    const b = await call('contact.save', { slug: 'bo-example', name: 'Bo Example' });
    await call('contact.update', { id: a.contact.id, patch: { howWeMet: { kind: 'group', groupId: g.group.id } } });
    await call('contact.update', { id: b.contact.id, patch: { howWeMet: { kind: 'group', groupId: other.group.id } } });
    await call('note.add', { targetType: 'group', targetId: g.group.id, text: 'Great monthly AMA' });
    const view = await call('group.get', { id: g.group.id });
    expect(view.contacts.map((c: any) => c.name)).toEqual(['Ada Example']);
    expect(view.notes.map((n: any) => n.text)).toEqual(['Great monthly AMA']);
  });

  it('lists groups and events for the "how we met" picker', async () => {
    const { call, db } = setup();
    await call('group.save', { groupId: '2', name: 'Zeta' });
    await call('group.save', { groupId: '1', name: 'Alpha' });
    await db.events.add({ name: 'Invented Conf', kind: 'conference', date: '2025-03-01', place: null, createdAt: 1, updatedAt: 1 } as never);
    expect((await call('group.list', {})).map((g: any) => g.name)).toEqual(['Alpha', 'Zeta']);
    expect((await call('event.list', {})).map((e: any) => e.name)).toEqual(['Invented Conf']);
  });

  it('rejects bad input with a clear message and unknown groups as not found', async () => {
    const { call } = setup();
    await expect(call('group.save', { groupId: '1', name: '   ' })).rejects.toThrow(/Invalid request: name/);
    await expect(call('group.update', { id: 999, patch: { membership: 'member' } })).rejects.toThrow(/no longer exists/);
    await expect(call('group.logContribution', { id: 1, kind: 'danced' })).rejects.toThrow(/Invalid request: kind/);
  });
});

describe('reminder.addCommitment', () => {
  it('turns a promise to a contact into an open commitment reminder shown with the contact', async () => {
    const { call } = setup();
    const a = await call('contact.save', { slug: 'ada-example', name: 'Ada Example' });
    const r = await call('reminder.addCommitment', { contactId: a.contact.id, title: 'Send Ada the deck', due: '2025-05-16' });
    expect(r).toMatchObject({ kind: 'commitment', state: 'open', contactId: a.contact.id, due: '2025-05-16' });
    const view = await call('contact.get', { id: a.contact.id });
    expect(view.reminders.map((x: any) => x.title)).toEqual(['Send Ada the deck']);
  });

  it('refuses an empty promise or an unknown contact', async () => {
    const { call } = setup();
    await expect(call('reminder.addCommitment', { contactId: 4, title: ' ', due: '2025-05-16' })).rejects.toThrow(/Say what you promised/);
    await expect(call('reminder.addCommitment', { contactId: 4, title: 'x', due: '2025-05-16' })).rejects.toThrow(/no longer exists/);
  });
});
