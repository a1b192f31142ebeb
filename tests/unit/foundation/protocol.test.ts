import { describe, expect, it, vi } from 'vitest';
import { countActivities } from '../../../lib/goals/db';
import { handleApiMessage } from '../../../lib/api/server';
import { MSG } from '../../../lib/api/messages';
import { createDb, type RapportDB } from '../../../lib/db/db';
import { today } from '../../../lib/domain/dates';

function caller(db: RapportDB, notify = vi.fn()) {
  return async <T = any>(op: string, input: unknown, sender: 'content' | 'extension' = 'content') => {
    const res = await handleApiMessage({ type: MSG.UI_API_CALL, op, input }, sender, { db, notify });
    if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
    return res.data as T;
  };
}

const ada = { slug: 'ada-example', name: 'Ada  Example', headline: 'Engineer at Acme', company: 'Acme', location: 'Oslo', degree: '2nd' as const, photoUrl: null };

describe('data API', () => {
  it('rejects malformed input with a typed error and writes nothing', async () => {
    const db = createDb(`proto-${crypto.randomUUID()}`);
    for (const input of [null, 42, 'x', {}, { slug: 5, name: 'A' }, { slug: 'a', name: '' }, { slug: 'a', name: 'x'.repeat(10_000) }]) {
      const res = await handleApiMessage({ type: MSG.UI_API_CALL, op: 'contact.save', input }, 'content', { db });
      expect(res.ok ? 'ok' : res.error.code).toBe('invalid-input');
    }
    for (const bad of [null, undefined, 'hello', { type: 'other' }, { type: MSG.UI_API_CALL }, { type: MSG.UI_API_CALL, op: 5 }]) {
      const res = await handleApiMessage(bad, 'extension', { db });
      expect(res.ok).toBe(false);
    }
    expect(await db.contacts.count()).toBe(0);
  });

  it('saves a person from the page once, keyed by slug, and tells open panels', async () => {
    const db = createDb(`proto-${crypto.randomUUID()}`);
    const notify = vi.fn();
    const api = caller(db, notify);
    const first = await api('contact.save', ada);
    expect(first.contact).toMatchObject({ slug: 'ada-example', name: 'Ada  Example', nameLower: 'ada example', source: 'page', status: 'none' });
    const again = await api('contact.save', { ...ada, slug: 'ADA-example' });
    expect(again.contact.id).toBe(first.contact.id);
    expect(await db.contacts.count()).toBe(1);
    expect(notify).toHaveBeenCalledWith(expect.arrayContaining(['contacts']));
    const found = await api('contact.getForPage', { slug: 'ada-example' });
    expect(found.view.contact.id).toBe(first.contact.id);
  });

  it('notes: add, edit, delete, newest first', async () => {
    const db = createDb(`proto-${crypto.randomUUID()}`);
    const api = caller(db);
    const { contact } = await api('contact.save', ada);
    const n1 = await api('note.add', { targetType: 'contact', targetId: contact.id, text: 'Met at PyCon' });
    await new Promise((r) => setTimeout(r, 2));
    await api('note.add', { targetType: 'contact', targetId: contact.id, text: 'Likes sailing' });
    await api('note.edit', { id: n1.id, text: 'Met at PyCon 2026' });
    let view = (await api('contact.getForPage', { slug: 'ada-example' })).view;
    expect(view.notes.map((n: { text: string }) => n.text)).toEqual(['Likes sailing', 'Met at PyCon 2026']);
    await api('note.delete', { id: n1.id });
    view = (await api('contact.getForPage', { slug: 'ada-example' })).view;
    expect(view.notes).toHaveLength(1);
    await expect(api('note.add', { targetType: 'contact', targetId: 999, text: 'x' })).rejects.toThrow(/not-found/);
    await expect(api('note.add', { targetType: 'contact', targetId: contact.id, text: '   ' })).rejects.toThrow(/invalid-input/);
  });

  it('logging an interaction restarts the keep-in-touch clock and records activities', async () => {
    const db = createDb(`proto-${crypto.randomUUID()}`);
    const api = caller(db);
    const { contact } = await api('contact.save', { ...ada, relationships: ['mentor'] });
    expect(contact.nextFollowUp).not.toBeNull(); // mentor cadence (30 days) from today
    const view = await api('interaction.log', { contactId: contact.id, kind: 'mentorship', date: '2026-03-01', note: 'Career chat' });
    expect(view.contact.lastInteraction).toBe('2026-03-01');
    expect(view.contact.nextFollowUp).toBe('2026-03-31');
    expect(view.interactions[0]).toMatchObject({ kind: 'mentorship', note: 'Career chat' });
    expect(await db.activities.where('kind').equals('mentorship').count()).toBe(1);
    // Deleting the interaction removes the activity it earned.
    await api('interaction.delete', { id: view.interactions[0].id });
    expect(await db.activities.count()).toBe(0);
  });

  it('counts a reconnection after 90 quiet days, and a new connection once', async () => {
    const db = createDb(`proto-${crypto.randomUUID()}`);
    const api = caller(db);
    const { contact } = await api('contact.save', ada);
    await api('contact.update', { id: contact.id, patch: { status: 'connected', connectedOn: '2025-01-10' } });
    await api('contact.update', { id: contact.id, patch: { status: 'invited' } });
    await api('contact.update', { id: contact.id, patch: { status: 'connected' } });
    // Counted once, on the day it happened (the contact's connectedOn), after disconnecting and reconnecting too.
    expect(await countActivities(db, 'new-connection', { start: '2000-01-01', end: '2100-01-01' })).toBe(1);
    expect(await countActivities(db, 'new-connection', { start: '2025-01-10', end: '2025-01-11' })).toBe(1);
    await api('interaction.log', { contactId: contact.id, kind: 'message', date: today() });
    expect(await db.activities.where('kind').equals('reconnection').count()).toBe(1);
    await api('interaction.log', { contactId: contact.id, kind: 'message', date: today() });
    expect(await db.activities.where('kind').equals('reconnection').count()).toBe(1);
  });

  it('marks page fields the user typed so that imports and page reads leave them alone', async () => {
    const db = createDb(`proto-${crypto.randomUUID()}`);
    const api = caller(db);
    const { contact } = await api('contact.save', ada);
    const typed = await api('contact.update', { id: contact.id, patch: { company: 'Acme Research' } });
    expect(typed.contact.userFields).toContain('company');
    const fromPage = await api('contact.update', { id: contact.id, patch: { headline: 'CTO at Beta' }, fromPage: true });
    expect(fromPage.contact.userFields).not.toContain('headline');
    expect(fromPage.contact.headline).toBe('CTO at Beta');
  });

  it('links a slug-less imported contact when its profile is visited', async () => {
    const db = createDb(`proto-${crypto.randomUUID()}`);
    const api = caller(db);
    const { contact } = await api('contact.save', { slug: null, name: 'Grace Hopper', company: 'Navy', source: 'manual' });
    const lookup = await api('contact.getForPage', { slug: 'grace-hopper', name: 'Grace  Hopper' });
    expect(lookup.view).toBeNull();
    expect(lookup.possibleMatch.id).toBe(contact.id);
    const linked = await api('contact.save', { slug: 'grace-hopper', name: 'Grace Hopper', headline: 'Rear Admiral', linkToId: contact.id });
    expect(linked.contact).toMatchObject({ id: contact.id, slug: 'grace-hopper', headline: 'Rear Admiral', company: 'Navy' });
    expect(await db.contacts.count()).toBe(1);
  });
});
