import { describe, expect, it } from 'vitest';
import { TABLES, type RapportDB } from '../../../lib/db/db';
import { backupDue, parseBackup } from '../../../lib/backup/format';
import { countActivities } from '../../../lib/goals/db';
import { api, apiResult, freshDb, NOW, row } from '../import-apply/helpers';

/** An invented network: contacts (one introduced by another), a group, an event, notes, interactions, a reminder, a goal. */
async function seed(db: RapportDB, prefix = '') {
  const ada = (await api(db, 'contact.save', { slug: `${prefix}ada-example`, name: `${prefix}Ada Example`, company: 'Analytical Engines Ltd', tags: ['ai'] })).contact;
  const pat = (await api(db, 'contact.save', { slug: null, name: `${prefix}Pat O'Brien`, source: 'manual', relationships: ['mentor'] })).contact;
  await api(db, 'contact.update', { id: pat.id, patch: { howWeMet: { kind: 'introduction', contactId: ada.id } } });
  await api(db, 'note.add', { targetType: 'contact', targetId: ada.id, text: `${prefix}Met at the =SUM(A1) workshop, "great" talk` });
  await api(db, 'note.add', { targetType: 'contact', targetId: pat.id, text: `${prefix}Offered to review my CV` });
  await api(db, 'interaction.log', { contactId: pat.id, kind: 'mentorship', date: '2026-06-01', note: 'First session' });
  const run = await api(db, 'import.start', { fileName: 'Connections.csv', total: 1 });
  await api(db, 'import.batch', { runId: run.id, rows: [row(`${prefix}Grace`, 'Sample', { slug: `${prefix}grace-sample` })] });
  await api(db, 'import.finish', { runId: run.id, status: 'done' });
  await db.groups.add({ groupId: `${prefix}12345`, name: 'Example Engineers', url: null, memberCount: 10, description: null, membership: 'member', joinedOn: '2026-01-02', tags: [], createdAt: 1, updatedAt: 1 } as never);
  await db.events.add({ name: `${prefix}Example Conf`, kind: 'conference', date: '2026-05-05', place: null, createdAt: 2, updatedAt: 2 } as never);
  await db.goals.add({ metric: 'new-connection', target: 5, period: 'month', active: true, createdAt: 3, updatedAt: 3 } as never);
  await db.reminders.add({ kind: 'follow-up', title: `${prefix}Follow up with Ada`, contactId: ada.id, groupId: null, due: '2026-07-01', recurrence: null, state: 'open', snoozedUntil: null, doneAt: null, createdAt: 4, updatedAt: 4 } as never);
  return { ada, pat };
}

async function snapshot(db: RapportDB) {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) out[t] = await db.table(t).toArray();
  return out;
}

async function exportText(db: RapportDB): Promise<string> {
  return (await api(db, 'backup.export', {})).text;
}

