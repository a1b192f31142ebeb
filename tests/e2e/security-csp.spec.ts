/**
 * The CSP guard of fixtures.ts works: dynamic code in an extension page or in the service worker
 * is refused by Chromium AND reported as a violation (so that any real one fails the suite).
 * Code passed to page.evaluate is exempt from CSP (DevTools), so each test schedules the offending
 * code to run later, as the extension's own code would; then checks it was caught and clears it.
 */
import { expect, test } from './fixtures';

test.describe('Content-Security-Policy guard', () => {
  test('a string evaluated in an extension page is refused and reported', async ({ openExtensionPage, cspViolations }) => {
    const page = await openExtensionPage('options.html');
    await page.evaluate(() => {
      setTimeout('window.__pwned = 1', 0); // a string handler: what a careless library would do
    });
    await expect.poll(() => cspViolations.length, { message: 'the guard saw the violation' }).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(cspViolations.join('\n')).toContain('options.html');
    cspViolations.length = 0; // caused on purpose
  });

  test('an inline script added to an extension page is refused and reported', async ({ openExtensionPage, cspViolations }) => {
    const page = await openExtensionPage('popup.html');
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__pwned = 1';
      document.head.append(s);
    });
    await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    cspViolations.length = 0;
  });

  test('new Function in the service worker (even caught) is refused and reported', async ({ serviceWorker, cspViolations }) => {
    await expect.poll(() => serviceWorker.evaluate(() => (globalThis as { __rapportCspWatch?: boolean }).__rapportCspWatch)).toBe(true);
    await serviceWorker.evaluate(() => {
      setTimeout(() => {
        try {
          (globalThis as { __ran?: unknown }).__ran = new Function('return 1')();
        } catch {
          /* zod's jit probe does exactly this; jitless avoids it */
        }
      }, 0);
    });
    await expect.poll(() => cspViolations.length, { message: 'the guard saw the violation' }).toBeGreaterThan(0);
    expect(cspViolations.join('\n')).toMatch(/script-src|unsafe-eval/);
    expect(await serviceWorker.evaluate(() => (globalThis as { __ran?: unknown }).__ran)).toBeUndefined();
    cspViolations.length = 0;
  });
});
