/**
 * Hostile page text and the privacy of the in-page panel.
 *  - An invented profile (tests/fixtures/hostile/profile-hostile.html) whose top card holds markup
 *    (`<img onerror>`, `<script>`, `<svg onload>`), a `javascript:` URL, right-to-left overrides and
 *    a 100 KB headline; plus a note and tags of the same kind. Shown as literal text in the panel,
 *    the popup and the options page; nothing runs (`window.__pwned` stays undefined everywhere) and
 *    no element is created from it.
 *  - The PRODUCTION build (closed shadow root): script in LinkedIn's page cannot read the panel.
 */
import type { CDPSession, Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { displayText } from '../../components/safeText';
import { ROOT, api, expect, readFixture, test } from './fixtures';

const NAME = 'Eve <img src=x onerror="window.__pwned=1"> \u202eHacker';
const COMPANY = '<b onmouseover="window.__pwned=3">Evil Corp</b>';
const NOTE = '<img src=x onerror="window.__pwned=5"> javascript:alert(1) \u202egnp.exe =HYPERLINK("http://evil.example")';
const TAG = '<i>tag</i>';

async function notPwned(page: Page, where: string) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), `${where}: hostile text ran`).toBeUndefined();
}

test('hostile text on a profile: literal in the panel, the popup and the options page; nothing runs', async ({ page, linkedin, openExtensionPage }) => {
  linkedin.serveFile('/in/eve-hostile-test', 'hostile/profile-hostile.html');
  await page.goto('https://www.linkedin.com/in/eve-hostile-test/');
  const panel = page.getByTestId('rapport-panel');
  await expect(panel).toBeVisible();
  // The right-to-left override cannot reverse what follows it: it is shown as a visible marker.
  await expect(panel.getByTestId('profile-name')).toHaveText(displayText(NAME));
  await expect(panel.getByTestId('profile-name')).toContainText('⟨U+202E⟩Hacker');
  expect(await panel.getByTestId('profile-name').textContent()).not.toContain('\u202e');
  await expect(panel.getByTestId('profile-company')).toHaveText(COMPANY);
  // The 100 KB headline is shown (as text, maybe shortened) and does not break the panel.
  await expect(panel.getByTestId('profile-headline')).toContainText('<script>window.__pwned=2</script> javascript:alert(1)');
  expect(await panel.locator('img[src="x"], script, svg[onload], b[onmouseover]').count(), 'elements made from page text').toBe(0);

  await panel.getByTestId('save-contact').click();
  await expect(panel.getByTestId('network-status')).toContainText('Saved in Rapport');
  // A pasted override in a field: the panel says so and offers to remove it (kept if the user adds as is).
  await panel.getByTestId('note-input').fill('pay\u202Eenilno');
  await expect(panel.getByTestId('bidi-hint')).toContainText('hidden direction characters');
  await panel.getByTestId('bidi-hint').getByRole('button', { name: 'Remove them' }).click();
  await expect(panel.getByTestId('note-input')).toHaveValue('payenilno');
  await expect(panel.getByTestId('bidi-hint')).toHaveCount(0);
  await panel.getByTestId('note-input').fill(NOTE);
  await expect(panel.getByTestId('bidi-hint')).toBeVisible();
  await panel.getByTestId('add-note').click();
  await expect(panel.getByTestId('bidi-hint')).toHaveCount(0);
  await expect(panel.getByTestId('note-item').first()).toContainText(displayText(NOTE));
  // "…\u202egnp.exe" no longer renders as "…exe.png": the override is visible, isolated in a <bdi>.
  await expect(panel.getByTestId('note-item').first()).toContainText('⟨U+202E⟩gnp.exe');
  expect(await panel.getByTestId('note-item').first().locator('bdi').count()).toBeGreaterThan(0);
  expect(await panel.getByTestId('note-item').first().textContent()).not.toContain('\u202e');
  expect(await panel.locator('img[src="x"]').count()).toBe(0);
  await page.screenshot({ path: '/tmp/security-hostile-panel.png' });
  await notPwned(page, 'LinkedIn page');

  // Stored as typed: the API gives back the same characters.
  const ext = await openExtensionPage('popup.html');
  const found = await api<{ view: { contact: { id: number; name: string; company: string; headline: string }; notes: { text: string }[] } }>(ext, 'contact.getForPage', { slug: 'eve-hostile-test' });
  expect(found.view.contact.name).toBe(NAME);
  expect(found.view.contact.company).toBe(COMPANY);
  expect(found.view.contact.headline.length).toBeLessThanOrEqual(1000);
  expect(found.view.notes[0]!.text).toBe(NOTE);
  await api(ext, 'contact.update', { id: found.view.contact.id, patch: { tags: [TAG] } });

  // Popup: recently added shows the name literally.
  await ext.reload();
  await expect(ext.getByTestId('popup-root')).toBeVisible();
  await expect(ext.getByTestId('recent-contact').first()).toContainText('Eve <img src=x onerror="window.__pwned=1">');
  await expect(ext.getByTestId('recent-contact').first()).toContainText('⟨U+202E⟩Hacker');
  expect(await ext.locator('img[src="x"], b[onmouseover], i').count()).toBe(0);
  await notPwned(ext, 'popup');
  await ext.screenshot({ path: '/tmp/security-hostile-popup.png' });

  // Options: the contact list and the contact's details show it literally.
  const options = await openExtensionPage('options.html#contacts');
  const row = options.getByTestId('contact-row').first();
  await expect(row).toContainText('Eve <img src=x onerror="window.__pwned=1">');
  await expect(row).toContainText(TAG);
  expect(await options.locator('img[src="x"], b[onmouseover], main i').count()).toBe(0);
  await row.getByTestId('contact-open').click();
  await expect(options.getByTestId('note-item').first()).toContainText(displayText(NOTE));
  await expect(row).toContainText('⟨U+202E⟩Hacker');
  expect(await options.locator('main').textContent()).not.toContain('\u202e');
  // Labels read by screen readers carry the visible marker too, never the raw override.
  const labels = await options.locator('main [aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  expect(labels.some((l) => l.includes('⟨U+202E⟩Hacker')), 'a label names the contact with the marker').toBe(true);
  expect(labels.filter((l) => l.includes('\u202e'))).toEqual([]);
  expect(await options.locator('img[src="x"], b[onmouseover]').count()).toBe(0);
  await notPwned(options, 'options page');
  await options.screenshot({ path: '/tmp/security-hostile-options.png' });
  await notPwned(page, 'LinkedIn page (after all)');
});

/** All text of the page, including closed shadow roots, as Chrome DevTools sees it (CDP pierces them). */
async function textThroughDevTools(cdp: CDPSession): Promise<{ text: string; closedRoots: number }> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  let text = '';
  let closedRoots = 0;
  const walk = (n: DomNode) => {
    if (n.nodeType === 3) text += n.nodeValue + ' ';
    for (const s of n.shadowRoots ?? []) {
      if (s.shadowRootType === 'closed') closedRoots++;
      walk(s);
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(root);
  return { text, closedRoots };
}
interface DomNode { nodeType: number; nodeValue?: string; children?: DomNode[]; shadowRoots?: (DomNode & { shadowRootType?: string })[] }

test("LinkedIn's page hears nothing from Rapport: no window message, no event naming the extension", async ({ page, linkedin, extensionId, context }) => {
  // LinkedIn's own scripts, from its first one on (an inline script at the top of <head>), listen to
  // every message posted to the window, and, knowing Rapport's id (a store-listed extension's id is
  // public), to the events WXT's content-script context names after it, on the window and the
  // document: what a page that looks for extensions would do. What they hear is collected across
  // documents (a full load starts a new one).
  const heard: string[] = [];
  await context.exposeFunction('__linkedinHeard', (m: string) => { heard.push(m); });
  const listen = (id: string) => {
    const tell = (m: string) => (window as unknown as { __linkedinHeard(m: string): void }).__linkedinHeard(m);
    window.addEventListener('message', (e) => tell(typeof e.data === 'string' ? e.data : JSON.stringify(e.data)), true);
    for (const name of ['wxt:locationchange', 'wxt:content-script-started']) {
      for (const entry of ['linkedin', 'panel']) {
        const type = `${id}:${entry}:${name}`;
        for (const target of [window, document]) target.addEventListener(type, () => tell(`event ${type}`), true);
      }
    }
  };
  const withListener = (html: string) => html.replace(/<head>/i, `<head><script>(${listen.toString()})(${JSON.stringify(extensionId)})</script>`);
  linkedin.serve('/in/eve-hostile-test', withListener(readFixture('hostile/profile-hostile.html')));
  linkedin.serve('/feed', withListener('<!doctype html><html><head><title>Feed | LinkedIn</title></head><body><main><h1>Feed</h1></main></body></html>'));
  await page.goto('https://www.linkedin.com/in/eve-hostile-test/');
  await expect(page.getByTestId('rapport-panel')).toBeVisible();
  await expect.poll(() => page.evaluate(() => typeof (window as unknown as { __linkedinHeard?: unknown }).__linkedinHeard)).toBe('function');
  // LinkedIn's single-page navigation to another page and back, and a full load of one.
  await page.evaluate(() => history.pushState({}, '', '/feed/'));
  await expect(page.getByTestId('rapport-panel')).toHaveCount(0);
  await page.evaluate(() => history.pushState({}, '', '/in/eve-hostile-test/'));
  await expect(page.getByTestId('rapport-panel')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('rapport-panel')).toHaveCount(0);
  await page.goto('https://www.linkedin.com/feed/');
  await page.waitForTimeout(1500);
  const fromRapport = [...heard];
  // The listener works: the page's own message, and an event of the name WXT would use, reach it.
  await page.evaluate((id) => { window.postMessage('page-own-message', '*'); window.dispatchEvent(new Event(`${id}:linkedin:wxt:locationchange`)); }, extensionId);
  await expect.poll(() => heard.slice(fromRapport.length).sort()).toEqual([`event ${extensionId}:linkedin:wxt:locationchange`, 'page-own-message']);
  expect(fromRapport, 'messages and events LinkedIn\'s page received from the extension').toEqual([]);
});

test.describe('production build', () => {
  test.use({ extensionBuild: 'chrome-mv3' });
  test.beforeEach(() => {
    const built = existsSync(resolve(process.env.RAPPORT_E2E_OUTPUT ?? resolve(ROOT, process.env.RAPPORT_OUT ?? '.output'), 'chrome-mv3/manifest.json'));
    if (!built) console.warn('[rapport e2e] .output/chrome-mv3 not built: run `npm run build` (npm test does) — skipping the production-build test.');
    test.skip(!built, '.output/chrome-mv3 not built (npm run build)');
  });

  test("the panel's notes cannot be read by LinkedIn's page (closed shadow root, no extension URLs in the DOM)", async ({ page, linkedin, openExtensionPage }) => {
    const SECRET = `Private note ${Date.now()}: salary expectations 140k`;
    const ext = await openExtensionPage('popup.html');
    const { contact } = await api<{ contact: { id: number } }>(ext, 'contact.save', { slug: 'maya-lindqvist-example', name: 'Maya Lindqvist', degree: '2nd' });
    await api(ext, 'note.add', { targetType: 'contact', targetId: contact.id, text: SECRET });
    await ext.close();

    linkedin.serveFile('/in/maya-lindqvist-example', 'pages/profile-2022-maya.html');
    await page.goto('https://www.linkedin.com/in/maya-lindqvist-example/');
    // The panel is there: DevTools (not the page) can see the note inside a closed shadow root.
    const cdp = await page.context().newCDPSession(page);
    await expect.poll(async () => (await textThroughDevTools(cdp)).text.includes(SECRET), { timeout: 15_000, message: 'the panel shows the note' }).toBe(true);
    expect((await textThroughDevTools(cdp)).closedRoots).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: '/tmp/security-production-panel.png' });

    // What LinkedIn's own scripts (main world) can see.
    const seen = await page.evaluate((secret) => {
      const all = [...document.querySelectorAll('*')];
      return {
        inText: document.body.innerText.includes(secret),
        inHtml: document.documentElement.outerHTML.includes(secret),
        extensionUrls: /chrome-extension:\/\//.test(document.documentElement.outerHTML),
        openRoots: all.filter((e) => e.shadowRoot !== null).length,
        textContent: (document.body.textContent ?? '').includes(secret),
      };
    }, SECRET);
    expect(seen).toEqual({ inText: false, inHtml: false, extensionUrls: false, openRoots: 0, textContent: false });
    await cdp.detach();
  });
});
