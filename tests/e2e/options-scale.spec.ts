/**
 * The contact list at LinkedIn's cap of 30,000 connections: the count, search and the virtualised
 * list still work (rows rendered stay a small window). Timings are printed for information only;
 * speed itself is measured by the benchmark suite.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const N = 30_000;

/** Test seeding only: writes invented contacts straight into the extension's IndexedDB. */
async function seedMany(page: Page, n: number) {
  await page.evaluate(async (n) => {
    const first = ['Ada', 'Bram', 'Celia', 'Dov', 'Esme', 'Farid', 'Gwen', 'Hugo', 'Inès', 'Jun'];
    const last = ['Quill', 'Vale', 'March', 'Lind', 'Taunt', 'Nass', 'Adeb', 'Lund', 'Kowal', 'Park'];
    const companies = ['Lumen Freight', 'Harbor & Pike', 'Tallyho Bank', 'Brightloom', 'Quartzline'];
    const db: IDBDatabase = await new Promise((res, rej) => {
      const r = indexedDB.open('rapport');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const tx = db.transaction('contacts', 'readwrite');
    const store = tx.objectStore('contacts');
    for (let i = 0; i < n; i++) {
      const name = `${first[i % 10]} ${last[Math.floor(i / 10) % 10]}-${i}`;
      store.add({
        slug: `seed-${i}`, profileUrl: null, name, nameLower: name.toLowerCase(), headline: `Engineer number ${i}`,
        location: null, company: companies[i % 5], position: null, email: null, photoUrl: null, degree: null,
        status: 'connected', connectedOn: null, relationships: i % 7 === 0 ? ['mentor'] : [], tags: i % 100 === 0 ? ['hundred'] : [],
        howWeMet: null, cadenceDays: null, lastInteraction: null, nextFollowUp: null, followUpManual: false, source: 'csv',
        userFields: [], createdAt: i, updatedAt: i,
      });
    }
    await new Promise((res, rej) => { tx.oncomplete = res; tx.onerror = () => rej(tx.error); });
    db.close();
  }, n);
}

test('30,000 contacts: count, search as you type and a windowed list', async ({ openExtensionPage }) => {
  test.setTimeout(120_000);
  const page = await openExtensionPage('options.html#privacy'); // let Dexie create the database first
  await expect(page.getByTestId('contact-count')).toContainText('0 contacts');
  await page.close();
  const seeder = await openExtensionPage('popup.html');
  await seedMany(seeder, N);
  const t0 = Date.now();
  const opts = await openExtensionPage('options.html#contacts');
  await expect(opts.getByTestId('contact-row').first()).toBeVisible({ timeout: 60_000 });
  console.log(`[options-scale] first rows shown after ${Date.now() - t0} ms`);
  // The user scrolls the first rows for a second while the rest loads: the load waits meanwhile
  // (lib/manage/scroll-pacer) and still finishes.
  await opts.getByTestId('contact-scroll').evaluate(async (el) => {
    for (let i = 0; i < 20; i++) { el.scrollTop += 120; await new Promise((r) => setTimeout(r, 50)); }
  });
  await expect(opts.getByTestId('contacts-shown')).toContainText(`${N} in your network`, { timeout: 60_000 });
  console.log(`[options-scale] all ${N} loaded after ${Date.now() - t0} ms`);
  await expect(opts.getByTestId('contact-count')).toContainText(`${N} contacts`);
  expect(await opts.getByTestId('contact-row').count()).toBeLessThan(60);

  const search = opts.getByTestId('contact-search');
  await search.click();
  const t1 = Date.now();
  await opts.keyboard.type('-2999', { delay: 0 });
  await expect(opts.getByTestId('contacts-shown')).toContainText(`11 of ${N} shown`); // -2999 and -29990…29999
  console.log(`[options-scale] typed 5 characters and filtered in ${Date.now() - t1} ms`);
  const perKey = await opts.evaluate(async () => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="contact-search"]')!;
    const times: number[] = [];
    const setter0 = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter0.call(input, '');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 300));
    for (const ch of 'engi') {
      const s = performance.now();
      input.dispatchEvent(new KeyboardEvent('keydown', { key: ch }));
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(input, input.value + ch);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      times.push(performance.now() - s);
      await new Promise((r) => setTimeout(r, 50));
    }
    return times;
  });
  console.log(`[options-scale] keystroke to next frame (ms): ${perKey.map((t) => t.toFixed(1)).join(', ')}`);
  await search.fill('hundred');
  await expect(opts.getByTestId('contacts-shown')).toContainText(`300 of ${N} shown`);
  await opts.getByTestId('contact-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(opts.getByTestId('contact-row').last()).toBeVisible();
});
