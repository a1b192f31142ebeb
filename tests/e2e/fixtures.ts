/**
 * The Playwright fixture: loads the built extension (`npm run build:e2e`) into headless Chromium
 * with a fresh persistent profile, serves LinkedIn URLs from fixture HTML, aborts every other
 * request, and fails the test if the extension itself makes any network request or reports a CSP
 * violation (the privacy promise, checked on every run).
 */
import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain JS helper shared with scripts/
import { findChromium } from '../../scripts/chromium-path.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../..');
export const EXTENSION_DIR = resolve(ROOT, '.output/chrome-mv3-e2e');
export const SHARED_FIXTURES = resolve(ROOT, '../shared/fixtures');
export const LOCAL_FIXTURES = resolve(ROOT, 'tests/fixtures');
export const hasSharedFixtures = existsSync(SHARED_FIXTURES);

export interface LinkedInRoutes {
  /** Serves `html` for every URL whose path starts with `path` (e.g. `/in/ada-example`). */
  serve(path: string, html: string): void;
  /** Serves a file from ../shared/fixtures (real page) or tests/fixtures (invented page). */
  serveFile(path: string, file: string): void;
}

export interface RapportFixtures {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  linkedin: LinkedInRoutes;
  /** Requests the extension made (should stay empty; checked after each test). */
  extensionRequests: string[];
  /** Opens an extension page (popup.html, options.html, sidepanel.html) in a new tab. */
  openExtensionPage: (path: string) => Promise<Page>;
}

export function readFixture(file: string): string {
  const path = file.startsWith('/') ? file : existsSync(resolve(SHARED_FIXTURES, file)) ? resolve(SHARED_FIXTURES, file) : resolve(LOCAL_FIXTURES, file);
  return readFileSync(path, 'utf8');
}

export const test = base.extend<RapportFixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium found: apt-get install chromium, or set CHROMIUM_PATH.');
    if (!existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) throw new Error('Run `npm run build:e2e` first.');
    const context = await chromium.launchPersistentContext('', {
      executablePath,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--no-first-run', '--disable-quic',
      ],
    });
    await use(context);
    await context.close();
  },

  serviceWorker: async ({ context }, use) => {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(sw);
  },

  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },

  extensionRequests: [
    async ({ context, extensionId }, use) => {
      const offending: string[] = [];
      const served = new Map<string, string>();
      (context as unknown as { __served: Map<string, string> }).__served = served;
      context.on('request', (req) => {
        const url = req.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        const frameUrl = safeFrameUrl(req);
        const fromExtension = frameUrl.startsWith(`chrome-extension://${extensionId}`) || req.serviceWorker() != null;
        if (fromExtension) {
          if (!url.startsWith(`chrome-extension://${extensionId}/`)) offending.push(`${url} (from ${frameUrl || 'service worker'})`);
          return;
        }
        // In a LinkedIn tab, the page's own resources are listed in its HTML; anything else was
        // requested by someone else — the extension (e.g. a chrome-extension:// URL in the page).
        if (url.startsWith('chrome-extension://')) offending.push(`${url} (extension resource loaded in ${frameUrl})`);
        else if (!url.startsWith('https://www.linkedin.com/') && ![...served.values()].some((html) => html.includes(url) || html.includes(url.replace(/^https?:/, '')))) {
          offending.push(`${url} (not in the page's HTML; from ${frameUrl})`);
        }
      });
      await context.route(/^(?!https:\/\/www\.linkedin\.com\/)(https?|wss?):\/\//, (route) => route.abort());
      await use(offending);
      expect(offending, 'Rapport made network requests; it must make none').toEqual([]);
    },
    { auto: true },
  ],

  linkedin: async ({ context }, use) => {
    const served = (context as unknown as { __served: Map<string, string> }).__served;
    const routes: Array<{ path: string; html: string }> = [];
    await context.route('https://www.linkedin.com/**', (route) => {
      const url = new URL(route.request().url());
      const hit = routes.find((r) => url.pathname.toLowerCase().startsWith(r.path.toLowerCase()));
      if (!hit || route.request().resourceType() !== 'document') return route.abort();
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hit.html });
    });
    const linkedin: LinkedInRoutes = {
      serve(path, html) {
        routes.unshift({ path, html });
        served.set(path, html);
      },
      serveFile(path, file) {
        linkedin.serve(path, readFixture(file));
      },
    };
    await use(linkedin);
  },

  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
});

function safeFrameUrl(req: { frame(): { url(): string } }): string {
  try {
    return req.frame().url();
  } catch {
    return '';
  }
}

/** Skips (with a printed reason) when ../shared/fixtures is absent. */
export function requireSharedFixtures(): void {
  if (!hasSharedFixtures) console.warn('[rapport e2e] ../shared/fixtures not found: skipping tests on real LinkedIn pages.');
  test.skip(!hasSharedFixtures, '../shared/fixtures not found (real LinkedIn pages): these tests need it beside the project.');
}

/**
 * Calls the data API from an extension page (as the popup would), e.g. to seed data.
 */
export async function api<T = unknown>(page: Page, op: string, input: unknown): Promise<T> {
  const res = await page.evaluate(
    async ([op, input]) =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'rapport:ui-api-call', op, input }),
    [op, input] as const,
  );
  const r = res as { ok: boolean; data?: T; error?: { message: string } };
  if (!r.ok) throw new Error(`api ${op} failed: ${r.error?.message}`);
  return r.data as T;
}

export { expect };
