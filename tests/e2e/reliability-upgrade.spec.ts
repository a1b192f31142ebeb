/**
 * Upgrade: a database written by schema version 1 (as an older Rapport left it on a user's disk),
 * opened by the current build in real Chromium. Every record must still be there and correct,
 * through the data API and in the UI (options contact list, the panel on a profile page).
 *
 * How: a first browser run with a fixed profile directory deletes whatever database the
 * extension created at install and writes the version-1 database with RAW IndexedDB from the
 * service worker — object stores and indexes as version 1 declared them (frozen below, Dexie
 * version 1 = IndexedDB version 10), invented records written by hand, no Rapport code involved.
 * The browser is closed; the test then relaunches the same profile (the extension starts as after
 * a browser restart / update) and checks everything through the normal fixture guards (no network,
 * no CSP violation). While the current schema is still version 1 this proves a v1 database written
 * outside the current code is read correctly; once version 2 exists, it exercises the real upgrade.
 */
import { chromium } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SCHEMA_VERSIONS } from '../../lib/db/db';
import { DEFAULT_SETTINGS } from '../../lib/db/schema';
// @ts-expect-error plain JS helper shared with scripts/
import { findChromium } from '../../scripts/chromium-path.mjs';
import { ROOT, api, expect, test as base } from './fixtures';

/** Version 1 exactly as it shipped. Never edit: a later schema is a new SCHEMA_VERSIONS entry. */
const V1_STORES: Record<string, string> = {
  contacts: '++id, &slug, nameLower, *tags, *relationships, nextFollowUp, lastInteraction, status, connectedOn, updatedAt',
  groups: '++id, &groupId, name',
  events: '++id, date, name',
  notes: '++id, [targetType+targetId], updatedAt',
  interactions: '++id, [contactId+date], date',
  activities: '++id, [kind+date], date, contactId, interactionId, reminderId',
  goals: '++id',
  reminders: '++id, due, contactId, [state+due]',
  settings: 'key',
  imports: '++id, startedAt',
};

