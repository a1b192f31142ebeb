/** Helpers for the panel specs: simulate LinkedIn's SPA navigation, find the panel, read EXPECTED.json. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { SHARED_FIXTURES, hasSharedFixtures, readFixture } from './fixtures';

export interface Expected {
  name: string | null; headline: string | null; location: string | null; company: string | null;
  degree: string | null; slug: string | null;
}
export function expected(file: string): Expected {
  if (!hasSharedFixtures) throw new Error('no shared fixtures');
  const all = JSON.parse(readFileSync(resolve(SHARED_FIXTURES, 'EXPECTED.json'), 'utf8')) as Record<string, Expected>;
  const e = all[file];
  if (!e) throw new Error(`EXPECTED.json has no entry for ${file}`);
  return e;
}

export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * LinkedIn's SPA: history.pushState to `path`, then the new page's <body> (and title) replace the
 * old ones, the way LinkedIn re-renders. Works under the 2026 pages' Trusted Types CSP.
 */
export async function spaNavigate(page: Page, path: string, fixtureFile: string): Promise<void> {
  const html = readFixture(fixtureFile);
  await page.evaluate(([path, html]) => {
    const tt = (window as unknown as { trustedTypes?: { createPolicy(n: string, p: { createHTML(s: string): string }): { createHTML(s: string): string } } }).trustedTypes;
    let markup: string = html;
    if (tt) {
      try { markup = tt.createPolicy('dompurify', { createHTML: (s) => s }).createHTML(html) as unknown as string; } catch { /* no TT on this page */ }
    }
    const doc = new DOMParser().parseFromString(markup, 'text/html');
    // Scripts from the fixture must not run (and could not: CSP); drop them.
    doc.querySelectorAll('script').forEach((s) => s.remove());
    history.pushState({}, '', path);
    document.title = doc.title;
    document.body.replaceWith(document.adoptNode(doc.body));
  }, [path, html] as const);
}

/** The id of the (first) LinkedIn tab, from the service worker. */
export async function linkedInTabId(sw: Worker): Promise<number> {
  return sw.evaluate(async () => {
    const tabs = await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number }>> } } }).chrome.tabs.query({ url: 'https://www.linkedin.com/*' });
    return tabs[0]!.id;
  });
}
