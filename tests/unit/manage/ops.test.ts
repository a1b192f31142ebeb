import { beforeEach, describe, expect, it } from 'vitest';
import { type RapportDB, TABLES, createDb } from '../../../lib/db/db';
import { MSG } from '../../../lib/api/messages';
import { handleApiMessage } from '../../../lib/api/server';
import type { SenderKind } from '../../../lib/api/define';
import { manageOps } from '../../../lib/api/ops/manage';

let db: RapportDB;
beforeEach(() => {
  db = createDb('test-' + crypto.randomUUID());
});

async function call<T = any>(op: string, input: unknown, sender: SenderKind = 'extension'): Promise<T> {
  const res = await handleApiMessage({ type: MSG.UI_API_CALL, op, input }, sender, { db });
  if (!res.ok) throw new Error(`${op}: ${res.error.code}: ${res.error.message}`);
  return res.data as T;
}
async function callRaw(op: string, input: unknown, sender: SenderKind = 'extension') {
  return handleApiMessage({ type: MSG.UI_API_CALL, op, input }, sender, { db });
}

async function save(name: string, extra: Record<string, unknown> = {}): Promise<number> {
  const v = await call('contact.save', { slug: null, name, source: 'manual', ...extra });
  return v.contact.id;
}

/** A contact with one of everything attached. */
async function richContact(name: string, slug: string | null, extra: Record<string, unknown> = {}) {
  const id = await save(name, { slug, ...extra });
  await call('note.add', { targetType: 'contact', targetId: id, text: `Note about ${name}` });
  await call('interaction.log', { contactId: id, kind: 'mentorship', date: '2026-01-05', note: `Session with ${name}` });
  await db.reminders.add({
    kind: 'follow-up', title: `Call ${name}`, contactId: id, groupId: null, due: '2026-02-01', recurrence: null,
    state: 'open', snoozedUntil: null, doneAt: null, createdAt: 1, updatedAt: 1,
  } as never);
  return id;
}

async function related(id: number) {
  return {
    notes: await db.notes.where('[targetType+targetId]').equals(['contact', id]).toArray(),
    interactions: await db.interactions.where('contactId').equals(id).toArray().catch(() => db.interactions.filter((i) => i.contactId === id).toArray()),
    activities: await db.activities.filter((a) => a.contactId === id).toArray(),
    reminders: await db.reminders.where('contactId').equals(id).toArray(),
  };
}

describe('sender checks', () => {
  it('refuses every manager op from the in-page panel (content script)', async () => {
    for (const op of Object.keys(manageOps)) {
      const res = await callRaw(op, {}, 'content');
      expect(res.ok, op).toBe(false);
      if (!res.ok) expect(res.error.code, op).toBe('forbidden');
    }
  });
});

describe('manage.bulkTag', () => {
  it('adds and removes a tag on many contacts, keeping their other tags', async () => {
    const a = await save('Ada Quill', { tags: ['data'] });
    const b = await save('Bram Vale', { tags: ['old'] });
    const c = await save('Celia March');
    const res = await call('manage.bulkTag', { ids: [a, b], add: ['dataconf'], remove: ['old'] });
    expect(res.changed).toBe(2);
    expect((await db.contacts.get(a))!.tags).toEqual(['data', 'dataconf']);
    expect((await db.contacts.get(b))!.tags).toEqual(['dataconf']);
    expect((await db.contacts.get(c))!.tags).toEqual([]);
    const again = await call('manage.bulkTag', { ids: [a, b], add: ['dataconf'] });
    expect(again.changed).toBe(0);
  });

  it('asks for a tag when none is given', async () => {
    const a = await save('Ada Quill');
    const res = await callRaw('manage.bulkTag', { ids: [a] });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/tag/i);
  });
});

describe('manage.deleteContacts + manage.restoreContacts (undo)', () => {
  it('deletes contacts with everything attached, and undo puts all of it back with the same ids', async () => {
    const a = await richContact('Ada Quill', 'ada-quill');
    const b = await richContact('Bram Vale', null);
    const keep = await richContact('Celia March', 'celia-march');
    const before = { a: await related(a), b: await related(b), contacts: await db.contacts.bulkGet([a, b]) };
    expect(before.a.activities.length).toBeGreaterThan(0);

    const bundle = await call('manage.deleteContacts', { ids: [a, b] });
    expect(bundle.contacts.map((c: { id: number }) => c.id).sort()).toEqual([a, b].sort());
    expect(await db.contacts.count()).toBe(1);
    expect(await related(a)).toEqual({ notes: [], interactions: [], activities: [], reminders: [] });
    expect((await related(keep)).notes).toHaveLength(1);

    const res = await call('manage.restoreContacts', bundle);
    expect(res.restored).toBe(2);
    expect(await db.contacts.bulkGet([a, b])).toEqual(before.contacts);
    expect(await related(a)).toEqual(before.a);
    expect(await related(b)).toEqual(before.b);

    // Undoing twice changes nothing.
    await call('manage.restoreContacts', bundle);
    expect(await db.contacts.count()).toBe(3);
    expect(await db.notes.count()).toBe(3);
  });

  it('when the person was saved again meanwhile, undo folds the old record into the new one', async () => {
    const a = await richContact('Ada Quill', 'ada-quill', { tags: ['mentor-list'] });
    const bundle = await call('manage.deleteContacts', { ids: [a] });
    const again = await save('Ada Quill', { slug: 'ada-quill', tags: ['new'] });
    await call('manage.restoreContacts', bundle);
    expect(await db.contacts.count()).toBe(1);
    const c = (await db.contacts.get(again))!;
    expect(c.tags.sort()).toEqual(['mentor-list', 'new']);
    expect((await related(again)).notes.map((n) => n.text)).toEqual(['Note about Ada Quill']);
    expect((await related(again)).interactions).toHaveLength(1);
  });
});