const T = Date.UTC(2024, 2, 5, 9, 30); // when the old version wrote these (invented)
const contactBase = {
  headline: null, location: null, company: null, position: null, email: null, photoUrl: null, degree: null,
  status: 'connected', connectedOn: null, relationships: [], tags: [], howWeMet: null, cadenceDays: null,
  lastInteraction: null, nextFollowUp: null, followUpManual: false, source: 'page', userFields: [], createdAt: T, updatedAt: T,
};
/** Invented people and data, as version 1 stored them. */
const V1_DATA: Record<string, Array<Record<string, unknown>>> = {
  contacts: [
    {
      ...contactBase, id: 1, slug: 'maya-lindqvist-example', profileUrl: 'https://www.linkedin.com/in/maya-lindqvist-example/',
      name: 'Maya Lindqvist', nameLower: 'maya lindqvist', headline: 'Head of Product Design at Northwind Labs', company: 'Northwind Labs',
      location: 'Lund, Sweden', degree: '2nd', relationships: ['mentor'], tags: ['design-systems', 'nordics'],
      howWeMet: { kind: 'event', eventId: 1 }, cadenceDays: 30, lastInteraction: '2024-03-01', nextFollowUp: '2024-03-31',
      userFields: ['headline'],
    },
    {
      ...contactBase, id: 2, slug: null, profileUrl: null, name: 'Tomás Ferreira-Ødegaard', nameLower: 'tomás ferreira-ødegaard',
      company: 'Invented Analytics', position: 'Data Lead', email: 'tomas@example.invalid', connectedOn: '2019-11-20', source: 'csv',
      howWeMet: { kind: 'group', groupId: 1 }, tags: ['analytics'], nextFollowUp: '2024-04-15', followUpManual: true,
    },
    {
      ...contactBase, id: 3, slug: 'priya-example', profileUrl: 'https://www.linkedin.com/in/priya-example/', name: 'Priya Example',
      nameLower: 'priya example', status: 'invited', howWeMet: { kind: 'introduction', contactId: 1 }, source: 'manual',
    },
  ],
  groups: [{ id: 1, groupId: '9990001', name: 'Example Product Designers Circle', url: 'https://www.linkedin.com/groups/9990001/', memberCount: 12345, description: 'Invented group', membership: 'member', joinedOn: '2024-01-10', tags: ['design'], createdAt: T, updatedAt: T }],
  events: [{ id: 1, name: 'Invented Design Systems Meetup', kind: 'meetup', date: '2024-02-20', place: 'Lund', createdAt: T, updatedAt: T }],
  notes: [
    { id: 1, targetType: 'contact', targetId: 1, text: 'Offered to review my portfolio in April. Loves Nordic typography.', createdAt: T, updatedAt: T },
    { id: 2, targetType: 'contact', targetId: 1, text: 'Second note: prefers email over LinkedIn messages.', createdAt: T + 60_000, updatedAt: T + 60_000 },
    { id: 3, targetType: 'group', targetId: 1, text: 'AMA every first Tuesday', createdAt: T, updatedAt: T },
  ],
  interactions: [
    { id: 1, contactId: 1, kind: 'met-at-event', date: '2024-02-20', note: 'Talked about design tokens', createdAt: T },
    { id: 2, contactId: 1, kind: 'mentorship', date: '2024-03-01', note: null, createdAt: T },
  ],
  activities: [
    { id: 1, kind: 'event-attended', date: '2024-02-20', contactId: null, groupId: null, eventId: 1, interactionId: null, reminderId: null, note: 'Invented Design Systems Meetup', source: 'popup', createdAt: T },
    { id: 2, kind: 'mentorship', date: '2024-03-01', contactId: 1, groupId: null, eventId: null, interactionId: 2, reminderId: null, note: null, source: 'panel', createdAt: T },
    { id: 3, kind: 'group-joined', date: '2024-01-10', contactId: null, groupId: 1, eventId: null, interactionId: null, reminderId: null, note: null, source: 'panel', createdAt: T },
    // Versions 1 and 2 dated each connection with an activity; version 3 keeps the date on the contact only.
    { id: 4, kind: 'new-connection', date: '2019-11-20', contactId: 2, groupId: null, eventId: null, interactionId: null, reminderId: null, note: null, source: 'import', createdAt: T },
    { id: 5, kind: 'new-connection', date: '2024-02-21', contactId: 1, groupId: null, eventId: null, interactionId: null, reminderId: null, note: null, source: 'panel', createdAt: T },
  ],
  goals: [
    { id: 1, metric: 'event-attended', target: 2, period: 'month', active: true, createdAt: T, updatedAt: T },
    { id: 2, metric: 'mentorship', target: 4, period: 'quarter', active: false, createdAt: T, updatedAt: T },
  ],
  reminders: [
    { id: 1, kind: 'commitment', title: 'Send Maya the research deck', contactId: 1, groupId: null, due: '2024-03-12', recurrence: null, state: 'open', snoozedUntil: null, doneAt: null, createdAt: T, updatedAt: T },
    { id: 2, kind: 'follow-up', title: 'Ask Tomás about the analytics meetup', contactId: 2, groupId: null, due: '2024-03-20', recurrence: { every: 'days', days: 14 }, state: 'done', snoozedUntil: null, doneAt: T, createdAt: T, updatedAt: T },
  ],
  settings: [{ key: 'settings', value: { ...DEFAULT_SETTINGS, weekStart: 0, placementChosen: true, panelSide: 'left', customRelationships: ['Alumni'], defaultCadenceDays: 90, lastBackupAt: null } }],
  imports: [{ id: 1, fileName: 'Connections.csv', total: 1, done: 1, created: 1, updated: 0, status: 'done', startedAt: T, finishedAt: T + 1000 }],
};

/** What the current schema holds after upgrading V1_DATA: each 'new-connection' activity folded into its contact (version 3). */
const UPGRADED: Record<string, Array<Record<string, unknown>>> = {
  ...V1_DATA,
  contacts: V1_DATA.contacts!.map((c) => (c.id === 1 ? { ...c, connectedOn: '2024-02-21' } : c)),
  activities: V1_DATA.activities!.filter((a) => a.kind !== 'new-connection'),
};

