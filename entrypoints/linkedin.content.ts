/**
 * The always-on content script on linkedin.com. Tiny on purpose (no React, zod or Dexie): it
 * watches LinkedIn's single-page navigation, reads the page once it rendered (lib/linkedin) and
 * reports it to the background, which stores it for the side panel and injects the panel script
 * (`/panel.js`) on profile and group pages. The panel script meets this one on `globalThis.__rapport`.
 */
import { browser } from 'wxt/browser';
import { getBridge, MSG_WANT_PANEL, type PageReport } from '../components/panel/bridge';
import { clearPrefetched, prefetch, prefetchForPage } from '../components/panel/prefetch';
import { MSG } from '../lib/api/messages';
import { watchPages } from '../lib/linkedin/navigation';

export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  // As soon as the DOM is parsed (document_idle may wait up to 200 ms longer); the watcher waits for the top card.
  runAt: 'document_end',
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

    // On a profile or group URL the panel is injected (and its settings read) while the page renders;
    // the lookup of the person starts once the page has been read (onPage).
    const askForPanel = () => {
      if (bridge.panelLoaded || panelAsked) return;
      panelAsked = true;
      void prefetch('settings.get', {});
      const failed = (placement?: unknown) => {
        panelAsked = false;
        // The page view for this page may have gone out meanwhile, saying "being injected": say it again.
        if (placement === 'page' && last && last.url === location.href && last.page.kind !== 'other') send(last);
      };
      browser.runtime.sendMessage({ type: MSG_WANT_PANEL }).then(
        (res: unknown) => {
          const r = res as { injected?: unknown; placement?: unknown } | undefined;
          if (r?.injected !== true) failed(r?.placement);
        },
        () => failed(),
      );
    };

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
        onUrl: (page) => { if (page.kind !== 'other') askForPanel(); },
        onPage: (r) => {
          const report: PageReport = {
            url: r.url, page: r.page, profile: r.profile, group: r.group, missing: [...r.missing], via: r.via,
            ...(r.diagnostics ? { diagnostics: r.diagnostics } : {}),
          };
          last = report;
          // The panel's lookup starts now, while the background injects the panel (first page) or
          // before React re-renders it (SPA): the panel takes the answer (components/panel/prefetch).
          prefetchForPage(report);
          bridge.publish(report);
          send(report);
        },
      },
    );
    // Fires before the new page renders; the watcher waits for it.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => watcher.check(newUrl.href));

    browser.runtime.onMessage.addListener((message: unknown) => {
      const type = (message as { type?: unknown } | null)?.type;
      if (type === MSG.BG_DATA_CHANGED) clearPrefetched();
      else if (type === MSG.BG_TOGGLE_PANEL) bridge.toggle();
      else if (type === MSG.BG_PLACEMENT && last) send(last); // back in the page: the background injects the panel
      return undefined;
    });

    ctx.onInvalidated(() => bridge.publish(null));
  },
});