describe('manage.mergeContacts', () => {
  it('keeps every note, interaction, activity, reminder and tag on the record with the slug', async () => {
    const old = await richContact('Esme Taunton', null, { company: 'Brightloom', tags: ['alumni'], typedFields: [] });
    await call('contact.update', { id: old, patch: { headline: 'Typed by me' } });
    const saved = await richContact('Esme Taunton', 'esme-taunton', { company: 'Brightloom', headline: 'From the page', tags: ['rust'] });
    const before = { old: await related(old), saved: await related(saved) };

    const res = await call('manage.mergeContacts', { ids: [old, saved] });
    expect(res.merged).toBe(1);
    expect(res.contact.id).toBe(saved);
    expect(await db.contacts.count()).toBe(1);
    const c = (await db.contacts.get(saved))!;
    expect(c.slug).toBe('esme-taunton');
    expect(c.headline).toBe('Typed by me');
    expect(c.tags.sort()).toEqual(['alumni', 'rust']);
    const after = await related(saved);
    expect(after.notes).toHaveLength(before.old.notes.length + before.saved.notes.length);
    expect(after.notes.map((n) => n.text).sort()).toEqual(['Note about Esme Taunton', 'Note about Esme Taunton']);
    expect(after.interactions).toHaveLength(2);
    expect(after.activities).toHaveLength(before.old.activities.length + before.saved.activities.length);
    expect(after.reminders).toHaveLength(2);
    expect(await related(old)).toEqual({ notes: [], interactions: [], activities: [], reminders: [] });
  });

  it('keeps the slug even when the user keeps the slug-less record as main', async () => {
    const old = await save('Farid Nasseri', { company: 'Lumen' });
    const saved = await save('Farid Nasseri', { slug: 'farid-nasseri', company: 'Lumen' });
    const res = await call('manage.mergeContacts', { ids: [old, saved], keepId: old });
    expect(res.contact.id).toBe(old);
    expect((await db.contacts.get(old))!.slug).toBe('farid-nasseri');
    expect(await db.contacts.get(saved)).toBeUndefined();
  });

  it('refuses to merge two different LinkedIn profiles', async () => {
    const a = await save('Sam Lee', { slug: 'sam-lee-a' });
    const b = await save('Sam Lee', { slug: 'sam-lee-b' });
    const res = await callRaw('manage.mergeContacts', { ids: [a, b] });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('conflict');
    expect(await db.contacts.count()).toBe(2);
  });

  it('points introductions made by a merged record at the kept one', async () => {
    const old = await save('Jun Park');
    const saved = await save('Jun Park', { slug: 'jun-park' });
    const introduced = await save('Gwen Ade');
    await call('contact.update', { id: introduced, patch: { howWeMet: { kind: 'introduction', contactId: old } } });
    await call('manage.mergeContacts', { ids: [old, saved] });
    expect((await db.contacts.get(introduced))!.howWeMet).toEqual({ kind: 'introduction', contactId: saved });
  });
});

describe('events and groups', () => {
  it('creates and edits an event; deleting it keeps "how we met" as text', async () => {
    const ev = await call('manage.saveEvent', { name: 'DataConf', kind: 'conference', date: '2026-05-01', place: '' });
    expect(ev.place).toBeNull();
    const edited = await call('manage.saveEvent', { id: ev.id, name: 'DataConf Nordics', kind: 'conference', date: '2026-05-02', place: 'Malmö' });
    expect(edited).toMatchObject({ id: ev.id, name: 'DataConf Nordics', place: 'Malmö' });
    const c = await save('Ada Quill');
    await call('contact.update', { id: c, patch: { howWeMet: { kind: 'event', eventId: ev.id } } });
    await call('manage.deleteEvent', { id: ev.id });
    expect(await db.events.count()).toBe(0);
    expect((await db.contacts.get(c))!.howWeMet).toEqual({ kind: 'text', text: 'Event: DataConf Nordics (2026-05-02)' });
  });

  it('rejects an event without a name with a clear message', async () => {
    const res = await callRaw('manage.saveEvent', { name: '  ', kind: 'meetup', date: '2026-05-01', place: null });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/needs a name/);
  });

  it('deleting a group removes its notes and keeps it as text on contacts', async () => {
    const g = await call('group.save', { groupId: '42', name: 'Streaming Data' });
    await call('note.add', { targetType: 'group', targetId: g.group?.id ?? g.id, text: 'Good answers here' });
    const gid = g.group?.id ?? g.id;
    const c = await save('Ada Quill');
    await call('contact.update', { id: c, patch: { howWeMet: { kind: 'group', groupId: gid } } });
    await call('manage.deleteGroup', { id: gid });
    expect(await db.groups.count()).toBe(0);
    expect(await db.notes.count()).toBe(0);
    expect((await db.contacts.get(c))!.howWeMet).toEqual({ kind: 'text', text: 'Group: Streaming Data' });
  });
});

describe('data.deleteEverything', () => {
  it('needs DELETE typed, then empties every table', async () => {
    await richContact('Ada Quill', 'ada-quill');
    await call('settings.update', { weekStart: 0 });
    await call('manage.saveEvent', { name: 'DataConf', kind: 'conference', date: '2026-05-01', place: null });
    const refused = await callRaw('data.deleteEverything', { confirm: 'delete' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/DELETE/);
    expect(await db.contacts.count()).toBe(1);

    await call('data.deleteEverything', { confirm: 'DELETE' });
    for (const t of TABLES) expect(await db.table(t).count(), t).toBe(0);
    expect((await call('settings.get', {})).weekStart).toBe(1); // back to defaults
  });
});
