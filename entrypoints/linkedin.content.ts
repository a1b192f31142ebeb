/**
 * The always-on content script on linkedin.com. Tiny on purpose (no React, zod or Dexie): it
 * watches LinkedIn's single-page navigation, reads the page once it rendered (lib/linkedin) and
 * reports it to the background, which stores it for the side panel and injects the panel script
 * (`/panel.js`) on profile and group pages. The panel script meets this one on `globalThis.__rapport`.
 */
import { browser } from 'wxt/browser';
import { getBridge, type PageReport } from '../components/panel/bridge';
import { MSG } from '../lib/api/messages';
import { extractProfileWithDiagnostics } from '../lib/linkedin/diagnostics';
import { detectPage } from '../lib/linkedin/detect';
import { extractGroup, extractProfile } from '../lib/linkedin/extract';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

// TEMPORARY until lib/linkedin/navigation.ts (helper-1) lands: same contract, simpler.
function watchPages(ctx: ContentScriptContext, o: { doc: Document; getUrl: () => string; onPage: (r: PageReport) => void }) {
  let seq = 0;
  const read = (url: string): PageReport => {
    const page = detectPage(url);
    const profile = page.kind === 'profile' ? extractProfile(o.doc, url) : null;
    const group = page.kind === 'group' ? extractGroup(o.doc, url) : null;
    const missing = profile ? (['name', 'headline', 'location', 'company'] as const).filter((k) => profile[k] == null) : group && !group.name ? ['name'] : [];
    return { url, page, profile, group, missing: [...missing] };
  };
  const settle = () => {
    const mine = ++seq;
    const started = Date.now();
    let lastChange = Date.now();
    const mo = new MutationObserver(() => { lastChange = Date.now(); });
    mo.observe(o.doc.documentElement, { childList: true, subtree: true });
    const tick = () => {
      if (mine !== seq) { mo.disconnect(); return; }
      const r = read(o.getUrl());
      const ready = r.page.kind !== 'profile' || (r.profile?.name != null) || Date.now() - started > 4000;
      if (ready && Date.now() - lastChange > 200) { mo.disconnect(); o.onPage(r); return; }
      ctx.setTimeout(tick, 150);
    };
    ctx.setTimeout(tick, 50);
  };
  settle();
  ctx.addEventListener(window, 'wxt:locationchange', () => settle());
}

export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const bridge = getBridge();
    let last: PageReport | null = null;

    const send = (report: PageReport) => {
      browser.runtime
        .sendMessage({ type: MSG.CS_PAGE_VIEW, report, panelLoaded: bridge.panelLoaded })
        .catch(() => {}); // the worker is restarting or the extension was updated: next page view retries
    };

    watchPages(ctx, {
      doc: document,
      getUrl: () => location.href,
      onPage: (r: PageReport) => {
        const report: PageReport = { url: r.url, page: r.page, profile: r.profile, group: r.group, missing: [...r.missing] };
        if (report.page.kind === 'profile' && (report.missing.length || !report.profile?.name)) {
          // Only selectors and sources, never page text: safe to copy into a bug report.
          try { report.diagnostics = extractProfileWithDiagnostics(document, report.url).report; } catch { /* best effort */ }
        }
        last = report;
        bridge.publish(report);
        send(report);
      },
    });

    browser.runtime.onMessage.addListener((message: unknown) => {
      const type = (message as { type?: unknown } | null)?.type;
      if (type === MSG.BG_TOGGLE_PANEL) bridge.toggle();
      else if (type === MSG.BG_PLACEMENT && last) send(last); // back in the page: the background injects the panel
      return undefined;
    });

    ctx.onInvalidated(() => bridge.publish(null));
  },
});
