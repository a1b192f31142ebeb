/**
 * The options page in real Chromium: sections and deep links, the contact list (search, filters,
 * edit, bulk tag, delete + undo), duplicates merge, delete everything, axe-core on every section,
 * and screenshots of each section with invented people.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { resolve } from 'node:path';
import { ROOT, api, expect, test } from './fixtures';
import { PEOPLE } from '../fixtures/options/people';

interface ContactView { contact: { id: number; name: string; slug: string | null } }

function isoDaysFromToday(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Saves the invented people through the data API; returns their ids by slug. */
async function seedPeople(page: Page): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const [i, p] of PEOPLE.entries()) {
    const v = await api<ContactView>(page, 'contact.save', {
      slug: p.slug, name: p.name, headline: p.headline, company: p.company, position: p.position ?? null,
      relationships: p.relationships ?? [], tags: p.tags ?? [], status: p.status ?? 'none',
    });
    ids.set(p.slug!, v.contact.id);
    if (i % 3 === 0) await api(page, 'interaction.log', { contactId: v.contact.id, kind: 'message', date: isoDaysFromToday(-20 - i) });
  }
  // Two people are overdue for a follow-up; one is due later.
  await api(page, 'contact.update', { id: ids.get('bram-okonkwo-vale'), patch: { nextFollowUp: isoDaysFromToday(-3) } });
  await api(page, 'contact.update', { id: ids.get('celia-marchetti'), patch: { nextFollowUp: isoDaysFromToday(-10) } });
  await api(page, 'contact.update', { id: ids.get('esme-taunton'), patch: { nextFollowUp: isoDaysFromToday(12) } });
  return ids;
}

async function expectNoSeriousA11yViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}

async function openOptions(openExtensionPage: (p: string) => Promise<Page>, hash = ''): Promise<Page> {
  const page = await openExtensionPage(`options.html${hash}`);
  await expect(page.getByTestId('options-root')).toBeVisible();
  return page;
}

test('contact list: count, search as you type, filters, sort and deep links', async ({ openExtensionPage }) => {
  const page = await openOptions(openExtensionPage, '#contacts');
  await seedPeople(page);
  await expect(page.getByTestId('contact-count')).toContainText(`${PEOPLE.length} contacts`);
  const rows = page.getByTestId('contact-row');
  await expect(rows).toHaveCount(PEOPLE.length);

  // Search over name, headline, company and tags.
  const search = page.getByTestId('contact-search');
  await search.fill('lumen');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Ada Quillfeather' })).toHaveCount(1);
  await search.fill('webassembly');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Esme Taunton');
  await search.fill('kafka');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Ada Quillfeather');
  await search.fill('zzz-nobody');
  await expect(page.getByText('No contact matches these filters.')).toBeVisible();
  await search.fill('');

  await page.getByTestId('filter-relationship').selectOption('mentee');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Farid Nasseri');
  await page.getByTestId('filter-relationship').selectOption('');
  await page.getByTestId('filter-tag').selectOption('leadership');
  await expect(rows).toHaveCount(2);
  await page.getByTestId('filter-tag').selectOption('');
  await page.getByTestId('filter-status').selectOption('invited');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Dov Lindqvist');
  await page.getByTestId('filter-status').selectOption('all');
  await page.getByTestId('filter-overdue').check();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Bram Okonkwo-Vale');
  await expect(rows.nth(1)).toContainText('Celia Marchetti');
  // Sorted by next follow-up, the most overdue comes first.
  await page.getByTestId('sort').selectOption('nextFollowUp');
  await expect(rows.nth(0)).toContainText('Celia Marchetti');
  await page.getByTestId('filter-overdue').uncheck();
  await page.getByTestId('sort').selectOption('name');
  await expect(rows.nth(0)).toContainText('Ada Quillfeather');

  // Each nav entry deep-links by hash.
  for (const id of ['welcome', 'goals', 'groups', 'duplicates', 'import', 'backup', 'privacy', 'contacts']) {
    await page.getByTestId(`nav-${id}`).click();
    await expect(page).toHaveURL(new RegExp(`#${id}$`));
    await expect(page.getByTestId(`nav-${id}`)).toHaveAttribute('aria-current', 'page');
  }
});