const launchArgs = (dir: string) => [
  `--disable-extensions-except=${dir}`, `--load-extension=${dir}`,
  '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

/** The relaunched browser, after a first run that wrote the version-1 database by hand. */
const test = base.extend<{ profileDir: string }>({
  profileDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-upgrade-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ extensionBuild, profileDir }, use) => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium found: apt-get install chromium, or set CHROMIUM_PATH.');
    const dir = resolve(process.env.RAPPORT_E2E_OUTPUT ?? resolve(ROOT, process.env.RAPPORT_OUT ?? '.output'), extensionBuild);
    if (!existsSync(resolve(dir, 'manifest.json'))) throw new Error('Run `npm run build:e2e` first.');
    const opts = { executablePath, headless: true, viewport: { width: 1280, height: 900 }, args: launchArgs(dir) };

    // Run 1: replace the database the extension created at install with a raw version-1 one.
    const first = await chromium.launchPersistentContext(profileDir, opts);
    const sw = first.serviceWorkers()[0] ?? (await first.waitForEvent('serviceworker'));
    const written = await sw.evaluate(async ({ stores, data }) => {
      const req = <R>(r: IDBRequest<R>) => new Promise<R>((ok, ko) => { r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
      // The worker's Dexie connection closes itself on 'versionchange', so the delete goes through.
      // The open is queued in the same tick, right behind the delete: a reopen by the worker's own
      // Dexie (at the current version) can then only come after it, never in between.
      const deleted = new Promise<void>((ok, ko) => { const d = indexedDB.deleteDatabase('rapport'); d.onsuccess = () => ok(); d.onerror = () => ko(d.error); });
      const open = indexedDB.open('rapport', 10);
      await deleted;
      open.onupgradeneeded = () => {
        const db = open.result;
        for (const [name, spec] of Object.entries(stores)) {
          const [primary, ...indexes] = spec.split(',').map((s) => s.trim());
          const store = db.createObjectStore(name, { keyPath: primary!.replace(/^\+\+/, ''), autoIncrement: primary!.startsWith('++') });
          for (const ix of indexes) {
            if (ix.startsWith('[')) store.createIndex(ix, ix.slice(1, -1).split('+'));
            else if (ix.startsWith('&')) store.createIndex(ix.slice(1), ix.slice(1), { unique: true });
            else if (ix.startsWith('*')) store.createIndex(ix.slice(1), ix.slice(1), { multiEntry: true });
            else store.createIndex(ix, ix);
          }
        }
      };
      const db = await req(open);
      const tx = db.transaction(Object.keys(data), 'readwrite');
      for (const [name, rows] of Object.entries(data)) for (const row of rows) tx.objectStore(name).put(row);
      await new Promise<void>((ok, ko) => { tx.oncomplete = () => ok(); tx.onerror = () => ko(tx.error); });
      const counts: Record<string, number> = {};
      const read = db.transaction(Object.keys(data));
      for (const name of Object.keys(data)) counts[name] = await req(read.objectStore(name).count());
      const version = db.version;
      db.close();
      return { counts, version };
    }, { stores: V1_STORES, data: V1_DATA });
    expect(written.version).toBe(10);
    expect(written.counts).toEqual(Object.fromEntries(Object.entries(V1_DATA).map(([k, v]) => [k, v.length])));
    await first.close();

    // Run 2: the current build starts on that profile.
    const context = await chromium.launchPersistentContext(profileDir, opts);
    await use(context);
    await context.close();
  },
});

