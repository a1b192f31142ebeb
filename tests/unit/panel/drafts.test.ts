import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDraftStore, draftKey } from '../../../components/panel/drafts';

const store = () =>
  createDraftStore({
    get: (k) => fakeBrowser.storage.local.get(k) as Promise<Record<string, unknown>>,
    set: (items) => fakeBrowser.storage.local.set(items),
    remove: (k) => fakeBrowser.storage.local.remove(k),
  });

describe('note drafts, per person', () => {
  it('keeps a draft per slug: coming back restores it, another person starts empty', async () => {
    const s = store();
    await s.save(draftKey('contact', 'ada-example'), 'Ask Ada about the design review');
    expect(await s.load(draftKey('contact', 'bo-example'))).toBe('');
    expect(await s.load(draftKey('contact', 'ada-example'))).toBe('Ask Ada about the design review');
  });

  it('survives a new store instance (page reload / re-render)', async () => {
    await store().save(draftKey('contact', 'ada-example'), 'half-written');
    expect(await store().load(draftKey('contact', 'ada-example'))).toBe('half-written');
  });

  it('treats slugs case-insensitively and keeps groups apart from people', async () => {
    const s = store();
    await s.save(draftKey('contact', 'Ada-Example'), 'x');
    expect(await s.load(draftKey('contact', 'ada-example'))).toBe('x');
    expect(await s.load(draftKey('group', 'ada-example'))).toBe('');
  });

  it('clearing (after the note was added) or emptying the text removes the draft', async () => {
    const s = store();
    const k = draftKey('contact', 'ada-example');
    await s.save(k, 'note');
    await s.clear(k);
    expect(await s.load(k)).toBe('');
    await s.save(k, 'again');
    await s.save(k, '   ');
    expect(await fakeBrowser.storage.local.get(k)).toEqual({});
  });

  it('never throws when storage fails: the draft is just not restored', async () => {
    const s = createDraftStore({
      get: () => Promise.reject(new Error('gone')),
      set: () => Promise.reject(new Error('gone')),
      remove: () => Promise.reject(new Error('gone')),
    });
    await expect(s.save('k', 'x')).resolves.toBeUndefined();
    await expect(s.load('k')).resolves.toBe('');
  });
});
