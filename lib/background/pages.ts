/**
 * What each LinkedIn tab shows, as reported by the always-on content script, and the in-page
 * panel's injection (only on profile and group pages, only when the user wants it in the page).
 */
import { browser } from 'wxt/browser';
import { MSG } from '../api/messages';
import { getDb } from '../db/db';
import { readSettings } from '../domain/settings';
import { broadcastChanged, senderKind } from './api-listener';
import { writeSettings } from '../domain/settings';
import { MSG_OPEN_SIDEPANEL, MSG_WANT_PANEL } from '../../components/panel/bridge';

export interface TabPage {
  url: string;
  page: { kind: 'profile'; slug: string } | { kind: 'group'; groupId: string } | { kind: 'other' };
  profile: unknown;
  group: unknown;
  missing: string[];
}

const STORAGE_KEY = 'tabPages';

async function readTabPages(): Promise<Record<string, TabPage>> {
  const got = await browser.storage.session.get(STORAGE_KEY).catch(() => ({}) as Record<string, unknown>);
  return ((got as Record<string, unknown>)[STORAGE_KEY] as Record<string, TabPage> | undefined) ?? {};
}

export async function getTabPage(tabId: number): Promise<TabPage | null> {
  return (await readTabPages())[String(tabId)] ?? null;
}

async function setTabPage(tabId: number, page: TabPage | null): Promise<void> {
  const all = await readTabPages();
  if (page) all[String(tabId)] = page;
  else delete all[String(tabId)];
  await browser.storage.session.set({ [STORAGE_KEY]: all }).catch(() => {});
}

function isTabPage(x: unknown): x is TabPage {
  const p = x as TabPage | null;
  return !!p && typeof p.url === 'string' && p.url.length < 5000 && !!p.page &&
    ['profile', 'group', 'other'].includes((p.page as { kind: string }).kind) && Array.isArray(p.missing);
}

export async function injectPanel(tabId: number): Promise<boolean> {
  try {
    // injectImmediately: the page has been parsed already (the content script reported it); do not wait for idle.
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/panel.js'], injectImmediately: true });
    return true;
  } catch (err) {
    console.warn('[rapport] could not inject the panel', err);
    return false;
  }
}

export function listenForPageViews(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (type === MSG.CS_PAGE_VIEW) {
      if (senderKind(sender) !== 'content' || sender.tab?.id == null) return undefined;
      const report = (message as { report?: unknown }).report;
      if (!isTabPage(report)) return undefined;
      const tabId = sender.tab.id;
      (async () => {
        // The panel's injection does not wait for the tab's record (the side panel's) to be stored.
        const stored = setTabPage(tabId, report).then(() => {
          browser.runtime.sendMessage({ type: MSG.BG_TAB_PAGE, tabId, report }).catch(() => {});
        });
        const settings = await readSettings(getDb());
        const wantsPanel = report.page.kind !== 'other' && settings.panelPlacement === 'page';
        const alreadyThere = (message as { panelLoaded?: boolean }).panelLoaded === true;
        if (wantsPanel && !alreadyThere) await injectPanel(tabId);
        await stored;
        sendResponse({ placement: settings.panelPlacement });
      })().catch(() => sendResponse({ placement: 'page' }));
      return true;
    }
    if (type === MSG_WANT_PANEL) {
      // A profile or group URL, before the page was read: inject now when the panel lives in the page.
      const tabId = sender.tab?.id;
      if (senderKind(sender) !== 'content' || tabId == null) return undefined;
      (async () => {
        const settings = await readSettings(getDb());
        const injected = settings.panelPlacement === 'page' && (await injectPanel(tabId));
        sendResponse({ injected, placement: settings.panelPlacement });
      })().catch(() => sendResponse({ injected: false, placement: 'page' }));
      return true;
    }
    if (type === MSG_OPEN_SIDEPANEL) {
      // From a click in the in-page panel: open the side panel for this tab and keep the panel there.
      const tabId = sender.tab?.id;
      if (senderKind(sender) !== 'content' || tabId == null) return undefined;
      const sidePanel = (browser as unknown as { sidePanel?: { open(o: { tabId: number }): Promise<void> } }).sidePanel;
      if (!sidePanel) { sendResponse({ ok: false }); return undefined; }
      // open() must run in the same turn as the user's gesture: no await before it.
      sidePanel.open({ tabId }).then(
        async () => {
          await writeSettings(getDb(), { panelPlacement: 'sidepanel', placementChosen: true });
          await broadcastChanged(['settings']);
          sendResponse({ ok: true });
        },
        (err) => { console.warn('[rapport] side panel did not open', err); sendResponse({ ok: false }); },
      );
      return true;
    }
    if (type === MSG.UI_GET_TAB_PAGE) {
      if (senderKind(sender) !== 'extension') return undefined;
      const tabId = (message as { tabId?: unknown }).tabId;
      if (typeof tabId !== 'number') return undefined;
      getTabPage(tabId).then(sendResponse, () => sendResponse(null));
      return true;
    }
    return undefined;
  });
  browser.tabs.onRemoved.addListener((tabId) => void setTabPage(tabId, null));
}
