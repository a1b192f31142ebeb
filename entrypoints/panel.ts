import { getBridge } from '../components/panel/bridge';
import { mountInPage } from '../components/panel/mount';
import { prefetch, prefetchForPage } from '../components/panel/prefetch';

/**
 * Injected by the background (scripting.executeScript) on profile and group pages when the panel
 * lives in the page. Runs in the content script's isolated world: it meets the always-on content
 * script on `globalThis.__rapport` and mounts once per tab.
 */
export default defineUnlistedScript(() => {
  const bridge = getBridge();
  if (bridge.panelLoaded) return;
  bridge.panelLoaded = true;
  // Ask now, not after React mounted: the panel's first render takes what has arrived.
  void prefetch('settings.get', {});
  prefetchForPage(bridge.report); // no-op when the content script's request is still fresh
  mountInPage(bridge);
});
