import { z } from 'zod';
import { browser } from 'wxt/browser';
import { broadcastChanged, listenForApiCalls } from '../lib/background/api-listener';
import { registerAlarms, withBadgeRefresh } from '../lib/background/alarms';
import { listenForPageViews, withPanelScriptSync } from '../lib/background/pages';
import { listenForCommands } from '../lib/background/commands';
import { watchWritesForSnapshot } from '../lib/background/first-screen';

z.config({ jitless: true }); // zod 4 probes eval(), which the extension CSP forbids

export default defineBackground(() => {
  watchWritesForSnapshot();
  listenForApiCalls(withPanelScriptSync(withBadgeRefresh(broadcastChanged)));
  registerAlarms();
  listenForPageViews();
  listenForCommands();

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') {
      // First run: the welcome page asks for persistent storage and where the panel should live.
      void browser.tabs.create({ url: browser.runtime.getURL('/options.html#welcome') });
    }
  });
});
