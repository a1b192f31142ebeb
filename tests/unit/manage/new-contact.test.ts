import { beforeEach, describe, expect, it } from 'vitest';
import { type RapportDB, createDb } from '../../../lib/db/db';
import { MSG } from '../../../lib/api/messages';
import { handleApiMessage } from '../../../lib/api/server';
import { EMPTY_NEW_CONTACT, newContactInput, slugFromProfileInput } from '../../../lib/manage/newContact';

let db: RapportDB;
beforeEach(() => {
  db = createDb('test-' + crypto.randomUUID());
});

async function callRaw(op: string, input: unknown) {
  return handleApiMessage({ type: MSG.UI_API_CALL, op, input }, 'extension', { db });
}
async function call<T = any>(op: string, input: unknown): Promise<T> {
  const res = await callRaw(op, input);
  if (!res.ok) throw new Error(`${op}: ${res.error.code}: ${res.error.message}`);
  return res.data as T;
}

describe('the LinkedIn address of a new contact', () => {
  it('derives the slug from a full or a bare profile address', () => {
    expect(slugFromProfileInput('https://www.linkedin.com/in/Ada-Quill/')).toEqual({ slug: 'ada-quill', profileUrl: 'https://www.linkedin.com/in/ada-quill/' });
    expect(slugFromProfileInput('linkedin.com/in/ada-quill?trk=x')).toMatchObject({ slug: 'ada-quill' });
    expect(slugFromProfileInput('de.linkedin.com/in/j%C3%BCrgen-k/')).toMatchObject({ slug: 'jürgen-k' });
    expect(slugFromProfileInput('   ')).toBeNull();
  });
  it('says plainly when the address is not a profile', () => {
    for (const bad of ['https://www.linkedin.com/company/lumen/', 'https://example.com/in/ada', 'ada quill']) {
      expect(slugFromProfileInput(bad), bad).toEqual({ error: expect.stringContaining('not a LinkedIn profile address') });
    }
  });
  it('needs a name; tags are split on commas, trimmed and deduplicated', () => {
    expect(newContactInput({ ...EMPTY_NEW_CONTACT, name: '  ' })).toEqual({ error: 'A contact needs a name.' });
    const ok = newContactInput({ ...EMPTY_NEW_CONTACT, name: ' Ada  Quill ', tags: 'rust, meetup ,rust,,', relationships: ['mentor'] });
    expect(ok).toMatchObject({ input: { name: 'Ada Quill', slug: null, tags: ['rust', 'meetup'], relationships: ['mentor'], headline: null } });
  });
});

describe('adding a contact by hand (contact.save from the options page)', () => {
  it('saves the person with their profile, marks what was typed as the user\'s, and refuses a second one with the same profile', async () => {
    const form = { ...EMPTY_NEW_CONTACT, name: 'Ada Quill', profileUrl: 'linkedin.com/in/ada-quill', headline: 'Data engineer', company: 'Lumen', tags: 'kafka', relationships: ['mentor'] };
    const first = newContactInput(form);
    if (!('input' in first)) throw new Error('form rejected');
    const v = await call('contact.save', first.input);
    expect(v.contact).toMatchObject({ name: 'Ada Quill', slug: 'ada-quill', headline: 'Data engineer', company: 'Lumen', tags: ['kafka'], relationships: ['mentor'], source: 'manual' });
    expect(v.contact.userFields).toEqual(expect.arrayContaining(['name', 'headline', 'company']));

    const again = newContactInput({ ...EMPTY_NEW_CONTACT, name: 'A. Quill', profileUrl: 'https://www.linkedin.com/in/ADA-QUILL/' });
    if (!('input' in again)) throw new Error('form rejected');
    const res = await callRaw('contact.save', again.input);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('conflict');
      expect(res.error.message).toContain('Ada Quill is already in your contacts');
    }
    expect(await db.contacts.count()).toBe(1);
  });
  it('the panel still gets the saved contact back when it saves a profile twice', async () => {
    const a = await call('contact.save', { slug: 'ada-quill', name: 'Ada Quill' });
    const b = await call('contact.save', { slug: 'ada-quill', name: 'Ada Quill' });
    expect(b.contact.id).toBe(a.contact.id);
  });
});

describe('renaming a group (group.update)', () => {
  it('renames it; saving the group again from its LinkedIn page keeps the new name', async () => {
    const g = await call('group.save', { groupId: '99001', name: 'Streaming Data Practitioners' });
    const v = await call('group.update', { id: g.group.id, patch: { name: '  Streaming data (Berlin chapter) ' } });
    expect(v.group.name).toBe('Streaming data (Berlin chapter)');
    await call('group.save', { groupId: '99001', name: 'Streaming Data Practitioners', memberCount: 100 });
    expect((await db.groups.get(g.group.id))!.name).toBe('Streaming data (Berlin chapter)');
  });
  it('refuses an empty name and a group that no longer exists', async () => {
    const g = await call('group.save', { groupId: '99002', name: 'Women in Platform Engineering' });
    const empty = await callRaw('group.update', { id: g.group.id, patch: { name: '   ' } });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.code).toBe('invalid-input');
    const gone = await callRaw('group.update', { id: 999, patch: { name: 'X' } });
    expect(gone.ok).toBe(false);
    if (!gone.ok) expect(gone.error.code).toBe('not-found');
    expect((await db.groups.get(g.group.id))!.name).toBe('Women in Platform Engineering');
  });
});
