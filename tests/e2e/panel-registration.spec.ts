/**
 * The in-page panel on a full page load comes from the content script the background registers
 * while the panel lives in the page (lib/background/pages.ts): it must show exactly once — also
 * when the background is asked to inject it as well, after switching the placement to the side
 * panel (the page then stays untouched) and back, and after a navigation inside LinkedIn's SPA.
 */
import type { Page, Worker } from '@playwright/test';
import { api, expect, test } from './fixtures';
import { spaNavigate } from './panel-helpers';

type Chrome = { chrome: { scripting: {
  getRegisteredContentScripts(f?: { ids?: string[] }): Promise<Array<{ id: string; js?: string[]; matches?: string[]; runAt?: string }>>;
  registerContentScripts(s: object[]): Promise<void>;
} } };

const registered = (sw: Worker) => sw.evaluate(async () =>
  (await (globalThis as unknown as Chrome).chrome.scripting.getRegisteredContentScripts({ ids: ['rapport-panel'] })).map(({ id, js, matches, runAt }) => ({ id, js, matches: [...(matches ?? [])].sort(), runAt })));

/** Counts every insertion of the panel's host element into the document (a second mount would show). */
const COUNT_HOSTS = `
window.__rapportHosts = 0;
new MutationObserver((records) => {
  for (const r of records) for (const n of r.addedNodes) if (n.id === 'rapport-panel-host') window.__rapportHosts++;
}).observe(document, { childList: true, subtree: true });`;

async function hostInsertions(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __rapportHosts: number }).__rapportHosts);
}

test('a profile page load shows the panel exactly once, while it lives in the page; never while it lives in the side panel', async ({ page, linkedin, serviceWorker, openExtensionPage }) => {
  await page.addInitScript({ content: COUNT_HOSTS });
  linkedin.serveFile('/in/maya-lindqvist-example', 'pages/profile-2022-maya.html');
  linkedin.serveFile('/in/tomas-reyes-example', 'pages/profile-2022-tomas.html');
  const ext = await openExtensionPage('popup.html');
  const { contact } = await api<{ contact: { id: number } }>(ext, 'contact.save', { slug: 'maya-lindqvist-example', name: 'Maya Lindqvist', degree: '2nd' });
  await api(ext, 'note.add', { targetType: 'contact', targetId: contact.id, text: 'Asked about the design systems role' });

  // The default placement is the page: the background registers the panel script.
  await expect.poll(() => registered(serviceWorker)).toEqual([{
    id: 'rapport-panel', js: ['panel.js'], runAt: 'document_start',
    matches: ['https://www.linkedin.com/groups/*', 'https://www.linkedin.com/in/*'],
  }]);

  // Count the background's injections from now on: a full page load needs none.
  await serviceWorker.evaluate(() => {
    const g = globalThis as unknown as { chrome: { scripting: { executeScript: (...a: unknown[]) => Promise<unknown> } }; __injections: number };
    const original = g.chrome.scripting.executeScript.bind(g.chrome.scripting);
    g.__injections = 0;
    g.chrome.scripting.executeScript = (...a: unknown[]) => { g.__injections++; return original(...a); };
  });
  const injections = () => serviceWorker.evaluate(() => (globalThis as unknown as { __injections: number }).__injections);

  const panel = page.getByTestId('rapport-panel');
  const showsMaya = async () => {
    await expect(panel.getByTestId('profile-name')).toHaveText('Maya Lindqvist');
    await expect(panel.getByTestId('note-item')).toContainText('Asked about the design systems role');
    await page.waitForTimeout(500); // a second panel would come within this
    await expect(panel).toHaveCount(1);
    expect(await hostInsertions(page)).toBe(1);
  };
  // Right after the registration the background injects the panel as well (the registration may not
  // have reached the page yet): the panel script still mounts once.
  await page.goto('https://www.linkedin.com/in/maya-lindqvist-example/');
  await showsMaya();
  await page.waitForTimeout(1000); // REGISTRATION_MARGIN_MS
  await serviceWorker.evaluate(() => { (globalThis as unknown as { __injections: number }).__injections = 0; });
  await page.reload();
  await showsMaya();
  expect(await injections()).toBe(0);

  // Inside the SPA to another person: the same panel switches.
  await spaNavigate(page, '/in/tomas-reyes-example/', 'pages/profile-2022-tomas.html');
  await expect(panel.getByTestId('profile-name')).toHaveText('Tomás Reyes');
  await expect(panel.getByTestId('note-item')).toHaveCount(0);
  await expect(panel).toHaveCount(1);
  expect(await hostInsertions(page)).toBe(1);

  // The side panel: unregistered, and a page load leaves LinkedIn's page untouched.
  await api(ext, 'settings.update', { panelPlacement: 'sidepanel', placementChosen: true });
  await expect.poll(() => registered(serviceWorker)).toEqual([]);
  await page.goto('https://www.linkedin.com/in/maya-lindqvist-example/');
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => !!document.getElementById('rapport-panel-host'))).toBe(false);
  expect(await hostInsertions(page)).toBe(0);

  // Back in the page: registered again, one panel on the next load.
  await api(ext, 'settings.update', { panelPlacement: 'page', placementChosen: true });
  await expect.poll(async () => (await registered(serviceWorker)).length).toBe(1);
  await page.goto('https://www.linkedin.com/in/maya-lindqvist-example/');
  await showsMaya();
});

test('a registration left over while the panel lives in the side panel does not touch the page', async ({ page, linkedin, serviceWorker, openExtensionPage }) => {
  linkedin.serveFile('/in/maya-lindqvist-example', 'pages/profile-2022-maya.html');
  const ext = await openExtensionPage('popup.html');
  await api(ext, 'settings.update', { panelPlacement: 'sidepanel', placementChosen: true });
  await expect.poll(() => registered(serviceWorker)).toEqual([]);
  // As if the setting changed while a page was loading: the script runs, finds the side panel chosen.
  await serviceWorker.evaluate(() => (globalThis as unknown as Chrome).chrome.scripting.registerContentScripts([
    { id: 'rapport-test-panel', js: ['panel.js'], matches: ['https://www.linkedin.com/in/*'], runAt: 'document_start', persistAcrossSessions: false },
  ]));
  await page.goto('https://www.linkedin.com/in/maya-lindqvist-example/');
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => !!document.getElementById('rapport-panel-host'))).toBe(false);
});
