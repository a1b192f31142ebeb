/** The keyboard command `toggle-panel` (manifest `commands`): show or hide the in-page panel. */
import { browser } from 'wxt/browser';
import { MSG } from '../api/messages';

export function listenForCommands(): void {
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-panel') return;
    void (async () => {
      const target = tab?.id != null ? tab : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      if (target?.id == null || !target.url?.startsWith('https://www.linkedin.com/')) return;
      await browser.tabs.sendMessage(target.id, { type: MSG.BG_TOGGLE_PANEL }).catch(() => {});
    })();
  });
}
