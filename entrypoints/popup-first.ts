import { POPUP_BOOT, type PopupBoot, startBoot } from '../components/popup/boot';

/** Where the build names the popup's module chunk (wxt.config.ts, 'rapport-popup-app-after-first-paint'). */
const APP_META = 'meta[name="rapport-popup-app"]';

/**
 * The popup's first script (popup.html loads it as a classic script at the top of <head>): starts
 * reading the first screen and draws it as plain DOM (components/popup/boot.ts), then loads the
 * popup's module chunk (main.tsx: React, the live popup), so that its loading does not compete
 * with the first screen's. No React, no Dexie, no zod.
 */
export default defineUnlistedScript(() => {
  const g = globalThis as typeof globalThis & { [POPUP_BOOT]?: PopupBoot };
  let painted: Promise<unknown> = Promise.resolve();
  try {
    painted = (g[POPUP_BOOT] ??= startBoot()).firstPaint;
  } catch (err) {
    console.warn('[rapport] popup first screen failed', err); // React draws everything
  }
  void painted.catch(() => {}).then(loadApp);
});

function loadApp(): void {
  // (A development build keeps the module script in the HTML, and names none here.)
  const src = document.querySelector<HTMLMetaElement>(APP_META)?.content;
  if (src) void import(/* @vite-ignore */ src);
}
