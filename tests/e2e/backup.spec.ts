/**
 * Backup & export section with invented data: reminder when no backup was made, download, a
 * foreign file refused with a plain message (nothing changes), merge restore, CSV export, axe.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { CURRENT_SCHEMA_VERSION } from '../../lib/db/db';
import { api, expect, test } from './fixtures';

test('backup section: reminder, download, foreign file refused, merge restore, CSV export', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html#backup');
  const ada = await api<{ contact: { id: number } }>(page, 'contact.save', { slug: 'ada-example', name: 'Ada Example', company: 'Analytical Engines Ltd', tags: ['ai'] });
  await api(page, 'note.add', { targetType: 'contact', targetId: ada.contact.id, text: 'Invented: met at Example Conf' });
  await api(page, 'contact.save', { slug: 'pat-obrien-example', name: "Pat O'Brien", company: '=Spreadsheet Injection Ltd' });

  await expect(page.getByTestId('backup-reminder')).toContainText('You have not made a backup yet');
  const results = await new AxeBuilder({ page }).include('[data-testid="backup-section"]').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: '/tmp/backup-section.png', fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-download').click()]);
  const path = (await download.path())!;
  const backup = JSON.parse(readFileSync(path, 'utf8'));
  expect(backup).toMatchObject({ format: 'rapport-backup', schemaVersion: CURRENT_SCHEMA_VERSION });
  expect(backup.tables.contacts).toHaveLength(2);
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
  await expect(page.getByTestId('backup-message')).toContainText('2 contacts, 1 note');

  // A foreign JSON file: a plain message, nothing changes.
  await page.getByTestId('restore-input').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"other-app","items":[]}') });
  await expect(page.getByTestId('restore-error')).toContainText('This file is not a Rapport backup: its format is "other-app"');
  await expect(page.getByTestId('contact-count')).toHaveText('2 contacts');

  // Merge the backup into a changed database: the deleted note comes back, nothing is duplicated.
  await api(page, 'data.deleteEverything', { confirm: 'DELETE' });
  await api(page, 'contact.save', { slug: 'ada-example', name: 'Ada Example' });
  await page.getByTestId('restore-input').setInputFiles(path);
  await expect(page.getByTestId('restore-preview')).toBeVisible();
  await page.screenshot({ path: '/tmp/backup-restore-preview.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await new AxeBuilder({ page }).include('[data-testid="backup-section"]').analyze();
  expect(dark.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: '/tmp/backup-restore-preview-dark.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('restore-summary')).toContainText('Merged');
  await expect(page.getByTestId('contact-count')).toHaveText('2 contacts');
  const again = JSON.parse((await api<{ text: string }>(page, 'backup.export', {})).text);
  expect(again.tables.notes.map((n: { text: string }) => n.text)).toEqual(['Invented: met at Example Conf']);

  // Replace needs the word typed.
  await page.getByRole('button', { name: 'Restore another file' }).click();
  await page.getByTestId('restore-input').setInputFiles(path);
  await page.getByTestId('restore-mode-replace').check();
  await expect(page.getByTestId('restore-confirm')).toBeDisabled();
  await page.getByTestId('restore-replace-confirm').fill('REPLACE');
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('restore-summary')).toContainText('Restored');

  // CSV export: a real download, with formula escaping.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const csvText = readFileSync((await csv.path())!, 'utf8');
  expect(csvText).toContain("'=Spreadsheet Injection Ltd");
  expect(csvText).toContain('Invented: met at Example Conf');
  const [vcf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-vcard').click()]);
  expect(readFileSync((await vcf.path())!, 'utf8')).toContain('FN:Ada Example');
});
