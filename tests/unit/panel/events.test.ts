/** event.add (the panel records an event when none fits) and "met at an event" counting attendance once. */
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
  return { db, notified, call: <T = any>(op: string, input: unknown) => callAs<T>('content', op, input) };
}

const attended = async (db: RapportDB) => (await db.activities.toArray()).filter((a) => a.kind === 'event-attended' || a.kind === 'workshop-attended');

async function contact(call: (op: string, input: unknown) => Promise<any>, slug: string, name: string): Promise<number> {
  return (await call('contact.save', { slug, name })).contact.id;
}

describe('event.add (from the panel)', () => {
  it('records an event the panel can pick at once, tells open pages, and counts nothing by itself', async () => {
    const { db, call, notified } = setup();
    const e = await call('event.add', { name: '  Invented Design Systems Meetup ', kind: 'meetup', date: '2025-05-10', place: 'Invented Hall, Lund' });
    expect(e).toMatchObject({ name: 'Invented Design Systems Meetup', kind: 'meetup', date: '2025-05-10', place: 'Invented Hall, Lund' });
    expect(notified.flat()).toContain('events');
    expect((await call('event.list', {})).map((x: { id: number }) => x.id)).toEqual([e.id]);
    expect(await attended(db)).toEqual([]);
  });

  it('rejects a nameless event or an unknown kind with a clear message, and stores nothing', async () => {
    const { db, call } = setup();
    await expect(call('event.add', { name: '   ', kind: 'meetup', date: '2025-05-10' })).rejects.toThrow(/name/i);
    await expect(call('event.add', { name: 'X', kind: 'party', date: '2025-05-10' })).rejects.toThrow();
    await expect(call('event.add', { name: 'X', kind: 'meetup', date: '10/05/2025' })).rejects.toThrow(/YYYY-MM-DD/);
    expect(await db.events.count()).toBe(0);
  });
});

describe('interaction.log met-at-event with an event', () => {
  it('counts attending the event once however many people you met there', async () => {
    const { db, call } = setup();
    const e = await call('event.add', { name: 'Invented UX Conference', kind: 'conference', date: '2025-05-12' });
    const a = await contact(call, 'ada-example', 'Ada Example');
    const b = await contact(call, 'ben-example', 'Ben Example');
    await call('interaction.log', { contactId: a, kind: 'met-at-event', eventId: e.id });
    await call('interaction.log', { contactId: b, kind: 'met-at-event', eventId: e.id });
    const acts = await attended(db);
    expect(acts).toHaveLength(1);
    expect(acts[0]).toMatchObject({ kind: 'event-attended', eventId: e.id, date: '2025-05-12', source: 'panel' });
    expect(await db.interactions.count()).toBe(2);
  });

  it('without an event, meeting someone is logged but no attendance is counted', async () => {
    const { db, call } = setup();
    const a = await contact(call, 'ada-example', 'Ada Example');
    const view = await call('interaction.log', { contactId: a, kind: 'met-at-event' });
    expect(view.interactions.map((i: { kind: string }) => i.kind)).toEqual(['met-at-event']);
    expect(await attended(db)).toEqual([]);
  });

  it('a workshop counts as a workshop attended; an event given with another kind of interaction counts nothing', async () => {
    const { db, call } = setup();
    const w = await call('event.add', { name: 'Invented Facilitation Workshop', kind: 'workshop', date: '2025-05-13' });
    const a = await contact(call, 'ada-example', 'Ada Example');
    await call('interaction.log', { contactId: a, kind: 'message', eventId: w.id });
    expect(await attended(db)).toEqual([]);
    await call('interaction.log', { contactId: a, kind: 'met-at-event', eventId: w.id });
    expect((await attended(db)).map((x) => x.kind)).toEqual(['workshop-attended']);
  });

  it('an event that no longer exists is refused and nothing is logged', async () => {
    const { db, call } = setup();
    const a = await contact(call, 'ada-example', 'Ada Example');
    await expect(call('interaction.log', { contactId: a, kind: 'met-at-event', eventId: 999 })).rejects.toThrow(/no longer exists/);
    expect(await db.interactions.count()).toBe(0);
  });

  it('undoing the meeting that counted the event removes the count too', async () => {
    const { db, call } = setup();
    const e = await call('event.add', { name: 'Invented Meetup', kind: 'meetup', date: '2025-05-12' });
    const a = await contact(call, 'ada-example', 'Ada Example');
    const view = await call('interaction.log', { contactId: a, kind: 'met-at-event', eventId: e.id });
    await call('interaction.delete', { id: view.interactions[0].id });
    expect(await attended(db)).toEqual([]);
  });
});
