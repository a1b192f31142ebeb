/**
 * The panel's other flows on invented pages: a group page, the job-change prompt, a change made
 * from an extension page reaching an open panel, a page the extractor can't read, relationships
 * and tags, collapse/side memory, and axe-core on the panel in light and dark.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { api, expect, test } from './fixtures';
import { linkedInTabId, spaNavigate } from './panel-helpers';

const MAYA = '/in/maya-lindqvist-example';

async function openMaya(page: Page, linkedin: { serveFile(p: string, f: string): void }) {
  linkedin.serveFile(MAYA, 'pages/profile-2022-maya.html');
  await page.goto(`https://www.linkedin.com${MAYA}/`);
  const panel = page.getByTestId('rapport-panel');
  await expect(panel.getByTestId('profile-name')).toHaveText('Maya Lindqvist');
  return panel;
}

test('group page: save, membership, participation, notes, people met there', async ({ page, linkedin, openExtensionPage }) => {
  linkedin.serveFile('/groups/9990001', 'pages/group-2024.html');
  await page.goto('https://www.linkedin.com/groups/9990001/');
  const panel = page.getByTestId('rapport-panel');
  await expect(panel.getByTestId('group-name')).toHaveText('Example Product Designers Circle');
  await expect(panel).toContainText('12,345 members');
  await panel.getByTestId('save-group').click();
  await expect(panel).toContainText('Saved · Not a member');

  await panel.getByRole('radio', { name: 'Member' }).click();
  await expect(panel.getByRole('radio', { name: 'Member' })).toHaveAttribute('aria-checked', 'true');
  await expect(panel).toContainText('Saved · Member since');

  await panel.getByLabel('Participation note (optional)').fill('How to run a design critique');
  await panel.getByRole('button', { name: 'Answered a question' }).click();
  await expect(panel.getByTestId('contribution-item')).toContainText('Answered a question: How to run a design critique');

  await panel.getByTestId('note-input').fill('Monthly AMA on the first Tuesday');
  await panel.getByTestId('add-note').click();
  await expect(panel.getByTestId('note-item')).toHaveText(/Monthly AMA on the first Tuesday/);

  // What goals count: one group-joined, one group-contribution.
  const ext = await openExtensionPage('popup.html');
  const kinds = await ext.evaluate(async () => {
    const open = indexedDB.open('rapport');
    const db: IDBDatabase = await new Promise((r, j) => { open.onsuccess = () => r(open.result); open.onerror = () => j(open.error); });
    const all: Array<{ kind: string }> = await new Promise((r) => { const q = db.transaction('activities').objectStore('activities').getAll(); q.onsuccess = () => r(q.result); });
    return all.map((a) => a.kind).sort();
  });
  expect(kinds).toEqual(['group-contribution', 'group-joined']);

  // A contact met through this group shows up on the group page.
  const group = await api<{ view: { group: { id: number } } }>(ext, 'group.getForPage', { groupId: '9990001' });
  const ada = await api<{ contact: { id: number } }>(ext, 'contact.save', { slug: 'ada-example', name: 'Ada Example', headline: 'Invented designer' });
  await api(ext, 'contact.update', { id: ada.contact.id, patch: { howWeMet: { kind: 'group', groupId: group.view.group.id } } });
  await expect(panel.getByRole('link', { name: 'Ada Example' })).toBeVisible();

  // Reload: everything is still there.
  await page.reload();
  await expect(panel.getByTestId('note-item')).toHaveCount(1);
  await expect(panel.getByTestId('contribution-item')).toHaveCount(1);
  await expect(panel.getByRole('radio', { name: 'Member' })).toHaveAttribute('aria-checked', 'true');
});

test('job change: the panel says what changed and updates with one click', async ({ page, linkedin, openExtensionPage }) => {
  const ext = await openExtensionPage('popup.html');
  await api(ext, 'contact.save', {
    slug: 'maya-lindqvist-example', name: 'Maya Lindqvist', headline: 'Senior Designer at Fabrikam', company: 'Fabrikam',
  });
  const panel = await openMaya(page, linkedin);
  const prompt = panel.getByTestId('job-change');
  await expect(prompt).toContainText('was: Senior Designer at Fabrikam · Fabrikam');
  await expect(prompt).toContainText('Head of Product Design at Northwind Labs');
  await prompt.getByTestId('job-change-update').click();
  await expect(prompt).toHaveCount(0);
  const saved = await api<{ view: { contact: { headline: string; company: string; userFields: string[] } } }>(ext, 'contact.getForPage', { slug: 'maya-lindqvist-example' });
  expect(saved.view.contact).toMatchObject({ headline: 'Head of Product Design at Northwind Labs · Mentoring designers', company: 'Northwind Labs', userFields: [] });
});

test('a change made on an extension page appears in the open panel', async ({ page, linkedin, openExtensionPage }) => {
  const panel = await openMaya(page, linkedin);
  await panel.getByTestId('save-contact').click();
  await expect(panel.getByTestId('note-input')).toBeVisible();
  const ext = await openExtensionPage('options.html');
  const { view } = await api<{ view: { contact: { id: number } } }>(ext, 'contact.getForPage', { slug: 'maya-lindqvist-example' });
  await api(ext, 'note.add', { targetType: 'contact', targetId: view.contact.id, text: 'Added from the options page' });
  await api(ext, 'interaction.log', { contactId: view.contact.id, kind: 'mentorship', note: 'Portfolio review' });
  await expect(panel.getByTestId('note-item')).toContainText('Added from the options page');
  await expect(panel.getByTestId('interaction-item')).toContainText('Mentorship session');
});

test('relationships, custom label, tags with autocomplete, how we met, commitment', async ({ page, linkedin, openExtensionPage }) => {
  const ext = await openExtensionPage('popup.html');
  const other = await api<{ contact: { id: number } }>(ext, 'contact.save', { slug: 'bo-example', name: 'Bo Example', tags: ['design-systems'] });
  expect(other.contact.id).toBeGreaterThan(0);
  const panel = await openMaya(page, linkedin);
  await panel.getByTestId('save-contact').click();

  await panel.getByRole('button', { name: 'Mentor', exact: true }).click();
  await expect(panel.getByRole('button', { name: 'Mentor', exact: true })).toHaveAttribute('aria-pressed', 'true');
  // The mentor cadence (30 days by default) now implies a follow-up.
  await expect(panel.getByLabel('Next follow-up')).not.toHaveValue('');

  await panel.getByRole('button', { name: '+ Custom' }).click();
  await panel.getByLabel('Custom relationship').fill('Alumni');
  await panel.getByLabel('Custom relationship').press('Enter');
  await expect(panel.getByRole('button', { name: 'Alumni' })).toHaveAttribute('aria-pressed', 'true');

  const tags = panel.getByLabel('Tags');
  await tags.fill('design-systems');
  await tags.press('Enter');
  await expect(panel.getByRole('button', { name: 'Remove tag design-systems' })).toBeVisible();
  expect(await panel.locator('datalist option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).not.toContain('design-systems');

  await panel.getByRole('button', { name: 'Change how you met' }).click();
  await panel.getByLabel('Kind').selectOption('introduction');
  await panel.getByLabel('Who introduced you').fill('Bo');
  await panel.getByRole('button', { name: /^Bo Example/ }).click();
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel).toContainText('Introduced by Bo Example');

  await panel.getByLabel('What you promised').fill('Send Maya the research deck');
  await panel.getByRole('button', { name: 'Add commitment' }).click();
  await expect(panel.locator('.r-reminder')).toContainText('Send Maya the research deck');

  // Another extension page: the custom label is stored for reuse.
  const settings = await api<{ customRelationships: string[] }>(ext, 'settings.get', {});
  expect(settings.customRelationships).toEqual(['Alumni']);
});

test('a page the extractor cannot read: the panel says so and the user types the name', async ({ page, linkedin, context }) => {
  linkedin.serveFile('/in/ghost-example', 'pages/profile-blank.html');
  await page.goto('https://www.linkedin.com/in/ghost-example/');
  const panel = page.getByTestId('rapport-panel');
  await expect(panel).toContainText('could not read the name');
  await expect(panel.getByTestId('save-contact')).toBeDisabled();
  await panel.getByLabel('Their name').fill('Grace Ghost');
  await panel.getByTestId('save-contact').click();
  await expect(panel.getByTestId('network-status')).toContainText('Saved in Rapport');
  await expect(panel.getByTestId('profile-name')).toHaveText('Grace Ghost');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.linkedin.com' });
  await panel.getByRole('button', { name: 'Copy diagnostics' }).click();
  await expect(panel).toContainText('Copied (no personal data).');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('missing:');
  expect(copied).not.toContain('ghost-example');
});

test('a page that does not show who it is: the panel comes at once with what is stored, not after the whole wait', async ({ page, linkedin, openExtensionPage }) => {
  const ext = await openExtensionPage('popup.html');
  const saved = await api<{ contact: { id: number } }>(ext, 'contact.save', { slug: 'grace-stored-example', name: 'Grace Stored' });
  await api(ext, 'note.add', { targetType: 'contact', targetId: saved.contact.id, text: 'Met at the design meetup' });
  linkedin.serveFile('/in/grace-stored-example', 'pages/profile-blank.html');
  linkedin.serveFile('/in/nobody-stored-example', 'pages/profile-blank.html');

  // A saved person: their stored name and notes, while the page is still being waited for (the
  // "could not read" notice only comes once the wait for the page is over).
  await page.goto('https://www.linkedin.com/in/grace-stored-example/');
  const panel = page.getByTestId('rapport-panel');
  await expect(panel.getByTestId('profile-name')).toHaveText('Grace Stored');
  await expect(panel.getByTestId('note-item')).toContainText('Met at the design meetup');
  await expect(panel).not.toContainText('could not read');
  await expect(panel).toContainText('could not read the name');
  await expect(panel.getByTestId('profile-name')).toHaveText('Grace Stored');

  // Someone not saved: "Reading the page…" first, with no form asking for the name yet; then the form.
  await page.goto('https://www.linkedin.com/in/nobody-stored-example/');
  await expect(panel.getByTestId('page-reading')).toHaveText('Waiting for LinkedIn to show who this is…');
  await expect(panel).toContainText('Reading the page…'); // where the name will be
  await expect(panel.getByTestId('save-contact')).toHaveCount(0);
  await expect(panel).toContainText('could not read the name');
  await expect(panel.getByTestId('page-reading')).toHaveCount(0);
  await expect(panel.getByTestId('save-contact')).toBeDisabled();
});

test('collapse to a tab and back, side and state remembered across reloads, keyboard only', async ({ page, linkedin }) => {
  const panel = await openMaya(page, linkedin);
  await panel.getByRole('button', { name: 'Move the panel to the left' }).click();
  await expect(page.locator('.r-panel.r-left')).toBeVisible();
  await panel.getByRole('button', { name: 'Collapse the Rapport panel' }).focus();
  await page.keyboard.press('Enter');
  const tab = page.getByRole('button', { name: 'Open the Rapport panel' });
  await expect(tab).toBeFocused();
  const box = (await tab.boundingBox())!;
  expect(box.x).toBeLessThan(5); // at the left edge
  expect(box.width).toBeLessThan(40);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Open the Rapport panel' })).toBeVisible();
  await page.getByRole('button', { name: 'Open the Rapport panel' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('profile-name')).toHaveText('Maya Lindqvist');
  await expect(page.locator('.r-panel.r-left')).toBeVisible();
});

test('the toggle-panel command (BG_TOGGLE_PANEL) collapses and reopens the panel', async ({ page, linkedin, serviceWorker }) => {
  await openMaya(page, linkedin);
  const tabId = await linkedInTabId(serviceWorker);
  const toggle = () => serviceWorker.evaluate(async (id) => {
    await (globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } } }).chrome.tabs.sendMessage(id, { type: 'rapport:bg-toggle-panel' });
  }, tabId);
  await toggle();
  await expect(page.getByRole('button', { name: 'Open the Rapport panel' })).toBeFocused();
  await expect(page.getByTestId('profile-name')).toHaveCount(0);
  await toggle();
  await expect(page.getByTestId('profile-name')).toHaveText('Maya Lindqvist');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe-core: no serious or critical violation in the panel (${scheme})`, async ({ page, linkedin }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const panel = await openMaya(page, linkedin);
    await panel.getByTestId('save-contact').click();
    await panel.getByTestId('note-input').fill('A note');
    await panel.getByTestId('add-note').click();
    await panel.getByRole('button', { name: 'Message', exact: true }).click();
    await expect(panel.getByTestId('interaction-item')).toHaveCount(1);
    const results = await new AxeBuilder({ page }).include('#rapport-panel-host').analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
    expect(bad).toEqual([]);
    // The group panel too.
    linkedin.serveFile('/groups/9990001', 'pages/group-2024.html');
    await spaNavigate(page, '/groups/9990001/', 'pages/group-2024.html');
    await page.getByTestId('save-group').click();
    await expect(page.getByRole('radio', { name: 'Member' })).toBeVisible();
    const g = await new AxeBuilder({ page }).include('#rapport-panel-host').analyze();
    expect(g.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
}

test('a slug-less imported contact with the same name is offered for linking, not duplicated', async ({ page, linkedin, openExtensionPage }) => {
  const ext = await openExtensionPage('popup.html');
  const imported = await api<{ contact: { id: number } }>(ext, 'contact.save', { slug: null, name: 'Maya Lindqvist', company: 'Northwind Labs', source: 'manual' });
  await api(ext, 'note.add', { targetType: 'contact', targetId: imported.contact.id, text: 'From the CSV days' });
  const panel = await openMaya(page, linkedin);
  await expect(panel).toContainText('This looks like Maya Lindqvist from your imported connections');
  await panel.getByTestId('link-contact').click();
  await expect(panel.getByTestId('network-status')).toContainText('Saved in Rapport');
  await expect(panel.getByTestId('note-item')).toContainText('From the CSV days');
  const again = await api<{ view: { contact: { id: number } } }>(ext, 'contact.getForPage', { slug: 'maya-lindqvist-example' });
  expect(again.view.contact.id).toBe(imported.contact.id);
});

test('panel: a commitment is marked done there; "met at an event" records a new event and counts it once', async ({ page, linkedin, openExtensionPage }) => {
  const panel = await openMaya(page, linkedin);
  await panel.getByTestId('save-contact').click();
  await expect(panel.getByTestId('note-input')).toBeVisible();

  // A commitment made in the panel is closed in the panel.
  await panel.getByLabel('What you promised').fill('Send Maya the research deck');
  await panel.getByRole('button', { name: 'Add commitment' }).click();
  await expect(panel.getByTestId('commitment-item')).toContainText('Send Maya the research deck');
  await panel.getByRole('button', { name: 'Mark done: Send Maya the research deck' }).click();
  await expect(panel.getByTestId('commitment-item')).toHaveCount(0);
  const ext = await openExtensionPage('popup.html');
  const { view } = await api<{ view: { contact: { id: number }; reminders: Array<{ state: string }> } }>(ext, 'contact.getForPage', { slug: 'maya-lindqvist-example' });
  expect(view.reminders, 'no open commitment left').toEqual([]);
  expect((await readStore<{ kind: string; state: string }>(ext, 'reminders')).filter((r) => r.kind === 'commitment').map((r) => r.state)).toEqual(['done']);

  // Met at an event that isn't recorded yet: create it right there, then log the meeting.
  await panel.getByRole('button', { name: 'Met at event' }).click();
  const step = panel.getByTestId('met-at-event');
  await step.getByRole('button', { name: 'New event…' }).click();
  await step.getByLabel('Event name').fill('Invented Design Leadership Summit');
  await step.getByLabel('Event kind').selectOption('conference');
  await step.getByRole('button', { name: 'Create event' }).click();
  await expect(step.getByLabel('Event where you met')).toHaveValue(/^[1-9]\d*$/);
  await page.screenshot({ path: '/tmp/gaps-met-at-event.png' });
  await step.getByRole('button', { name: 'Log meeting' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Logged: Met at an event at Invented Design Leadership Summit' })).toBeVisible();
  await expect(panel.getByTestId('interaction-item').first()).toContainText('Met at an event');

  // How we met: the same event is offered (and a second one can be created from there too).
  await panel.getByRole('button', { name: 'Change how you met' }).click();
  await panel.getByLabel('Kind', { exact: true }).selectOption('event');
  const summit = await panel.locator('option', { hasText: 'Invented Design Leadership Summit' }).first().getAttribute('value');
  await panel.getByLabel('Event', { exact: true }).selectOption(summit!);
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel).toContainText('At Invented Design Leadership Summit');

  // Logging another meeting at the same event does not count the event twice.
  await panel.getByRole('button', { name: 'Met at event' }).click();
  await step.getByLabel('Event where you met').selectOption(summit!);
  await step.getByRole('button', { name: 'Log meeting' }).click();
  await expect(panel.getByTestId('interaction-item')).toHaveCount(2);
  const kinds = (await readStore<{ kind: string }>(ext, 'activities')).map((a) => a.kind);
  expect(kinds.filter((k) => k === 'event-attended')).toHaveLength(1);
  const events = await api<Array<{ name: string; kind: string }>>(ext, 'event.list', {});
  expect(events).toEqual([expect.objectContaining({ name: 'Invented Design Leadership Summit', kind: 'conference' })]);

  const axe = await new AxeBuilder({ page }).include('#rapport-panel-host').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

/** Every record of one table, read from an extension page (the way the popup reads Dexie). */
async function readStore<T>(ext: Page, store: string): Promise<T[]> {
  return ext.evaluate(async (name) => {
    const open = indexedDB.open('rapport');
    const db: IDBDatabase = await new Promise((r, j) => { open.onsuccess = () => r(open.result); open.onerror = () => j(open.error); });
    const all: unknown[] = await new Promise((r) => { const q = db.transaction(name).objectStore(name).getAll(); q.onsuccess = () => r(q.result); });
    db.close();
    return all as never;
  }, store);
}
