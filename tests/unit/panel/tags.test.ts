import { describe, expect, it } from 'vitest';
import { createDb } from '../../../lib/db/db';
import { MSG } from '../../../lib/api/messages';
import { handleApiMessage } from '../../../lib/api/server';

function setup() {
  const db = createDb('test-' + crypto.randomUUID());
  const now = () => new Date(2025, 4, 14, 10, 0, 0);
  const call = async <T = any>(op: string, input: unknown): Promise<T> => {
    const res = await handleApiMessage({ type: MSG.UI_API_CALL, op, input }, 'content', { db, now });
    if (!res.ok) throw Object.assign(new Error(res.error.message), { code: res.error.code });
    return res.data as T;
  };
  return { db, call };
}

describe('tags.list (the tag autocomplete, read by seeking from one distinct tag to the next)', () => {
  it('lists every tag in use once, sorted, from contacts and groups; a tag nobody has any more is gone', async () => {
    const { call } = setup();
    expect(await call('tags.list', {})).toEqual([]);
    const tagsOf = [['zeta', 'alpha'], [], ['alpha'], ['Beta', 'alpha', 'zeta'], ['mid'], ['alpha']];
    const ids: number[] = [];
    for (const [i, tags] of tagsOf.entries()) {
      const saved = await call<{ contact: { id: number } }>('contact.save', { slug: `tagged-${i}-example`, name: `Tagged Person ${i}`, tags });
      ids.push(saved.contact.id);
    }
    const group = await call<{ group: { id: number } }>('group.save', { groupId: '4242', name: 'Invented Guild' });
    await call('group.update', { id: group.group.id, patch: { tags: ['guild-only', 'alpha'] } });
    expect(await call('tags.list', {})).toEqual(['alpha', 'Beta', 'guild-only', 'mid', 'zeta']);

    await call('contact.update', { id: ids[4], patch: { tags: [] } }); // the only 'mid'
    expect(await call('tags.list', {})).toEqual(['alpha', 'Beta', 'guild-only', 'zeta']);
  });

  it('finds every distinct tag among thousands of tagged contacts', async () => {
    const { db, call } = setup();
    const pool = Array.from({ length: 40 }, (_, i) => `tag-${String(i).padStart(2, '0')}`);
    const at = Date.UTC(2025, 0, 1);
    await db.contacts.bulkAdd(Array.from({ length: 3000 }, (_, i) => ({
      slug: `bulk-${i}-example`, profileUrl: null, name: `Bulk ${i}`, nameLower: `bulk ${i}`, headline: null, company: null, position: null,
      location: null, photoUrl: null, email: null, degree: null, status: 'none', relationships: [], tags: i % 7 === 0 ? [] : [pool[i % 40]!, pool[(i * 3) % 40]!],
      howWeMet: null, cadenceDays: null, nextFollowUp: null, followUpDate: null, lastInteraction: null, connectedOn: null, source: 'panel', userFields: [],
      createdAt: at, updatedAt: at,
    })) as never);
    expect(await call('tags.list', {})).toEqual(pool);
  });
});
