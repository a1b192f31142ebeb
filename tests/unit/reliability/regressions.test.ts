/**
 * Bugs the fuzzers found, pinned with a fixed input each (the fuzz runs are random; these are not).
 */
import { describe, expect, it } from 'vitest';
import { MSG } from '../../../lib/api/messages';
import { handleApiMessage } from '../../../lib/api/server';
import { prepareImport } from '../../../lib/import/prepare';
import { apiCaller, freshDb, invalidRows } from '../../fuzz/helpers';

const HEADER = 'First Name,Last Name,Email Address,Company,Position,Connected On';

async function importText(db: ReturnType<typeof freshDb>, text: string) {
  const api = apiCaller(db);
  const prepared = await prepareImport(text, await db.contacts.toArray());
  if ('problem' in prepared) throw new Error(prepared.problem);
  const run = await api<{ id: number }>('import.start', { fileName: 'Connections.csv', total: prepared.preview.total });
  let created = 0;
  for (let i = 0; i < prepared.preview.batches; i++) {
    created += (await api<{ created: number }>('import.batch', { runId: run.id, rows: prepared.batch(i) })).created;
  }
  await api('import.finish', { runId: run.id, status: 'done' });
  return { preview: prepared.preview, created };
}

describe('fixed by the fuzzers', () => {
  it('a setting sent as undefined (Firefox keeps undefined in messages) leaves it unchanged instead of failing', async () => {
    const db = freshDb('regress');
    const res = await handleApiMessage({ type: MSG.UI_API_CALL, op: 'settings.panelState', input: { panelCollapsed: undefined, panelSide: 'left' } }, 'content', { db });
    expect(res).toMatchObject({ ok: true, data: { panelCollapsed: false, panelSide: 'left' } });
    db.close();
  });

  it('a URL-less person listed twice, whose stored namesake has a company the user typed: imported once, re-import adds nobody', async () => {
    const db = freshDb('regress');
    const api = apiCaller(db);
    const { contact } = await api('contact.save', { slug: 'ada-example-test', name: 'Ada Example', degree: '1st' });
    await api('contact.update', { id: contact.id, patch: { company: 'Typed By Me Ltd' } });
    const text = `${HEADER}\nAda,Example,,Analytical Engines Ltd,Programmer,17 Jul 2022\nAda,Example,,Analytical Engines Ltd,Programmer,17 Jul 2022\nAlan,Placeholder,,Bletchley Example Park,Cryptanalyst,18 Jul 2022\n`;
    const first = await importText(db, text);
    expect(first.preview.counts.duplicates).toBe(1);
    const afterFirst = await db.contacts.count();
    const again = await importText(db, text);
    expect(again.created).toBe(0);
    expect(await db.contacts.count()).toBe(afterFirst);
    expect((await db.contacts.get(contact.id))!.company).toBe('Typed By Me Ltd');
    db.close();
  });

  it('a row with values too long for a contact: shortened and reported, the batch is not refused, every record stays valid', async () => {
    const db = freshDb('regress');
    const long = 'A'.repeat(400);
    const text = `${HEADER}\n${long},${long},x@${'e'.repeat(400)}.example,${'C'.repeat(500)},${'P'.repeat(500)},17 Jul 2022\nAlan,Placeholder,,Bletchley Example Park,Cryptanalyst,18 Jul 2022\n`;
    const { preview, created } = await importText(db, text);
    expect(created).toBe(2);
    expect(preview.problemCount).toBeGreaterThanOrEqual(1);
    expect(preview.problems.map((p) => p.message).join(' ')).toMatch(/too long/);
    expect(preview.problems.find((p) => /too long/.test(p.message))?.line).toBe(2);
    expect(await invalidRows(db)).toEqual([]);
    db.close();
  });

  it('import.batch itself refuses a name that could not be stored (first + last over 300 characters), writing nothing', async () => {
    const db = freshDb('regress');
    const api = apiCaller(db);
    const run = await api<{ id: number }>('import.start', { fileName: 'x.csv', total: 1 });
    const row = { firstName: 'A'.repeat(200), lastName: 'B'.repeat(200), slug: null, profileUrl: null, email: null, company: null, position: null, connectedOn: null };
    const res = await handleApiMessage({ type: MSG.UI_API_CALL, op: 'import.batch', input: { runId: run.id, rows: [row] } }, 'extension', { db });
    expect(res.ok ? 'ok' : res.error.code).toBe('invalid-input');
    expect(await db.contacts.count()).toBe(0);
    db.close();
  });
});

describe('names that grow when normalised', () => {
  it('a page name of 300 characters that NFKC lengthens (ﷺ is 18 letters) is saved with a valid search key', async () => {
    const db = freshDb('regress');
    const res = await handleApiMessage(
      { type: MSG.UI_API_CALL, op: 'contact.save', input: { slug: 'long-name-test', name: '\uFDFA'.repeat(300) } },
      'content',
      { db },
    );
    expect(res.ok).toBe(true);
    expect(await invalidRows(db)).toEqual([]);
    db.close();
  });
});

describe('backups with a disguised prototype key', () => {
  it('"\\u005f_proto__" written with escapes inside a record is refused like the plain key', async () => {
    const src = freshDb('regress');
    await apiCaller(src)('contact.save', { slug: 'ada-example-test', name: 'Ada Example' });
    const { text } = await apiCaller(src)<{ text: string }>('backup.export', {});
    src.close();
    const disguised = text.replace('"slug":"ada-example-test"', '"\\u005f_proto__":{"isAdmin":true},"slug":"ada-example-test"');
    expect(disguised).not.toBe(text);
    const db = freshDb('regress');
    const res = await handleApiMessage({ type: MSG.UI_API_CALL, op: 'backup.restore', input: { text: disguised, mode: 'merge' } }, 'extension', { db });
    expect(res.ok ? 'ok' : res.error.message).toMatch(/__proto__/);
    expect(await db.contacts.count()).toBe(0);
    db.close();
  });
});
