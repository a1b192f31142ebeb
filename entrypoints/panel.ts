import { getBridge, isPanelPage } from '../components/panel/bridge';
import { mountInPage } from '../components/panel/mount';
import { PAGE_WAIT_MS, prefetch, prefetchForPage, settledWithin } from '../components/panel/prefetch';
import { detectPage } from '../lib/linkedin/detect';

/**
 * The in-page panel. Two ways in, both on profile and group pages while the panel lives in the page:
 * a full page load runs it as a content script the background registered (lib/background/pages.ts,
 * `syncPanelScript`) next to the always-on content script; a navigation inside LinkedIn's
 * single-page app from another page has the background inject it (`scripting.executeScript`).
 * Runs in the content script's isolated world: it meets the always-on content script on
 * `globalThis.__rapport` and mounts once per tab.
 */
export default defineUnlistedScript(() => {
  const bridge = getBridge();
  if (bridge.panelLoaded) return;
  // (A registered script's match that is no profile, e.g. /in/ alone: the content script asks later.)
  if (detectPage(location.href).kind === 'other' && !isPanelPage(bridge.report)) return;
  bridge.panelLoaded = true;
  // Ask now, not after React mounted: the panel's first render takes what has arrived.
  const settings = prefetch('settings.get', {});
  void settings.then((res) => {
    // A registered script may run just after the user moved the panel to the side panel (the
    // registration follows the setting a moment later): the page stays untouched then.
    if (res.ok && (res.data as { panelPlacement?: unknown }).panelPlacement === 'sidepanel') {
      bridge.panelLoaded = false;
      return;
    }
    // Mounted once the content script has read the page and the page's lookup answered (or took too
    // long): the panel appears in one piece, without a "Loading…" first.
    let mounted = false;
    const mountFor = (report: typeof bridge.report) => {
      if (mounted || !isPanelPage(report)) return;
      void settledWithin(prefetchForPage(report), PAGE_WAIT_MS).then(() => {
        if (mounted || !isPanelPage(bridge.report)) return;
        mounted = true;
        unsubscribe();
        mountInPage(bridge);
      });
    };
    const unsubscribe = bridge.subscribe((e) => { if (e.type === 'report') mountFor(e.report); });
    mountFor(bridge.report);
  });
});