test('a name longer than its column ends in an ellipsis, the whole name on hover', async ({ openExtensionPage }) => {
  const page = await openOptions(openExtensionPage, '#contacts');
  const name = 'Abigail Quillfeather-Montgomery - ACCA (UK), CPA (Canada), Certified Data Steward';
  await api(page, 'contact.save', { slug: 'abigail-long-name', name, headline: null, company: 'Lumen Labs', position: null, relationships: [], tags: [], status: 'none' });
  const open = page.getByTestId('contact-open').filter({ hasText: 'Abigail' });
  await expect(open).toHaveAttribute('title', name);
  const shown = await open.evaluate((el) => ({ cut: el.scrollWidth > el.clientWidth, overflow: getComputedStyle(el).textOverflow, right: el.getBoundingClientRect().right }));
  expect(shown.cut).toBe(true);
  expect(shown.overflow).toBe('ellipsis');
  // It stays inside its column: the company beside it is not overlapped.
  const company = await page.getByTestId('contact-row').filter({ hasText: 'Abigail' }).getByText('Lumen Labs').evaluate((el) => el.getBoundingClientRect().left);
  expect(shown.right).toBeLessThanOrEqual(company);
});

test('edit a contact in the options page: the list shows the change', async ({ openExtensionPage }) => {
  const page = await openOptions(openExtensionPage, '#contacts');
  await seedPeople(page);
  await page.getByTestId('contact-row').filter({ hasText: 'Dov Lindqvist' }).getByTestId('contact-open').click();
  const drawer = page.getByTestId('contact-drawer');
  await expect(drawer).toBeVisible();
  await drawer.getByTestId('detail-company').fill('Meridian Search');
  await drawer.getByTestId('detail-headline').fill('Head of Talent, Data & ML');
  await drawer.getByTestId('detail-save').click();
  await expect(drawer.getByText('Saved', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  const row = page.getByTestId('contact-row').filter({ hasText: 'Dov Lindqvist' });
  await expect(row).toContainText('Meridian Search');
  await expect(row).toContainText('Head of Talent, Data & ML');
  await page.getByTestId('contact-search').fill('meridian');
  await expect(page.getByTestId('contact-row')).toHaveCount(1);
});

test('new contact from the contacts section: saved with its LinkedIn profile; the same profile twice is refused', async ({ openExtensionPage }) => {
  const page = await openOptions(openExtensionPage, '#contacts');
  await seedPeople(page);
  await page.getByTestId('new-contact-button').click();
  const form = page.getByTestId('new-contact-form');
  await expect(form).toBeVisible();
  await expect(form.getByTestId('new-contact-save')).toBeDisabled(); // a name is required
  await form.getByTestId('new-contact-name').fill('Kit Marlowe');
  await form.getByTestId('new-contact-url').fill('linkedin.com/company/marlowe');
  await expect(form.getByTestId('new-contact-slug')).toContainText('not a LinkedIn profile address');
  await form.getByTestId('new-contact-url').fill('https://www.linkedin.com/in/Kit-Marlowe/');
  await expect(form.getByTestId('new-contact-slug')).toContainText('linkedin.com/in/kit-marlowe');
  await form.getByTestId('new-contact-headline').fill('Playwright and stage manager');
  await form.getByTestId('new-contact-company').fill('Rose Theatre');
  await form.getByLabel('Mentor', { exact: true }).check();
  await form.getByTestId('new-contact-tags').fill('theatre, poetry');
  await expectNoSeriousA11yViolations(page, 'new contact form');
  await page.screenshot({ path: '/tmp/options-new-contact.png' });
  await form.getByTestId('new-contact-save').click();
  await expect(page.getByTestId('toast')).toContainText('Added Kit Marlowe.');
  await expect(form).toBeHidden();
  await expect(page.getByTestId('contact-count')).toContainText(`${PEOPLE.length + 1} contacts`);
  await page.getByTestId('contact-search').fill('rose theatre');
  const rows = page.getByTestId('contact-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Kit Marlowe');
  await expect(rows.first()).toContainText('Mentor');
  await expect(rows.first()).toContainText('poetry');

  // The same LinkedIn profile again: a clear message, nothing saved.
  await page.getByTestId('new-contact-button').click();
  await form.getByTestId('new-contact-name').fill('Ada Q.');
  await form.getByTestId('new-contact-url').fill('linkedin.com/in/ada-quillfeather');
  await form.getByTestId('new-contact-save').click();
  await expect(form.getByRole('alert')).toContainText('Ada Quillfeather is already in your contacts');
  await expect(page.getByTestId('contact-count')).toContainText(`${PEOPLE.length + 1} contacts`);
});

test('rename a group in the groups list', async ({ openExtensionPage }) => {
  const page = await openOptions(openExtensionPage, '#groups');
  const g = await api<{ group: { id: number } }>(page, 'group.save', { groupId: '99001', name: 'Streaming Data Practitioners', memberCount: 48210 });
  const row = page.getByTestId('group-row');
  await expect(row).toHaveCount(1);
  await row.getByTestId('group-rename').click();
  await row.getByTestId('group-rename-input').fill('Streaming Data (Berlin chapter)');
  await expectNoSeriousA11yViolations(page, 'group rename');
  await page.screenshot({ path: '/tmp/options-group-rename.png' });
  await row.getByTestId('group-rename-save').click();
  await expect(row.getByTestId('group-row-name')).toHaveText('Streaming Data (Berlin chapter)');
  await expect(page.getByTestId('toast')).toContainText('Renamed');
  const view = await api<{ group: { name: string } }>(page, 'group.get', { id: g.group.id });
  expect(view.group.name).toBe('Streaming Data (Berlin chapter)');
});

test('bulk tag, then bulk delete and undo restores contacts with their notes and interactions', async ({ openExtensionPage }) => {
  const page = await openOptions(openExtensionPage, '#contacts');
  const ids = await seedPeople(page);
  const ada = ids.get('ada-quillfeather')!;
  await api(page, 'note.add', { targetType: 'contact', targetId: ada, text: 'Offered to review my streaming design.' });
  await api(page, 'interaction.log', { contactId: ada, kind: 'call', date: isoDaysFromToday(-2), note: 'Coffee chat' });

  const rows = page.getByTestId('contact-row');
  await page.getByTestId('contact-search').fill('lumen');
  await expect(rows).toHaveCount(2);
  await page.getByTestId('select-all').check();
  await expect(page.getByTestId('bulk-bar')).toContainText('2 selected');
  await page.getByTestId('bulk-tag-input').fill('dataconf-2026');
  await page.getByTestId('bulk-tag-add').click();
  await expect(page.getByTestId('toast')).toContainText('Tagged 2 contacts');
  await page.getByTestId('contact-search').fill('dataconf-2026');
  await expect(rows).toHaveCount(2);

  await page.getByTestId('bulk-delete').click();
  await expect(page.getByTestId('toast')).toContainText('Deleted 2 contacts');
  await expect(page.getByTestId('contact-count')).toContainText(`${PEOPLE.length - 2} contacts`);
  await expect(rows).toHaveCount(0);
  expect(await api(page, 'contact.get', { id: ada })).toBeNull();

  await page.getByTestId('toast-action').click();
  await expect(page.getByTestId('contact-count')).toContainText(`${PEOPLE.length} contacts`);
  await expect(rows).toHaveCount(2);
  const back = await api<{ contact: { tags: string[] }; notes: { text: string }[]; interactions: { kind: string; note: string | null }[] }>(page, 'contact.get', { id: ada });
  expect(back.contact.tags).toContain('dataconf-2026');
  expect(back.notes.map((n) => n.text)).toEqual(['Offered to review my streaming design.']);
  expect(back.interactions.map((i) => i.note)).toContain('Coffee chat');
});

test('duplicates: a CSV-style record without a slug merges into the saved profile', async ({ openExtensionPage }) => {
  const page = await openOptions(openExtensionPage, '#duplicates');
  const ids = await seedPeople(page);
  // An old import: same person, no profile link, with a note and a tag of its own.
  const old = await api<ContactView>(page, 'contact.save', { slug: null, name: 'Esme Taunton', company: 'Brightloom', headline: null, source: 'manual', tags: ['alumni'] });
  await api(page, 'note.add', { targetType: 'contact', targetId: old.contact.id, text: 'Met at RustFest, talked about WASI.' });
  const group = page.getByTestId('duplicate-group');
  await expect(group).toHaveCount(1);
  await expect(group).toContainText('Esme Taunton');
  await group.getByTestId('merge').click();
  await expect(page.getByTestId('toast')).toContainText('Merged 2 records');
  await expect(group).toHaveCount(0);
  await expect(page.getByTestId('contact-count')).toContainText(`${PEOPLE.length} contacts`);
  const merged = await api<{ contact: { slug: string; tags: string[] }; notes: { text: string }[] }>(page, 'contact.get', { id: ids.get('esme-taunton') });
  expect(merged.contact.slug).toBe('esme-taunton');
  expect(merged.contact.tags).toEqual(expect.arrayContaining(['rust', 'meetup-berlin', 'alumni']));
  expect(merged.notes.map((n) => n.text)).toContain('Met at RustFest, talked about WASI.');
});

test('delete everything needs DELETE typed, then empties Rapport', async ({ openExtensionPage }) => {
  const page = await openOptions(openExtensionPage, '#privacy');
  await seedPeople(page);
  await expect(page.getByTestId('contact-count')).toContainText(`${PEOPLE.length} contacts`);
  const button = page.getByTestId('delete-everything-button');
  await expect(button).toBeDisabled();
  await page.getByTestId('delete-confirm-input').fill('delete');
  await expect(button).toBeDisabled();
  await page.getByTestId('delete-confirm-input').fill('DELETE');
  await button.click();
  await expect(page.getByTestId('toast')).toContainText('Everything was deleted');
  await expect(page.getByTestId('contact-count')).toContainText('0 contacts');
  await expect(page.getByTestId('storage-used')).not.toContainText('Measuring');
});

test('welcome: placement choice is saved and persistent storage is reported', async ({ openExtensionPage }) => {
  const page = await openOptions(openExtensionPage, '#welcome');
  await expect(page.getByTestId('welcome-card')).toBeVisible();
  await expect(page.getByText('LinkedIn’s terms frown on extensions that insert elements into its pages')).toBeVisible();
  await page.getByTestId('placement-sidepanel').click();
  await expect(page.getByTestId('placement-sidepanel')).toHaveAttribute('aria-pressed', 'true');
  const settings = await api<{ panelPlacement: string; placementChosen: boolean }>(page, 'settings.get', {});
  expect(settings).toMatchObject({ panelPlacement: 'sidepanel', placementChosen: true });
  await expect(page.getByTestId('persist-status')).not.toContainText('Checking');
});

test('every section: no serious accessibility violations, and screenshots', async ({ openExtensionPage }) => {
  test.setTimeout(180_000); // axe-core runs a dozen times
  const page = await openOptions(openExtensionPage, '#welcome');
  const ids = await seedPeople(page);
  // Data for the other sections.
  await api(page, 'goal.create', { metric: 'new-connection', target: 5, period: 'week' });
  await api(page, 'goal.create', { metric: 'event-attended', target: 1, period: 'month' });
  const ev = await api<{ id: number }>(page, 'manage.saveEvent', { name: 'DataConf Nordics 2026', kind: 'conference', date: isoDaysFromToday(-20), place: 'Malmö' });
  await api(page, 'manage.saveEvent', { name: 'Rust Berlin meetup', kind: 'meetup', date: isoDaysFromToday(-50), place: 'Berlin' });
  await api(page, 'contact.update', { id: ids.get('jun-park-ellery'), patch: { howWeMet: { kind: 'event', eventId: ev.id } } });
  await api(page, 'contact.update', { id: ids.get('ada-quillfeather'), patch: { howWeMet: { kind: 'event', eventId: ev.id } } });
  await api(page, 'group.save', { groupId: '99001', name: 'Streaming Data Practitioners', memberCount: 48210, membership: 'member', tags: ['data'] });
  await api(page, 'group.save', { groupId: '99002', name: 'Women in Platform Engineering', memberCount: 12877 });

  // The contacts screenshot for the docs, with two people selected.
  await page.getByTestId('nav-contacts').click();
  await expect(page.getByTestId('contact-row')).toHaveCount(PEOPLE.length);
  await page.getByTestId('contact-row').filter({ hasText: 'Ada Quillfeather' }).getByRole('checkbox').check();
  await page.getByTestId('contact-row').filter({ hasText: 'Farid Nasseri' }).getByRole('checkbox').check();
  await expectNoSeriousA11yViolations(page, 'contacts with selection');
  await page.screenshot({ path: resolve(ROOT, 'docs/options-contacts.png') });
  await page.getByRole('button', { name: 'Clear selection' }).click();

  // An old import of Farid without a profile link: a duplicate to merge.
  await api(page, 'contact.save', { slug: null, name: 'Farid Nasseri', company: 'Lumen Freight', headline: null, source: 'manual' });

  for (const id of ['welcome', 'goals', 'contacts', 'groups', 'duplicates', 'import', 'backup', 'privacy']) {
    await page.getByTestId(`nav-${id}`).click();
    await expect(page.getByTestId(`nav-${id}`)).toHaveAttribute('aria-current', 'page');
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, id);
    await page.screenshot({ path: `/tmp/options-${id}.png` });
  }
  await page.getByTestId('nav-contacts').click();
  await expect(page.getByTestId('contact-row')).toHaveCount(PEOPLE.length + 1);
  await page.getByTestId('contact-row').filter({ hasText: 'Ada Quillfeather' }).getByTestId('contact-open').click();
  await expect(page.getByTestId('contact-drawer')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'contact drawer');
  await page.screenshot({ path: '/tmp/options-drawer.png' });

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.keyboard.press('Escape');
  await expectNoSeriousA11yViolations(page, 'contacts (dark)');
  await page.screenshot({ path: '/tmp/options-contacts-dark.png' });
  await page.getByTestId('nav-goals').click();
  await expectNoSeriousA11yViolations(page, 'goals (dark)');
  await page.screenshot({ path: '/tmp/options-goals-dark.png' });
});

test('a change made in the options page shows in an open profile panel within a second', async ({ page, linkedin, openExtensionPage }) => {
  linkedin.serveFile('/in/maya-lindqvist-example', 'pages/profile-2022-maya.html');
  await page.goto('https://www.linkedin.com/in/maya-lindqvist-example/');
  const panel = page.getByTestId('rapport-panel');
  await expect(panel.getByTestId('profile-name')).toHaveText('Maya Lindqvist');
  await panel.getByTestId('save-contact').click();
  await expect(panel.getByTestId('note-input')).toBeVisible();

  const options = await openOptions(openExtensionPage, '#contacts');
  const row = options.getByTestId('contact-row').filter({ hasText: 'Maya Lindqvist' });
  await row.getByRole('checkbox').check();
  await options.getByTestId('bulk-tag-input').fill('design-leaders');
  await options.getByTestId('bulk-tag-add').click();
  await expect(panel).toContainText('design-leaders', { timeout: 1_000 });

  await row.getByTestId('contact-open').click();
  const drawer = options.getByTestId('contact-drawer');
  await drawer.getByTestId('note-input').fill('Ask about her design-ops talk');
  await drawer.getByTestId('add-note').click();
  await expect(drawer.getByTestId('note-item')).toContainText('Ask about her design-ops talk');
  await expect(panel.getByTestId('note-item')).toContainText('Ask about her design-ops talk', { timeout: 1_000 });
});
