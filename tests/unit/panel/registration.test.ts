/**
 * The in-page panel script is registered as a content script (a full page load of a profile or group
 * then shows the panel without a round trip) exactly while the user wants the panel in the page.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDb, setDbForTests, type RapportDB } from '../../../lib/db/db';
import { writeSettings } from '../../../lib/domain/settings';
import {
  PANEL_SCRIPT_ID, REGISTRATION_MARGIN_MS, registeredPanelRuns, syncPanelScript, withPanelScriptSync,
} from '../../../lib/background/pages';

interface Script { id: string; matches?: string[]; js?: string[]; runAt?: string; persistAcrossSessions?: boolean }

/** A browser's dynamic content scripts, as chrome.scripting keeps them. */
function fakeScripting() {
  const registered = new Map<string, Script>();
  const api = {
    registered,
    registerContentScripts: vi.fn(async (scripts: Script[]) => {
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.set(s.id, { ...s });
      }
    }),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
      for (const id of ids) if (!registered.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
    }),
    getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => ids.flatMap((id) => (registered.has(id) ? [registered.get(id)!] : []))),
    executeScript: vi.fn(async () => []),
  };
  (fakeBrowser as unknown as { scripting: unknown }).scripting = api;
  return api;
}

const PROFILE = 'https://www.linkedin.com/in/ada-example/';

describe('the panel script registration follows the placement setting', () => {
  let db: RapportDB;
  beforeEach(() => {
    db = createDb('test-' + crypto.randomUUID());
    setDbForTests(db);
  });
  afterEach(() => {
    setDbForTests(null);
    vi.useRealTimers();
  });

  it('registers panel.js on profile and group pages while the panel lives in the page, once', async () => {
    const scripting = fakeScripting();
    await syncPanelScript();
    await syncPanelScript(); // every wake-up of the worker syncs again: nothing changes
    expect(scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    expect([...scripting.registered.values()]).toEqual([expect.objectContaining({
      id: PANEL_SCRIPT_ID,
      js: ['panel.js'],
      matches: ['https://www.linkedin.com/in/*', 'https://www.linkedin.com/groups/*'],
      runAt: 'document_start',
      persistAcrossSessions: true,
    })]);
  });

  it('unregisters when the user moves the panel to the side panel, and registers again when it comes back', async () => {
    const scripting = fakeScripting();
    const onChanged = vi.fn();
    const notify = withPanelScriptSync(onChanged);
    await syncPanelScript();
    expect(scripting.registered.has(PANEL_SCRIPT_ID)).toBe(true);

    await writeSettings(db, { panelPlacement: 'sidepanel' });
    notify(['settings']); // what the data API calls after settings.update
    expect(onChanged).toHaveBeenCalledWith(['settings']);
    await syncPanelScript(); // (waits for the sync the change started)
    expect(scripting.registered.has(PANEL_SCRIPT_ID)).toBe(false);
    expect(await registeredPanelRuns(PROFILE, Date.now() + 60_000)).toBe(false);

    notify(['contacts']); // other changes leave the registration alone
    await writeSettings(db, { panelPlacement: 'page' });
    notify(['settings']);
    await syncPanelScript();
    expect(scripting.registered.has(PANEL_SCRIPT_ID)).toBe(true);
    expect(scripting.registerContentScripts).toHaveBeenCalledTimes(2);
  });

  it('replaces a registration of another version (other file, patterns or timing)', async () => {
    const scripting = fakeScripting();
    scripting.registered.set(PANEL_SCRIPT_ID, { id: PANEL_SCRIPT_ID, js: ['old-panel.js'], matches: ['https://www.linkedin.com/in/*'], runAt: 'document_idle' });
    await syncPanelScript();
    expect(scripting.registered.get(PANEL_SCRIPT_ID)).toMatchObject({ js: ['panel.js'], runAt: 'document_start' });
    expect(scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    // The browser answers with its own order of patterns and a leading slash: still the same script.
    scripting.registered.set(PANEL_SCRIPT_ID, { id: PANEL_SCRIPT_ID, js: ['/panel.js'], matches: ['https://www.linkedin.com/groups/*', 'https://www.linkedin.com/in/*'], runAt: 'document_start' });
    await syncPanelScript();
    expect(scripting.registerContentScripts).toHaveBeenCalledTimes(1);
  });

  it('tells which documents run the registered script, so the background injects the panel only where it does not', async () => {
    fakeScripting();
    const registeredAt = Date.now();
    await syncPanelScript('page');
    const later = registeredAt + REGISTRATION_MARGIN_MS + 50;
    expect(await registeredPanelRuns(PROFILE, later)).toBe(true);
    expect(await registeredPanelRuns('https://www.linkedin.com/groups/4242/', later)).toBe(true);
    // A document that was loading while the script was being registered may have missed it.
    expect(await registeredPanelRuns(PROFILE, registeredAt - 10)).toBe(false);
    // A navigation inside the single-page app (no document start sent), or a page the patterns miss.
    expect(await registeredPanelRuns(PROFILE, undefined)).toBe(false);
    expect(await registeredPanelRuns('https://www.linkedin.com/feed/', later)).toBe(false);
    expect(await registeredPanelRuns('https://www.linkedin.com/groups?gid=4242', later)).toBe(false);
  });

  it('a registration from an earlier browser session counts for every document', async () => {
    const scripting = fakeScripting();
    await syncPanelScript('page');
    await fakeBrowser.storage.session.clear(); // the browser restarted; registered scripts persist
    expect(await syncPanelScript()).toBe(0);
    expect(await registeredPanelRuns(PROFILE, Date.now() - 5000)).toBe(true);
    expect(scripting.registerContentScripts).toHaveBeenCalledTimes(1);
  });

  it('without dynamic content scripts (an older browser) nothing is registered and the panel is injected', async () => {
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript: vi.fn(async () => []) };
    expect(await syncPanelScript()).toBeNull();
    expect(await registeredPanelRuns(PROFILE, Date.now() + 60_000)).toBe(false);
  });

  it('a browser that refuses the registration leaves the injection path in charge', async () => {
    const scripting = fakeScripting();
    scripting.registerContentScripts.mockRejectedValueOnce(new Error('Invalid script'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await syncPanelScript('page')).toBeNull();
    expect(await registeredPanelRuns(PROFILE, Date.now() + 60_000)).toBe(false);
    warn.mockRestore();
  });
});
