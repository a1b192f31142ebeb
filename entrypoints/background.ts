import { z } from 'zod';
import { browser } from 'wxt/browser';
import { listenForApiCalls } from '../lib/background/api-listener';
import { listenForPageViews } from '../lib/background/pages';

z.config({ jitless: true }); // zod 4 probes eval(), which the extension CSP forbids

export default defineBackground(() => {
  listenForApiCalls();
  listenForPageViews();

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') {
      // First run: the welcome page asks for persistent storage and where the panel should live.
      void browser.tabs.create({ url: browser.runtime.getURL('/options.html#welcome') });
    }
  });
});
