/**
 * Importing Connections.csv in the options page (real Chromium): file input → preview → confirm →
 * summary; re-import changes nothing; the contact count; then back up, delete everything, restore
 * from the downloaded file and find every note again. Real exports come from ../shared/fixtures
 * (skipped with a printed reason when absent); the invented CSV runs everywhere.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LOCAL_FIXTURES, SHARED_FIXTURES, api, expect, requireSharedFixtures, test } from './fixtures';
import { parseConnectionsCsv } from '../../lib/import/connections-csv';
import { planImport } from '../../lib/import/apply';
import { INVENTED_HIDDEN, INVENTED_PEOPLE, inventedConnectionsCsv } from '../fixtures/backup/invented-connections';

async function chooseCsv(page: Page, name: string, text: string) {
  await page.getByTestId('import-connections-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

async function expectNoSeriousA11yViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).include('[data-testid="import-section"], [data-testid="backup-section"]').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

function stat(page: Page, scope: string, label: string) {
  return page.getByTestId(scope).locator('.imp-stat', { has: page.locator('.imp-stat-label', { hasText: new RegExp(`^${label}$`) }) }).locator('.imp-stat-value');
}

test('invented Connections.csv: preview, import, summary, re-import changes nothing', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html#import');
  await expect(page.getByTestId('import-connections-input')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'import start');
  await page.screenshot({ path: '/tmp/import-start.png' });
  const csv = inventedConnectionsCsv();
  await chooseCsv(page, 'Connections.csv', csv);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(stat(page, 'import-preview', 'new contacts')).toHaveText(String(INVENTED_PEOPLE));
  await expect(stat(page, 'import-preview', 'skipped')).toHaveText(String(INVENTED_HIDDEN));
  await expectNoSeriousA11yViolations(page, 'import preview');
  await page.screenshot({ path: '/tmp/import-preview.png' });
  // Nothing is written before the user confirms.
  await expect(page.getByTestId('contact-count')).toHaveText('0 contacts');

  await page.getByTestId('import-confirm').click();
  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText(`Imported ${INVENTED_PEOPLE} new, 0 updated, 0 unchanged, ${INVENTED_HIDDEN} skipped`);
  await expect(page.getByTestId('contact-count')).toHaveText(`${INVENTED_PEOPLE} contacts`);
  await expectNoSeriousA11yViolations(page, 'import summary');
  await page.screenshot({ path: '/tmp/import-summary.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yViolations(page, 'import summary (dark)');
  await page.screenshot({ path: '/tmp/import-summary-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });

  // The same file again: nothing changes.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await chooseCsv(page, 'Connections.csv', csv);
  await expect(stat(page, 'import-preview', 'unchanged')).toHaveText(String(INVENTED_PEOPLE));
  await page.getByTestId('import-confirm').click();
  await expect(summary).toContainText(`Imported 0 new, 0 updated, ${INVENTED_PEOPLE} unchanged, ${INVENTED_HIDDEN} skipped`);
  await expect(page.getByTestId('contact-count')).toHaveText(`${INVENTED_PEOPLE} contacts`);

  // A newer export where three people changed jobs: 'updated', and the user's typed company is kept.
  const people = await api<{ id: number; slug: string | null }[]>(page, 'contact.search', { query: 'ada', limit: 5 });
  const ada = people[0]!;
  await api(page, 'contact.update', { id: ada.id, patch: { company: 'My own spelling' } });
  await page.getByRole('button', { name: 'Import another file' }).click();
  await chooseCsv(page, 'Connections.csv', inventedConnectionsCsv({ companyOverride: (i) => (i < 3 ? 'New Employer Ltd' : null) }));
  await expect(stat(page, 'import-preview', 'updated')).toHaveText('2');
  await page.getByTestId('import-confirm').click();
  await expect(summary).toContainText('Imported 0 new, 2 updated');
  const view = await api<{ contact: { company: string } }>(page, 'contact.get', { id: ada.id });
  expect(view.contact.company).toBe('My own spelling');
});

test('a file that is not Connections.csv gets a clear message and writes nothing', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html#import');
  await chooseCsv(page, 'invented-messages-export.csv', readFileSync(resolve(LOCAL_FIXTURES, 'csv/invented-messages-export.csv'), 'utf8'));
  await expect(page.getByTestId('import-error')).toContainText("doesn't look like LinkedIn's Connections.csv");
  await expect(page.getByTestId('import-confirm')).toHaveCount(0);
  await chooseCsv(page, 'empty.csv', '');
  await expect(page.getByTestId('import-error')).toContainText('empty');
  await expect(page.getByTestId('contact-count')).toHaveText('0 contacts');
});

test('an import left running by a dead worker is shown as interrupted', async ({ openExtensionPage, serviceWorker }) => {
  const page = await openExtensionPage('options.html#contacts');
  const run = await api<{ id: number }>(page, 'import.start', { fileName: 'Connections.csv', total: 3000 });
  const rows = parseConnectionsCsv(inventedConnectionsCsv()).rows.slice(0, 10);
  await api(page, 'import.batch', { runId: run.id, rows });
  // Stop the service worker (as Chrome does when it is idle or crashes); the run stays 'running'.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  void serviceWorker;
  await page.goto(page.url().replace('#contacts', '#import'));
  await expect(page.getByTestId('import-interrupted')).toContainText('interrupted');
  await expect(page.getByTestId('import-interrupted')).toContainText('run the import again to finish; nothing is duplicated');
  // Running the whole file again finishes it without duplicates.
  await chooseCsv(page, 'Connections.csv', inventedConnectionsCsv());
  await expect(stat(page, 'import-preview', 'unchanged')).toHaveText('10');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-summary')).toContainText(`Imported ${INVENTED_PEOPLE - 10} new, 0 updated, 10 unchanged`);
  await expect(page.getByTestId('contact-count')).toHaveText(`${INVENTED_PEOPLE} contacts`);
});

/** An invented export of `n` people with URLs (nobody real). */
function bigCsv(n: number): string {
  const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < n; i++) lines.push(`Person${i},Invented${i % 89},https://www.linkedin.com/in/invented-big-${i}-x,,Example Co ${i % 40},Engineer,0${(i % 9) + 1} Feb 2024`);
  return lines.join('\n') + '\n';
}

