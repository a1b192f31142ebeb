import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setTransport } from '../../../lib/api/client';
import { clearPrefetched, FRESH_MS, lookupInput, prefetch, prefetchForPage, prefetchForUrl, settledWithin, takePrefetched } from '../../../components/panel/prefetch';
import type { PageReport } from '../../../components/panel/bridge';

const report = (slug: string, name: string | null): PageReport => ({
  url: `https://www.linkedin.com/in/${slug}/`, page: { kind: 'profile', slug },
  profile: { slug, name, headline: null, location: null, company: null, degree: null, photoUrl: null },
  group: null, missing: [], via: 'rendered',
});

describe('panel prefetch (reads started before the panel asks)', () => {
  let calls: Array<{ op: string; input: unknown }>;
  beforeEach(() => {
    calls = [];
    clearPrefetched();
    setTransport(async (message) => {
      const { op, input } = message as { op: string; input: { slug?: string } };
      calls.push({ op, input });
      if (op === 'contact.getForPage') {
        return input.slug === 'ada-example'
          ? { ok: true, data: { view: { contact: { id: 7, name: 'Ada Example' }, notes: [{ id: 1, text: 'met at the meetup' }] }, possibleMatch: null } }
          : { ok: true, data: { view: null, possibleMatch: null } };
      }
      return { ok: true, data: { panelPlacement: 'page' } };
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    clearPrefetched();
  });

  it('the lookup of the person on the page answers the panel and its editor with one request', async () => {
    prefetchForPage(report('ada-example', 'Ada Example'));
    const lookup = takePrefetched('contact.getForPage', { slug: 'ada-example', name: 'Ada Example' });
    expect(lookup).not.toBeNull();
    await lookup!.promise;
    await Promise.resolve();
    const editor = takePrefetched('contact.get', { id: 7 });
    expect(editor?.settled).toMatchObject({ ok: true, data: { contact: { id: 7 }, notes: [{ text: 'met at the meetup' }] } });
    expect(calls.map((c) => c.op)).toEqual(['contact.getForPage']);
  });

  it('never answers for another person or another input', async () => {
    prefetchForPage(report('ada-example', 'Ada Example'));
    expect(takePrefetched('contact.getForPage', { slug: 'bruno-placeholder', name: 'Ada Example' })).toBeNull();
    expect(takePrefetched('contact.getForPage', { slug: 'ada-example', name: 'Someone Else' })).toBeNull();
    expect(takePrefetched('contact.get', { id: 8 })).toBeNull();
  });

  it('forgets everything when data changes, and answers go stale after a few seconds', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await prefetch('settings.get', {});
    expect(takePrefetched('settings.get', {})).not.toBeNull();
    clearPrefetched(); // a "data changed" broadcast
    expect(takePrefetched('settings.get', {})).toBeNull();
    await prefetch('settings.get', {});
    vi.setSystemTime(Date.now() + FRESH_MS + 1);
    expect(takePrefetched('settings.get', {})).toBeNull();
  });

  it('asks again after an error instead of remembering it', async () => {
    setTransport(async () => ({ ok: false, error: { code: 'internal', message: 'x' } }));
    await prefetch('settings.get', {});
    await Promise.resolve();
    expect(takePrefetched('settings.get', {})).toBeNull();
  });

  it('uses the same input as the profile panel (name clipped to 300 characters)', () => {
    const long = 'A'.repeat(400);
    expect(lookupInput(report('ada-example', long))).toEqual({ slug: 'ada-example', name: 'A'.repeat(299) + '…' });
    expect(lookupInput(report('ada-example', null))).toEqual({ slug: 'ada-example', name: null });
  });

  it('the lookup by URL alone (started before the page is read) answers for a saved person: one request', async () => {
    prefetchForUrl({ kind: 'profile', slug: 'ada-example' });
    await prefetchForPage(report('ada-example', 'Ada Example'));
    expect(takePrefetched('contact.getForPage', { slug: 'ada-example', name: 'Ada Example' })?.settled)
      .toMatchObject({ ok: true, data: { view: { contact: { id: 7 } } } });
    expect(takePrefetched('contact.get', { id: 7 })?.settled).toMatchObject({ ok: true, data: { contact: { id: 7 } } });
    expect(calls).toEqual([{ op: 'contact.getForPage', input: { slug: 'ada-example' } }]);
  });

  it('a person not saved yet is looked up again with the name the page shows (it may match an imported contact)', async () => {
    prefetchForUrl({ kind: 'profile', slug: 'bruno-placeholder' });
    await prefetchForPage(report('bruno-placeholder', 'Bruno Placeholder'));
    expect(calls.map((c) => c.input)).toEqual([{ slug: 'bruno-placeholder' }, { slug: 'bruno-placeholder', name: 'Bruno Placeholder' }]);
    expect(takePrefetched('contact.getForPage', { slug: 'bruno-placeholder', name: 'Bruno Placeholder' })?.settled).toMatchObject({ ok: true });
  });

  it('a data change while the lookup by URL is on its way: the page lookup asks again', async () => {
    let answer!: (v: unknown) => void;
    setTransport((message) => {
      calls.push(message as { op: string; input: unknown });
      return calls.length === 1
        ? new Promise((r) => { answer = r; })
        : Promise.resolve({ ok: true, data: { view: { contact: { id: 7, name: 'Ada Example (renamed)' }, notes: [] }, possibleMatch: null } });
    });
    prefetchForUrl({ kind: 'profile', slug: 'ada-example' });
    const ready = prefetchForPage(report('ada-example', 'Ada Example'));
    clearPrefetched(); // the "data changed" broadcast
    answer({ ok: true, data: { view: { contact: { id: 7, name: 'Ada Example' }, notes: [] }, possibleMatch: null } });
    await ready;
    expect(calls).toHaveLength(2);
  });

  it('a group page is looked up by its URL alone', async () => {
    prefetchForUrl({ kind: 'group', groupId: '4242' });
    prefetchForUrl({ kind: 'other' });
    await prefetchForPage({ url: 'https://www.linkedin.com/groups/4242/', page: { kind: 'group', groupId: '4242' }, profile: null, group: { groupId: '4242', name: 'G', memberCount: null, description: null }, missing: [] });
    expect(calls).toEqual([{ op: 'group.getForPage', input: { groupId: '4242' } }]);
  });

  it('the panel waits for the page\'s answers, but not for long', async () => {
    vi.useFakeTimers();
    let done = false;
    void settledWithin(new Promise(() => {}), 250).then(() => { done = true; });
    await vi.advanceTimersByTimeAsync(249);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    let quick = false;
    void settledWithin(Promise.resolve(), 250).then(() => { quick = true; });
    await vi.advanceTimersByTimeAsync(0);
    expect(quick).toBe(true);
  });
});