describe('backup and restore', () => {
  it('round trip: export → delete everything → restore gives back exactly the same data', async () => {
    const db = freshDb();
    await seed(db);
    const text = await exportText(db);
    const before = await snapshot(db);
    expect((before.settings![0] as { value: { lastBackupAt: number } }).value.lastBackupAt).toBe(NOW.getTime());
    await api(db, 'data.deleteEverything', { confirm: 'DELETE' });
    expect(await db.contacts.count()).toBe(0);
    const res = await api(db, 'backup.restore', { text, mode: 'replace' });
    expect(res.added.contacts).toBe(3);
    expect(await snapshot(db)).toEqual(before);
  });

  it('previews what a merge would add without writing anything', async () => {
    const db = freshDb();
    await seed(db);
    const text = await exportText(db);
    const other = freshDb();
    await seed(other, 'x-');
    const before = await snapshot(other);
    const preview = await api(other, 'backup.preview', { text });
    const byTable = Object.fromEntries(preview.tables.map((t: { table: string }) => [t.table, t]));
    expect(byTable.contacts).toEqual({ table: 'contacts', inFile: 3, stored: 3, added: 3 });
    expect(byTable.notes).toMatchObject({ inFile: 2, added: 2 });
    expect(await snapshot(other)).toEqual(before);
  });

  it('merge keeps everything stored, adds what is missing, and remaps references to the new ids', async () => {
    const db = freshDb();
    await seed(db);
    const text = await exportText(db);
    const other = freshDb();
    const mine = await seed(other, 'x-');
    await api(other, 'note.add', { targetType: 'contact', targetId: mine.ada.id, text: 'Only here' });
    const before = await snapshot(other);
    const res = await api(other, 'backup.restore', { text, mode: 'merge' });
    expect(res.added).toMatchObject({ contacts: 3, notes: 2, interactions: 1, reminders: 1 });
    const after = await snapshot(other);
    // Nothing stored was changed or removed.
    for (const t of TABLES) {
      if (t === 'settings') continue;
      for (const r of before[t]!) expect(after[t], t).toContainEqual(r);
    }
    const contacts = await other.contacts.toArray();
    const ada = contacts.find((c) => c.slug === 'ada-example')!;
    const pat = contacts.find((c) => c.name === "Pat O'Brien")!;
    expect(pat.howWeMet).toEqual({ kind: 'introduction', contactId: ada.id });
    const adaNotes = await other.notes.where('[targetType+targetId]').equals(['contact', ada.id]).toArray();
    expect(adaNotes.map((n) => n.text)).toEqual(['Met at the =SUM(A1) workshop, "great" talk']);
    const interaction = (await other.interactions.toArray()).find((i) => i.note === 'First session' && i.contactId === pat.id);
    expect(interaction).toBeDefined();
    const mentorship = (await other.activities.toArray()).find((a) => a.kind === 'mentorship' && a.contactId === pat.id);
    expect(mentorship?.interactionId).toBe(interaction!.id);
    const reminder = (await other.reminders.toArray()).find((r) => r.title === 'Follow up with Ada');
    expect(reminder?.contactId).toBe(ada.id);
    // Merging the same backup again adds nothing.
    const again = await api(other, 'backup.restore', { text, mode: 'merge' });
    expect(Object.values(again.added).every((n) => n === 0)).toBe(true);
    expect(await snapshot(other)).toEqual(after);
  });

  it('replace makes the database exactly the backup', async () => {
    const db = freshDb();
    await seed(db);
    const text = await exportText(db);
    const expected = await snapshot(db);
    const other = freshDb();
    await seed(other, 'x-');
    await api(other, 'backup.restore', { text, mode: 'replace' });
    expect(await snapshot(other)).toEqual(expected);
  });

  const mutations: Array<[string, (b: any) => unknown, RegExp]> = [
    ['not JSON', () => '{"format": "rapport-backup", ', /not valid JSON/],
    ['a JSON array', () => [], /does not hold a backup/],
    ['another app\'s export', () => ({ format: 'other-app', data: [] }), /format is "other-app"/],
    ['no format marker', (b) => { delete b.format; return b; }, /no "format"/],
    ['a newer version', (b) => { b.schemaVersion = 99; return b; }, /newer version of Rapport/],
    ['a missing table', (b) => { delete b.tables.notes; return b; }, /notes table is missing/],
    ['a wrong type', (b) => { b.tables.contacts[0].name = 42; return b; }, /contact #1 \(field "name"\) has a wrong type/],
    ['a huge string', (b) => { b.tables.notes[0].text = 'x'.repeat(20_001); return b; }, /note #1 \(field "text"\) has a text longer than 20000/],
    ['an unknown key', (b) => { b.tables.contacts[0].evil = 1; return b; }, /unexpected key "evil"/],
    ['a __proto__ key', (b) => JSON.stringify(b).replace('"tables":{', '"tables":{"__proto__":{"polluted":true},'), /"__proto__"/],
    ['a nested __proto__ key', (b) => JSON.stringify(b).replace('"howWeMet":null', '"howWeMet":{"__proto__":{"x":1},"kind":"text","text":"a"}'), /"__proto__"/],
    ['two contacts with one id', (b) => { b.tables.contacts[1].id = b.tables.contacts[0].id; return b; }, /share the same id/],
    ['a bad date', (b) => { b.tables.activities[0].date = '17 Jul 2022'; return b; }, /activity #1 \(field "date"\)/],
  ];

  for (const [what, mutate, message] of mutations) {
    it(`rejects a file with ${what}, says why, and changes nothing`, async () => {
      const db = freshDb();
      await seed(db);
      const good = JSON.parse(await exportText(db));
      const mutated = mutate(good);
      const text = typeof mutated === 'string' ? mutated : JSON.stringify(mutated);
      const before = await snapshot(db);
      for (const mode of ['merge', 'replace'] as const) {
        const res = await apiResult(db, 'backup.restore', { text, mode });
        expect(res.ok).toBe(false);
        if (res.ok) return;
        expect(res.error.message).toMatch(/^This (file is not a Rapport backup|backup cannot be restored): /);
        expect(res.error.message).toMatch(message);
      }
      expect((await apiResult(db, 'backup.preview', { text })).ok).toBe(false);
      expect(await snapshot(db)).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('parseBackup accepts an invented backup file and refuses an empty one', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../fixtures/backup/invented-backup.json', import.meta.url), 'utf8');
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(true);
    expect(parseBackup('   ')).toEqual({ ok: false, message: 'This file is not a Rapport backup: the file is empty.' });
  });

  it("restores a version-2 backup (one 'new-connection' activity per connected contact) with the same goal counts", async () => {
    const db = freshDb();
    await seed(db);
    const file = JSON.parse(await exportText(db));
    const grace = file.tables.contacts.find((c: { slug: string | null }) => c.slug === 'grace-sample');
    // As version 2 wrote it: the date on a 'new-connection' activity, and (for a contact connected in the panel and later edited) not on the contact.
    grace.connectedOn = null;
    const old = {
      ...file,
      schemaVersion: 2,
      tables: {
        ...file.tables,
        activities: [...file.tables.activities, { id: 900, kind: 'new-connection', date: '2024-03-01', contactId: grace.id, groupId: null, eventId: null, interactionId: null, reminderId: null, note: null, source: 'import', createdAt: 1 }],
      },
    };
    const parsed = parseBackup(JSON.stringify(old));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.backup.tables.activities.some((a) => a.kind === 'new-connection')).toBe(false);
    await api(db, 'backup.restore', { text: JSON.stringify(old), mode: 'replace' });
    expect((await db.contacts.where('slug').equals('grace-sample').first())!.connectedOn).toBe('2024-03-01');
    expect(await countActivities(db, 'new-connection', { start: '2024-03-01', end: '2024-03-02' })).toBe(1);
    expect(await db.activities.where('kind').equals('new-connection').count()).toBe(0);
  });
});

describe('backupDue', () => {
  const day = 86_400_000;
  it('is due when there has never been a backup or the last is over 30 days old', () => {
    const now = Date.UTC(2026, 5, 15);
    expect(backupDue(null, now)).toBe(true);
    expect(backupDue(now - 31 * day, now)).toBe(true);
    expect(backupDue(now - 30 * day, now)).toBe(false);
    expect(backupDue(now - 2 * day, new Date(now))).toBe(false);
  });
});