test('a big file: progress is shown, "Stop import" stops after whole batches, running it again finishes it', async ({ openExtensionPage }) => {
  test.setTimeout(180_000);
  const TOTAL = 20_000;
  const page = await openExtensionPage('options.html#import');
  const csv = bigCsv(TOTAL);
  await chooseCsv(page, 'Connections.csv', csv);
  await expect(stat(page, 'import-preview', 'new contacts')).toHaveText(/^20[,.\u202f\u00a0]?000$/, { timeout: 30_000 });
  // "Stop import" is pressed the moment the progress bar shows (by the page itself: a click from the
  // test can land after a fast machine has written all 20k rows), and what the bar showed is kept.
  await page.evaluate(() => {
    const w = window as unknown as { __progressSeen?: { max: string | null; visible: boolean } };
    const stop = new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="import-progress"]');
      const cancel = document.querySelector<HTMLButtonElement>('[data-testid="import-cancel"]');
      if (!bar || !cancel) return;
      stop.disconnect();
      w.__progressSeen = { max: bar.getAttribute('max'), visible: (bar as HTMLElement).offsetParent !== null };
      cancel.click();
    });
    stop.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.getByTestId('import-confirm').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __progressSeen?: unknown }).__progressSeen ?? null))
    .toEqual({ max: String(TOTAL), visible: true });
  const summary = page.getByTestId('import-summary');
  await expect(summary).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Import stopped')).toBeVisible();
  await expect(summary).toContainText('You stopped the import; run it again to finish');
  // Only the batches already on their way were written, each whole (2 000 rows per batch).
  const digits = (t: string | null) => Number((t ?? '').replace(/\D/g, ''));
  const written = digits(((await summary.textContent()) ?? '').match(/Imported ([\d,.\u202f\u00a0]+) new/)![1]!);
  expect(written % 2000, `${written} contacts: whole batches only`).toBe(0);
  expect(written).toBeLessThan(TOTAL);
  await expect.poll(async () => digits(await page.getByTestId('contact-count').textContent())).toBe(written);

  // The same file again: what was written is unchanged, the rest is new, nobody twice.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await chooseCsv(page, 'Connections.csv', csv);
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 30_000 });
  expect(digits(await stat(page, 'import-preview', 'unchanged').textContent())).toBe(written);
  expect(digits(await stat(page, 'import-preview', 'new contacts').textContent())).toBe(TOTAL - written);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByText('Import finished')).toBeVisible({ timeout: 120_000 });
  await expect(summary).toContainText(`, 0 updated, `);
  expect(digits(((await summary.textContent()) ?? '').match(/([\d,.\u202f\u00a0]+) unchanged/)![1]!)).toBe(written);
  await expect.poll(async () => digits(await page.getByTestId('contact-count').textContent())).toBe(TOTAL);
});