test('a version-1 database is read whole and correct by the current build: API, options list, panel', async ({ page, linkedin, openExtensionPage }) => {
  expect(SCHEMA_VERSIONS[0]!.stores, 'version 1 of the schema was edited; add a new version instead').toEqual(V1_STORES);

  const ext = await openExtensionPage('popup.html');
  // Through the API, as the panel asks.
  const maya = await api<{ view: { contact: Record<string, unknown>; notes: Array<{ text: string }>; interactions: Array<{ id: number }>; reminders: Array<{ title: string }> } }>(
    ext, 'contact.getForPage', { slug: 'maya-lindqvist-example' });
  expect(maya.view.contact).toEqual(UPGRADED.contacts![0]);
  expect(maya.view.notes.map((n) => n.text)).toEqual(['Second note: prefers email over LinkedIn messages.', 'Offered to review my portfolio in April. Loves Nordic typography.']);
  expect(maya.view.interactions.map((i) => i.id)).toEqual([2, 1]);
  expect(maya.view.reminders.map((r) => r.title)).toEqual(['Send Maya the research deck']);
  const tomas = await api<{ contact: Record<string, unknown> }>(ext, 'contact.get', { id: 2 });
  expect(tomas.contact).toEqual(UPGRADED.contacts![1]);
  expect((await api<Array<{ name: string }>>(ext, 'contact.search', { query: 'tomás', limit: 5 })).map((c) => c.name)).toEqual(['Tomás Ferreira-Ødegaard']);
  const settings = await api<Record<string, unknown>>(ext, 'settings.get', {});
  expect(settings).toEqual(UPGRADED.settings![0]!.value);
  expect(await api(ext, 'event.list', {})).toEqual(UPGRADED.events);
  const group = await api<{ view: { group: unknown; notes: Array<{ text: string }> } }>(ext, 'group.getForPage', { groupId: '9990001' });
  expect(group.view.group).toEqual(UPGRADED.groups![0]);
  expect(group.view.notes.map((n) => n.text)).toEqual(['AMA every first Tuesday']);

  // Every record of every table, exactly (the export reads them all; it only stamps lastBackupAt).
  const exported = await api<{ text: string }>(ext, 'backup.export', {});
  const tables = (JSON.parse(exported.text) as { tables: Record<string, Array<Record<string, unknown>>> }).tables;
  for (const [name, rows] of Object.entries(UPGRADED)) {
    if (name === 'settings') expect(tables.settings![0]!.value).toMatchObject({ ...(rows[0]!.value as object), lastBackupAt: expect.any(Number) });
    else {
      const ids = new Set(rows.map((r) => r.id));
      expect(tables[name]!.filter((r) => ids.has(r.id)), `table ${name}`).toEqual(rows);
      // The only record the new build may add by itself: today's share-expertise prompt (made by the
      // worker's start-up refresh, which waits until the API calls above pause: there or not yet).
      const added = tables[name]!.filter((r) => !ids.has(r.id)).map((r) => r.kind);
      expect(added, `new rows in ${name}`).toEqual(name === 'reminders' && added.length ? ['share-expertise'] : []);
    }
  }

  // The options page lists the three people.
  const options = await openExtensionPage('options.html#contacts');
  await expect(options.getByTestId('contact-count')).toHaveText(/\b3 contacts\b/);
  await expect(options.getByTestId('contact-row')).toHaveCount(3);
  await expect(options.getByTestId('contact-row').filter({ hasText: 'Tomás Ferreira-Ødegaard' })).toContainText('Invented Analytics');

  // The panel on Maya's profile shows what version 1 stored.
  linkedin.serveFile('/in/maya-lindqvist-example', 'pages/profile-2022-maya.html');
  await page.goto('https://www.linkedin.com/in/maya-lindqvist-example/');
  const panel = page.getByTestId('rapport-panel');
  await expect(panel.getByTestId('network-status')).toContainText('Saved in Rapport');
  await expect(panel.getByTestId('note-item')).toHaveCount(2);
  await expect(panel.getByTestId('note-item').last()).toContainText('Offered to review my portfolio in April');
  await expect(panel).toContainText('At Invented Design Systems Meetup');
  await expect(panel.getByTestId('commitment-item')).toContainText('Send Maya the research deck');
  await expect(panel.getByRole('button', { name: '+ Custom' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Mentor', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: '/tmp/gaps-upgrade-panel.png' });
});
