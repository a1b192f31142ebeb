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

/**
 * While the panel lives in the page, the background registers `/panel.js` as a dynamic content
 * script on profile and group URLs: a full page load then runs it with the always-on script (no
 * round trip to the background, no injection). It is unregistered while the panel lives in the
 * side panel (the page stays untouched). `injectPanel` stays for SPA navigations from other pages
 * and as the fallback; the panel script mounts once per tab whichever way it came.
 */
export const PANEL_SCRIPT_ID = 'rapport-panel';
export const PANEL_SCRIPT_MATCHES = ['https://www.linkedin.com/in/*', 'https://www.linkedin.com/groups/*'];

interface RegisteredScript { id: string; matches?: string[]; js?: string[]; runAt?: string }
interface DynamicScripting {
  registerContentScripts(scripts: Array<RegisteredScript & { persistAcrossSessions?: boolean; allFrames?: boolean }>): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<RegisteredScript[]>;
}

const PANEL_SCRIPT = {
  id: PANEL_SCRIPT_ID,
  matches: PANEL_SCRIPT_MATCHES,
  js: ['panel.js'],
  // Compiled while the page is parsed (the script waits for the content script's report of the page).
  runAt: 'document_start',
  allFrames: false,
  persistAcrossSessions: true,
};

/** Whole-document URLs the registered script runs on (the match patterns above). */
const PANEL_SCRIPT_URL = /^https:\/\/www\.linkedin\.com\/(?:in|groups)\//;
/**
 * A document that started loading this long after the registration surely runs the script (the
 * registration reaches the tabs' processes asynchronously); one that started earlier gets the
 * panel injected (if both come, the panel script runs once: `bridge.panelLoaded`).
 */
export const REGISTRATION_MARGIN_MS = 1000;
const SINCE_KEY = 'panelScriptSince';

/** Resolves to the time (epoch ms; 0: before this browser session) since which the script is registered, or null. */
let syncing: Promise<number | null> = Promise.resolve(null);

/**
 * Makes the registration follow `settings.panelPlacement` (read now unless given). Serialized: the
 * calls at start-up and on settings changes never race. Never throws (no dynamic scripts, e.g. an
 * old Firefox: the injection path still works).
 */
export function syncPanelScript(placement?: 'page' | 'sidepanel'): Promise<number | null> {
  syncing = syncing.then(async () => {
    const scripting = browser.scripting as unknown as Partial<DynamicScripting> | undefined;
    if (!scripting?.registerContentScripts || !scripting.getRegisteredContentScripts || !scripting.unregisterContentScripts) return null;
    try {
      const want = (placement ?? (await readSettings(getDb())).panelPlacement) === 'page';
      const have = await scripting.getRegisteredContentScripts({ ids: [PANEL_SCRIPT_ID] });
      const current = have.length === 1 && sameScript(have[0]!);
      if (have.length && (!want || !current)) await scripting.unregisterContentScripts({ ids: [PANEL_SCRIPT_ID] });
      if (!want) {
        await browser.storage.session.remove(SINCE_KEY).catch(() => {});
        return null;
      }
      if (!current) {
        await scripting.registerContentScripts([PANEL_SCRIPT]);
        const since = Date.now();
        await browser.storage.session.set({ [SINCE_KEY]: since }).catch(() => {});
        return since;
      }
      // Registered already: by this worker's earlier life in this session, or in an earlier session.
      const got = await browser.storage.session.get(SINCE_KEY).catch(() => ({}) as Record<string, unknown>);
      const since = (got as Record<string, unknown>)[SINCE_KEY];
      return typeof since === 'number' ? since : 0;
    } catch (err) {
      console.warn('[rapport] could not register the panel script', err);
      return null;
    }
  });
  return syncing;
}

/**
 * Whether the registered panel script runs in a document that started loading at `documentStart`
 * (epoch ms) at `url` — then the background need not inject the panel there.
 */
export async function registeredPanelRuns(url: string | undefined, documentStart: unknown): Promise<boolean> {
  if (typeof documentStart !== 'number' || !PANEL_SCRIPT_URL.test(url ?? '')) return false;
  const since = await syncing;
  return since !== null && since + REGISTRATION_MARGIN_MS <= documentStart;
}

function sameScript(s: RegisteredScript): boolean {
  const js = (s.js ?? []).map((f) => f.replace(/^\//, ''));
  // (Chrome answers the patterns in its own order.)
  return js.join() === PANEL_SCRIPT.js.join() && [...(s.matches ?? [])].sort().join() === [...PANEL_SCRIPT.matches].sort().join() &&
    (s.runAt ?? 'document_idle') === PANEL_SCRIPT.runAt;
}

/** Wraps the data API's change callback: a settings change re-syncs the panel script's registration. */
export function withPanelScriptSync<T extends string>(next: (tables: T[]) => void): (tables: T[]) => void {
  return (tables) => {
    if (tables.includes('settings' as T)) void syncPanelScript();
    next(tables);
  };
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
  // Every start of the worker (install, update, browser start, wake-up): cheap when already in sync.
  void syncPanelScript();
  // Chrome drops dynamic content scripts when the extension is updated.
  browser.runtime.onInstalled.addListener(() => void syncPanelScript());
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
        if (settings.panelPlacement !== 'page') return sendResponse({ injected: false, placement: settings.panelPlacement });
        // A full page load of a profile or group runs the registered panel script: nothing to inject.
        const documentStart = (message as { documentStart?: unknown }).documentStart;
        if (await registeredPanelRuns(sender.url, documentStart)) return sendResponse({ injected: true, registered: true, placement: 'page' });
        sendResponse({ injected: await injectPanel(tabId), placement: 'page' });
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
          await syncPanelScript('sidepanel');
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
