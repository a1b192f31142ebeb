/**
 * The toolbar popup in real Chromium: goal progress from activities seeded through the app's own
 * API, Done / Snooze on reminders, the toolbar badge (same count as the list, kept current by the
 * background after writes and on its alarm), live "Recently added", first run, axe, screenshots.
 * All people and events here are invented.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import { api, expect, test } from './fixtures';

const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];

function isoDay(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function badge(sw: Worker): Promise<string> {
  return sw.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));
}

async function seed(page: Page) {
  await api(page, 'settings.update', {
    shareExpertise: { enabled: true, weekdays: ALL_DAYS, prompts: ['Post a lesson you learned this week.', 'Offer an hour to a mentee.'] },
  });
  await api(page, 'goal.acceptStarters', {}); // 5 connections / week, share twice a week, 1 event / month
  // Earlier weeks (never this week or the last: at least 14 days ago), for the chart and streaks.
  for (const d of [-14, -28, -35, -49, -63]) await api(page, 'activity.quickLog', { what: 'expertise-shared', date: isoDay(d) });
  await api(page, 'activity.quickLog', { what: 'group-joined', name: 'Invented Data Leaders Circle', date: isoDay(-20) });
  for (const d of [-40, -70]) await api(page, 'activity.quickLog', { what: 'event', name: 'Invented Meetup', eventKind: 'meetup', date: isoDay(d) });
  // Today.
  await api(page, 'activity.quickLog', { what: 'expertise-shared', note: 'Answered a question about data contracts' });
  await api(page, 'activity.quickLog', { what: 'event', name: 'Invented Analytics Meetup', eventKind: 'meetup' });

  const save = async (slug: string, name: string, headline: string, relationships: string[]) =>
    (await api<{ contact: { id: number } }>(page, 'contact.save', { slug, name, headline, source: 'manual', relationships })).contact.id;
  // Two people you know well, whose keep-in-touch date has come.
  const ada = await save('ada-inventedson', 'Ada Inventedson', 'Staff Data Engineer at Examplary', ['mentor']);
  await api(page, 'contact.update', { id: ada, patch: { status: 'connected', connectedOn: '2023-05-10' } });
  await api(page, 'interaction.log', { contactId: ada, kind: 'call', date: isoDay(-41) });
  await api(page, 'contact.update', { id: ada, patch: { nextFollowUp: isoDay(-11) } });
  const ben = await save('ben-madeup', 'Ben Madeup', 'Product Analyst', ['peer']);
  await api(page, 'contact.update', { id: ben, patch: { status: 'connected', connectedOn: '2022-09-01' } });
  await api(page, 'interaction.log', { contactId: ben, kind: 'message', date: isoDay(-92) });
  await api(page, 'contact.update', { id: ben, patch: { nextFollowUp: isoDay(-2) } });
  await api(page, 'reminder.addCommitment', { contactId: ben, title: 'Send Ben the survey template', due: isoDay(0) });
  // Two new connections this week.
  for (const [slug, name, headline] of [['cleo-fictional', 'Cleo Fictional', 'UX Researcher'], ['dev-placeholder', 'Dev Placeholder', 'Engineering Manager']] as const) {
    const id = await save(slug, name, headline, []);
    await api(page, 'contact.update', { id, patch: { status: 'connected' } });
  }
}

const goalText = (page: Page, metric: string) => page.locator(`[data-testid="goal-item"][data-metric="${metric}"]`);

test('goals count seeded activities; Done, Snooze and the alarm keep the list and the badge in step', async ({ openExtensionPage, serviceWorker }) => {
  const page = await openExtensionPage('popup.html');
  await page.setViewportSize({ width: 380, height: 900 });
  await seed(page);
  await page.reload();

  await expect(page.getByTestId('goal-item')).toHaveCount(3);
  await expect(goalText(page, 'new-connection')).toContainText('2 / 5');
  await expect(goalText(page, 'expertise-shared')).toContainText('1 / 2');
  await expect(goalText(page, 'event-attended')).toContainText('1 / 1');
  await expect(goalText(page, 'event-attended')).toContainText('Goal met');

  // Two people whose follow-up date has come (most overdue first), a commitment and today's
  // share-expertise prompt; the badge shows the same number.
  const items = page.getByTestId('reminder-item');
  await expect(items).toHaveCount(4);
  await expect(items.nth(0)).toContainText('Ada Inventedson');
  await expect(items.nth(0)).toContainText('11 days overdue');
  await expect(items.nth(0)).toContainText('Mentor, 41 days since you last talked');
  await expect(items.nth(1)).toContainText('Ben Madeup');
  await expect(items.nth(2)).toContainText('Send Ben the survey template');
  await expect(page.locator('[data-testid="reminder-item"][data-kind="share-expertise"]')).toContainText('Post a lesson you learned this week.');
  await expect.poll(() => badge(serviceWorker)).toBe('4');
  await page.screenshot({ path: '/tmp/popup-data.png', fullPage: true });
  await page.setViewportSize({ width: 380, height: 600 }); // Chrome's popup size limit
  await page.screenshot({ path: '/tmp/popup-600.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: '/tmp/popup-dark.png' });
  const axeDark = await new AxeBuilder({ page }).analyze();
  expect(axeDark.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
  await items.nth(0).getByRole('button', { name: 'Snooze Ada Inventedson' }).click();
  await page.screenshot({ path: '/tmp/popup-snooze.png' });
  await items.nth(0).getByRole('button', { name: 'Cancel snooze' }).click();
  await page.setViewportSize({ width: 380, height: 900 });

  // Done on the share-expertise prompt: the goal moves at once, the item leaves, the badge drops.
  const share = page.locator('[data-testid="reminder-item"][data-kind="share-expertise"]');
  await share.getByRole('button', { name: 'Done' }).click();
  await expect(goalText(page, 'expertise-shared')).toContainText('2 / 2');
  await expect(items).toHaveCount(3);
  await expect.poll(() => badge(serviceWorker)).toBe('3');

  await page.screenshot({ path: '/tmp/popup-undo.png' });
  // Undo (offered for a few seconds): the prompt is back as it was, the goal moves back, the badge too.
  await page.getByTestId('popup-status').getByRole('button', { name: 'Undo' }).click();
  await expect(goalText(page, 'expertise-shared')).toContainText('1 / 2');
  await expect(items).toHaveCount(4);
  await expect(share).toContainText('Post a lesson you learned this week.');
  await expect(page.getByLabel('4 due')).toBeVisible();
  await expect.poll(() => badge(serviceWorker)).toBe('4');
  // Done again counts again.
  await share.getByRole('button', { name: 'Done' }).click();
  await expect(goalText(page, 'expertise-shared')).toContainText('2 / 2');
  await expect(items).toHaveCount(3);
  await expect(page.getByLabel('3 due')).toBeVisible();
  await expect.poll(() => badge(serviceWorker)).toBe('3');

  // A person's follow-up: Done logs a message and she leaves the list; Undo brings her back, as overdue as before.
  const ada = items.filter({ hasText: 'Ada Inventedson' });
  await ada.getByRole('button', { name: 'Done' }).click();
  await expect(items).toHaveCount(2);
  await expect.poll(() => badge(serviceWorker)).toBe('2');
  await page.getByTestId('popup-status').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('popup-status')).toContainText('Ada Inventedson is back in your list');
  await expect(items).toHaveCount(3);
  await expect(ada).toContainText('11 days overdue');
  await expect(ada).toContainText('41 days since you last talked');
  await expect.poll(() => badge(serviceWorker)).toBe('3');

  // Snooze a follow-up to next week: it leaves the list and the badge count drops.
  await ada.getByRole('button', { name: 'Snooze Ada Inventedson' }).click();
  await page.getByRole('button', { name: 'Next week' }).click();
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: 'Ada Inventedson' })).toHaveCount(0);
  await expect.poll(() => badge(serviceWorker)).toBe('2');

  // The reminder alarm recomputes the badge (as after the worker slept or the browser restarted).
  await serviceWorker.evaluate(() => (globalThis as any).chrome.action.setBadgeText({ text: '' }));
  expect(await badge(serviceWorker)).toBe('');
  await serviceWorker.evaluate(() => (globalThis as any).chrome.alarms.create('rapport-refresh', { when: Date.now() }));
  await expect.poll(() => badge(serviceWorker)).toBe('2');
  // …and the periodic alarm is back afterwards.
  await expect.poll(() => serviceWorker.evaluate(async () => (await (globalThis as any).chrome.alarms.get('rapport-refresh'))?.periodInMinutes ?? null)).toBe(30);

  // Done on a person logs a message (nothing is sent on LinkedIn); Done on the commitment closes it.
  await items.first().getByRole('button', { name: 'Done' }).click();
  await expect(items).toHaveCount(1);
  await items.first().getByRole('button', { name: 'Done' }).click();
  await expect(items).toHaveCount(0);
  await expect(page.getByText('You are all caught up.')).toBeVisible();
  await expect.poll(() => badge(serviceWorker)).toBe('');

  const axe = await new AxeBuilder({ page }).analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

type Kept = { screen: { due: { entries: { type: string; reminder?: { kind: string } }[] }; goals: { goal: { metric: string }; progress: { done: number } }[] } } | undefined;
const keptScreen = (page: Page): Promise<Kept> =>
  page.evaluate(async () => (await (globalThis as any).chrome.storage.session.get('popupFirstScreen')).popupFirstScreen);

test('the popup draws from the first screen the background keeps ready, which a write removes before it lands', async ({ openExtensionPage }) => {
  const setup = await openExtensionPage('popup.html');
  await seed(setup);
  // Once writes pause, the background keeps the first screen in session storage (memory only).
  await expect.poll(async () => (await keptScreen(setup))?.screen.due.entries.length ?? -1).toBe(4);

  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('goal-item')).toHaveCount(3);
  await expect(popup.getByTestId('reminder-item')).toHaveCount(4);
  await expect(popup.locator('#root')).toHaveAttribute('data-first', 'kept');
  await expect(goalText(popup, 'expertise-shared')).toContainText('1 / 2');

  // Done on the share prompt: by the time the page hears back, the kept screen is gone (or already
  // new): a popup opened now can never draw the prompt that was just done.
  await popup.locator('[data-testid="reminder-item"][data-kind="share-expertise"]').getByRole('button', { name: 'Done' }).click();
  await expect(goalText(popup, 'expertise-shared')).toContainText('2 / 2');
  const right = (k: Kept) => !k || !k.screen.due.entries.some((e) => e.reminder?.kind === 'share-expertise');
  expect(right(await keptScreen(popup))).toBe(true);
  const next = await openExtensionPage('popup.html');
  await expect(next.getByTestId('reminder-item')).toHaveCount(3);
  await expect(goalText(next, 'expertise-shared')).toContainText('2 / 2');
  // And it is kept again, new.
  await expect.poll(async () => (await keptScreen(popup))?.screen.goals.find((g) => g.goal.metric === 'expertise-shared')?.progress.done ?? -1).toBe(2);
  const last = await openExtensionPage('popup.html');
  await expect(last.getByTestId('reminder-item')).toHaveCount(3);
  await expect(last.locator('#root')).toHaveAttribute('data-first', 'kept');
});

test('first run offers starter goals; the empty popup says what to do next; recently added updates live', async ({ openExtensionPage }) => {
  const popup = await openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 380, height: 700 });
  // Today may be a share-expertise day (Tue/Thu by default): turn it off to see the empty list.
  await api(popup, 'settings.update', { shareExpertise: { enabled: false, weekdays: [2, 4], prompts: ['Offer an hour to a mentee.'] } });
  await expect(popup.getByTestId('starter-goals')).toBeVisible();
  await expect(popup.getByTestId('starter-goals')).toContainText('new connections a week');
  await expect(popup.getByText(/Save people from their LinkedIn profile/)).toBeVisible();
  await expect(popup.getByText(/No one saved yet/)).toBeVisible();
  await popup.screenshot({ path: '/tmp/popup-empty.png', fullPage: true });

  for (const scheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme: scheme });
    const axe = await new AxeBuilder({ page: popup }).analyze();
    const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await popup.emulateMedia({ colorScheme: 'light' });

  // Change a starter target, untick one, accept: exactly those goals appear.
  const offer = popup.getByTestId('starter-goals');
  await offer.getByRole('spinbutton', { name: /Target for new connections/ }).fill('3');
  await offer.getByRole('checkbox', { name: /event attended/ }).uncheck();
  await offer.getByRole('button', { name: 'Set these goals' }).click();
  await expect(popup.getByTestId('goal-item')).toHaveCount(2);
  await expect(popup.getByTestId('goal-item').first()).toContainText('0 / 3');

  // Edit a goal in place: the new target shows at once.
  await popup.getByRole('button', { name: 'Edit goal: New connections' }).click();
  await popup.screenshot({ path: '/tmp/popup-edit.png' });
  await popup.getByRole('form', { name: 'Edit goal: New connections' }).getByLabel('Target').fill('4');
  await popup.getByRole('button', { name: 'Save' }).click();
  await expect(popup.getByTestId('goal-item').first()).toContainText('0 / 4');

  // A contact saved elsewhere (another extension page) shows up without reloading the popup.
  const other = await openExtensionPage('popup.html');
  await api(other, 'contact.save', { slug: 'cleo-fictional', name: 'Cleo Fictional', headline: 'UX Researcher', source: 'manual' });
  await other.close();
  await expect(popup.getByTestId('recent-contact')).toHaveCount(1);
  await expect(popup.getByTestId('recent-contact').first()).toContainText('Cleo Fictional');

  // Quick log from the popup, with the keyboard: the event goal is not set, the chart appears.
  await popup.getByRole('button', { name: 'Attended an event' }).focus();
  await popup.keyboard.press('Enter');
  await popup.getByLabel('Event name').fill('Invented Design Systems Meetup');
  await popup.screenshot({ path: '/tmp/popup-quicklog.png' });
  await popup.keyboard.press('Enter');
  await expect(popup.getByTestId('popup-status')).toContainText('Logged');
  await expect(popup.getByTestId('activity-chart')).toBeVisible();
  await popup.screenshot({ path: '/tmp/popup-after-log.png', fullPage: true });
});
