import { POPUP_BOOT, type PopupBoot, startBoot } from '../components/popup/boot';

/**
 * The popup's first script (popup.html loads it as a classic script at the top of <head>): starts
 * reading the first screen and draws it as plain DOM while the page and React load
 * (components/popup/boot.ts). No React, no Dexie, no zod.
 */
export default defineUnlistedScript(() => {
  const g = globalThis as typeof globalThis & { [POPUP_BOOT]?: PopupBoot };
  g[POPUP_BOOT] ??= startBoot();
});
