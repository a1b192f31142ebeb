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
  /**
   * Which build to load, under .output/ (option; default the e2e build). `test.use({ extensionBuild:
   * 'chrome-mv3' })` loads the production build (closed shadow root) — run `npm run build` first.
   */
  extensionBuild: string;
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  linkedin: LinkedInRoutes;
  /** Requests the extension made (should stay empty; checked after each test). */
  extensionRequests: string[];
  /** Opens an extension page (popup.html, options.html, sidepanel.html) in a new tab. */
  openExtensionPage: (path: string) => Promise<Page>;
  /**
   * Content-Security-Policy violations (and blocked dynamic code) reported by any extension
   * context: extension pages, the service worker, the content script and panel in LinkedIn tabs.
   * Should stay empty; checked after each test.
   */
  cspViolations: string[];
}

/** How Chromium words a CSP / Trusted Types refusal in the console or in an uncaught error. */
export const CSP_MESSAGE = /Content[ -]Security[ -]Policy|Refused to (evaluate|load|execute|apply|connect|create|frame|compile|instantiate)|Trusted ?Type|unsafe-eval|EvalError/i;

export function readFixture(file: string): string {
  const path = file.startsWith('/') ? file : existsSync(resolve(SHARED_FIXTURES, file)) ? resolve(SHARED_FIXTURES, file) : resolve(LOCAL_FIXTURES, file);
  return readFileSync(path, 'utf8');
}

export const test = base.extend<RapportFixtures>({
  extensionBuild: ['chrome-mv3-e2e', { option: true }],

  context: async ({ extensionBuild }, use) => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium found: apt-get install chromium, or set CHROMIUM_PATH.');
    // RAPPORT_E2E_OUTPUT: a private copy of .output (several people build into .output at once).
    const dir = resolve(process.env.RAPPORT_E2E_OUTPUT ?? resolve(ROOT, process.env.RAPPORT_OUT ?? '.output'), extensionBuild);
    if (!existsSync(resolve(dir, 'manifest.json'))) {
      throw new Error(extensionBuild === 'chrome-mv3-e2e' ? 'Run `npm run build:e2e` first.' : `Run the build for .output/${extensionBuild} first (npm run build).`);
    }
    const context = await chromium.launchPersistentContext('', {
      executablePath,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [
        `--disable-extensions-except=${dir}`,
        `--load-extension=${dir}`,
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
        // A frame that was navigated away or closed mid-load reports no URL: an own-extension
        // resource requested from such a frame is one of our pages loading its chunks.
        const fromExtension =
          frameUrl.startsWith(`chrome-extension://${extensionId}`) || req.serviceWorker() != null ||
          (frameUrl === '' && url.startsWith(`chrome-extension://${extensionId}/`));
        if (fromExtension) {
          if (!url.startsWith(`chrome-extension://${extensionId}/`)) offending.push(`${url} (from ${frameUrl || 'service worker'})`);
          return;
        }
        // In a LinkedIn tab, the page's own resources are listed in its HTML; anything else was
        // requested by someone else — the extension (e.g. a chrome-extension:// URL in the page).
        if (url.startsWith('chrome-extension://')) offending.push(`${url} (extension resource loaded in ${frameUrl})`);
        else if (!url.startsWith('https://www.linkedin.com/') && ![...served.values()].some((html) => [url, url.replace(/^https?:/, ''), url.replace(/&/g, '&amp;'), url.replace(/^https?:/, '').replace(/&/g, '&amp;')].some((u) => html.includes(u)))) {
          offending.push(`${url} (not in the page's HTML; from ${frameUrl})`);
        }
      });
      await context.route(/^(?!https:\/\/www\.linkedin\.com\/)(https?|wss?):\/\//, (route) => route.abort());
      await use(offending);
      expect(offending, 'Rapport made network requests; it must make none').toEqual([]);
    },
    { auto: true },
  ],

  cspViolations: [
    async ({ context, extensionId }, use) => {
      const violations: string[] = [];
      const ours = `chrome-extension://${extensionId}`;
      const fromUs = (where: string, text: string) => where.startsWith(ours) || text.includes(ours);
      const record = (where: string, text: string) => {
        if (CSP_MESSAGE.test(text)) violations.push(`${text.slice(0, 400)} (in ${where || 'unknown context'})`);
      };
      // Extension pages: every CSP message counts. LinkedIn tabs: only those our scripts caused
      // (the page's own CSP complaints about its own inline scripts are LinkedIn's business).
      context.on('console', (msg) => {
        const pageUrl = msg.page()?.url() ?? '';
        const where = msg.location()?.url || pageUrl;
        if (pageUrl.startsWith(ours) || fromUs(where, msg.text())) record(where || pageUrl, msg.text());
      });
      context.on('weberror', (err) => {
        const pageUrl = err.page()?.url() ?? '';
        const text = `${err.error().name}: ${err.error().message} ${err.error().stack ?? ''}`;
        if (pageUrl.startsWith(ours) || fromUs('', text)) record(pageUrl, text);
      });
      // A service worker logs no console message for a CSP refusal; its global object gets a
      // `securitypolicyviolation` event (also for refusals that were caught), which we log.
      const watchWorker = (w: Worker) => {
        if (!w.url().startsWith(ours)) return;
        w.on('console', (msg) => record(w.url(), msg.text()));
        void w
          .evaluate(() => {
            const g = globalThis as unknown as { addEventListener(t: string, f: (e: never) => void): void; __rapportCspWatch?: boolean };
            if (g.__rapportCspWatch) return;
            g.__rapportCspWatch = true;
            g.addEventListener('securitypolicyviolation', (e: { violatedDirective: string; blockedURI: string; sourceFile: string; lineNumber: number }) =>
              console.error(`Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'} (${e.sourceFile}:${e.lineNumber})`),
            );
          })
          .catch(() => {}); // the worker stopped meanwhile
      };
      context.serviceWorkers().forEach(watchWorker);
      context.on('serviceworker', watchWorker);
      await use(violations);
      expect(violations, 'Rapport broke its Content Security Policy (dynamic code, remote resource…)').toEqual([]);
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
