/**
 * The always-on content script on linkedin.com. Tiny on purpose (no React, zod or Dexie): it
 * watches LinkedIn's single-page navigation, reads the page once it rendered (lib/linkedin) and
 * reports it to the background, which stores it for the side panel. On profile and group pages the
 * in-page panel (`/panel.js`) comes as the background's registered content script (a full page
 * load) or is injected by the background (on request from here). The panel script meets this one
 * on `globalThis.__rapport`.
 */
import { browser } from 'wxt/browser';
import { getBridge, isPanelPage, MSG_WANT_PANEL, type PageReport } from '../components/panel/bridge';
import { clearPrefetched, PAGE_WAIT_MS, prefetch, prefetchForPage, prefetchForUrl, settledWithin } from '../components/panel/prefetch';
import { MSG } from '../lib/api/messages';
import { detectPage } from '../lib/linkedin/detect';
import { watchLocation, watchPages, type LocationSource, type PageReport as WatchedPage } from '../lib/linkedin/navigation';

export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  // At document_start only what needs the URL alone (asking for the panel, reading the settings);
  // the page is read from DOMContentLoaded on — right then, not when document_end scripts are run.
  runAt: 'document_start',
  // WXT's context announces each start to older copies of this script with a CustomEvent and, for
  // older WXT versions, a `window.postMessage`. That message reaches LinkedIn's own scripts, with
  // the extension's id in it: off (security-hostile.spec.ts checks the page hears nothing).
  noScriptStartedPostMessage: true,
  main(ctx) {
    const bridge = getBridge();
    let last: PageReport | null = null;
    /** The background is injecting (or has injected) the panel into this document. */
    let panelAsked = false;

    const send = (report: PageReport) => {
      browser.runtime
        .sendMessage({ type: MSG.CS_PAGE_VIEW, report, panelLoaded: bridge.panelLoaded || panelAsked })
        .catch(() => {}); // the worker is restarting or the extension was updated: the next page view retries
    };

    // On a profile or group URL the panel is injected, or comes as the registered script (the
    // document's first URL: `documentStart`), while the page renders; its settings are read meanwhile.
    // The lookup of the person starts once the page has been read (onPage).
    const askForPanel = (documentStart?: number) => {
      if (bridge.panelLoaded || panelAsked) return;
      panelAsked = true;
      void prefetch('settings.get', {});
      const failed = (placement?: unknown) => {
        panelAsked = false;
        // The page view for this page may have gone out meanwhile, saying "being injected": say it again.
        if (placement === 'page' && last && last.url === location.href && last.page.kind !== 'other') send(last);
      };
      browser.runtime.sendMessage({ type: MSG_WANT_PANEL, ...(documentStart !== undefined ? { documentStart } : {}) }).then(
        (res: unknown) => {
          const r = res as { injected?: unknown; placement?: unknown } | undefined;
          if (r?.injected !== true) failed(r?.placement);
        },
        () => failed(),
      );
    };
    const firstPage = detectPage(location.href);
    let askedAtStart = firstPage.kind !== 'other';
    if (askedAtStart) {
      askForPanel(Math.round(performance.timeOrigin));
      prefetchForUrl(firstPage); // the person's lookup, while the page loads
    }

    browser.runtime.onMessage.addListener((message: unknown) => {
      const type = (message as { type?: unknown } | null)?.type;
      if (type === MSG.BG_DATA_CHANGED) clearPrefetched();
      else if (type === MSG.BG_TOGGLE_PANEL) bridge.toggle();
      else if (type === MSG.BG_PLACEMENT && last) send(last); // back in the page: the background injects the panel
      return undefined;
    });
    ctx.onInvalidated(() => bridge.publish(null));

    const start = () => {
      const watcher = watchPages(
        {
          setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
          clearTimeout: (id) => clearTimeout(id),
          addEventListener: (target, type, fn) => ctx.addEventListener(target as Window, type as 'popstate', fn),
          onInvalidated: (fn) => ctx.onInvalidated(fn),
        },
        {
          doc: document,
          getUrl: () => location.href,
          timeoutMs: 3000,
          onUrl: (page) => {
            const again = askedAtStart; // the watcher's first page: asked for at document_start already
            askedAtStart = false;
            if (page.kind === 'other' || again) return;
            askForPanel();
            prefetchForUrl(page); // while LinkedIn fetches and renders the new page
          },
          // A profile or group page that has not shown who it is yet (slow, or markup Rapport cannot
          // read): its URL is reported meanwhile, so the panel shows a saved person (or "Reading the
          // page…") instead of nothing, or the previous person, until the page is read or the wait ends.
          onProvisional: (r) => deliver(r),
          onPage: (r) => deliver(r),
        },
      );
      function deliver(r: WatchedPage): void {
        const report: PageReport = {
          url: r.url, page: r.page, profile: r.profile, group: r.group, missing: [...r.missing], via: r.via,
          ...(r.diagnostics ? { diagnostics: r.diagnostics } : {}),
        };
        last = report;
        // The panel's lookup starts now, while the panel script loads (first page) or before the
        // panel re-renders (SPA): the panel takes the answer (components/panel/prefetch).
        const ready = prefetchForPage(report);
        const show = () => {
          if (last !== report) return; // another page came meanwhile
          bridge.publish(report);
          send(report);
        };
        // A panel on screen switches to the next person once that person's data is there: one
        // render, no "Loading…" in between (the wait is bounded).
        if (bridge.panelLoaded && isPanelPage(report)) void settledWithin(ready, PAGE_WAIT_MS).then(show);
        else show();
      }
      // Fires before the new page renders; the watcher waits for it. (Not WXT's `wxt:locationchange`,
      // which is an event on LinkedIn's window named after the extension's id: LinkedIn could listen.)
      watchLocation(
        {
          navigation: (globalThis as { navigation?: LocationSource['navigation'] }).navigation,
          href: () => location.href,
          setInterval: (fn, ms) => ctx.setInterval(fn, ms),
          signal: ctx.signal,
        },
        (url) => watcher.check(url),
      );
    };
    if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', start, { once: true });
    else start();
  },
});