test.describe('real LinkedIn exports', () => {
  test.beforeEach(() => requireSharedFixtures());

  test('import a real Connections.csv, re-import, back up, delete everything, restore, find every note', async ({ openExtensionPage }) => {
    const file = 'csv/banana0000-linkedin-analysis-2025-01/Connections.csv';
    const text = readFileSync(resolve(SHARED_FIXTURES, file), 'utf8');
    const parsed = parseConnectionsCsv(text);
    const expected = planImport(parsed.rows, [], { skipped: parsed.skipped }).counts;
    expect(expected.new).toBeGreaterThan(100);

    const page = await openExtensionPage('options.html#import');
    await chooseCsv(page, 'Connections.csv', text);
    await expect(stat(page, 'import-preview', 'new contacts')).toHaveText(expected.new.toLocaleString('en-US'));
    await page.getByTestId('import-confirm').click();
    const summary = page.getByTestId('import-summary');
    await expect(summary).toContainText(`Imported ${expected.new} new, 0 updated, 0 unchanged, ${expected.skipped} skipped`, { timeout: 30_000 });
    await expect(page.getByTestId('contact-count')).toHaveText(`${expected.new} contacts`);

    await page.getByRole('button', { name: 'Import another file' }).click();
    await chooseCsv(page, 'Connections.csv', text);
    await page.getByTestId('import-confirm').click();
    await expect(summary).toContainText(`Imported 0 new, 0 updated, ${expected.new} unchanged`, { timeout: 30_000 });
    await expect(page.getByTestId('contact-count')).toHaveText(`${expected.new} contacts`);

    // A user-edited re-save of an older export of the same network (no notes preamble) merges too.
    const edited = readFileSync(resolve(SHARED_FIXTURES, 'csv/banana0000-linkedin-analysis-2025-01/Connections.user-edited-no-notes.csv'), 'utf8');
    await page.getByRole('button', { name: 'Import another file' }).click();
    await chooseCsv(page, 'Connections.csv', edited);
    await page.getByTestId('import-confirm').click();
    await expect(summary).toBeVisible({ timeout: 30_000 });
    const afterEdited = await api<{ contacts: number }>(page, 'backup.export', {}).then((r: any) => r.counts.contacts as number);

    // Notes on a few imported people.
    const someone = await api<{ id: number; name: string }[]>(page, 'contact.search', { query: parsed.rows[0]!.firstName, limit: 3 });
    const notes: string[] = [];
    for (const [i, c] of someone.entries()) {
      const t = `Invented note ${i}: follow up about the mentoring programme, "quotes", commas; and =formulas`;
      await api(page, 'note.add', { targetType: 'contact', targetId: c.id, text: t });
      notes.push(t);
    }

    // Back up (a real download), delete everything in Data & privacy, restore from the file.
    await page.goto(page.url().replace(/#.*$/, '#backup'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-download').click()]);
    const backupPath = await download.path();
    expect(download.suggestedFilename()).toMatch(/^rapport-backup-\d{4}-\d{2}-\d{2}\.json$/);
    await expect(page.getByTestId('last-backup')).toContainText('Last backup');

    await page.goto(page.url().replace(/#.*$/, '#privacy'));
    await page.getByTestId('delete-confirm-input').fill('DELETE');
    await page.getByTestId('delete-everything-button').click();
    await expect(page.getByTestId('contact-count')).toHaveText('0 contacts');

    await page.goto(page.url().replace(/#.*$/, '#backup'));
    await page.getByTestId('restore-input').setInputFiles(backupPath!);
    await expect(page.getByTestId('restore-preview')).toBeVisible();
    await page.getByTestId('restore-confirm').click();
    await expect(page.getByTestId('restore-summary')).toContainText(`${afterEdited.toLocaleString('en-US')} contacts`);
    await expect(page.getByTestId('contact-count')).toHaveText(`${afterEdited} contacts`);
    const restored = JSON.parse((await api<{ text: string }>(page, 'backup.export', {})).text);
    const texts = restored.tables.notes.map((n: { text: string }) => n.text).sort();
    expect(texts).toEqual([...notes].sort());
  });

  for (const file of ['csv/abhishekwebcode-export-2018-11/Connections.csv', 'csv/sajiah-mylinkedindata-2022-09/Connections.user-edited-excel.csv']) {
    test(`real export without URLs (${file.split('/')[1]}): import, then re-import changes nothing`, async ({ openExtensionPage }) => {
      const text = readFileSync(resolve(SHARED_FIXTURES, file), 'utf8');
      const parsed = parseConnectionsCsv(text);
      const expected = planImport(parsed.rows, [], { skipped: parsed.skipped }).counts;
      const page = await openExtensionPage('options.html#import');
      await chooseCsv(page, 'Connections.csv', text);
      await page.getByTestId('import-confirm').click();
      await expect(page.getByTestId('import-summary')).toContainText(`Imported ${expected.new} new, 0 updated, 0 unchanged, ${expected.skipped} skipped`);
      await page.getByRole('button', { name: 'Import another file' }).click();
      await chooseCsv(page, 'Connections.csv', text);
      await page.getByTestId('import-confirm').click();
      await expect(page.getByTestId('import-summary')).toContainText(`Imported 0 new, 0 updated, ${expected.new} unchanged`);
      await expect(page.getByTestId('contact-count')).toHaveText(`${expected.new} contacts`);
    });
  }
});
