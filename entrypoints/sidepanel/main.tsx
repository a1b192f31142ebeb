import { z } from 'zod';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import '../../components/panel/panel.css';
import { call } from '../../lib/api/client';
import { MSG } from '../../lib/api/messages';
import type { PageReport } from '../../components/panel/bridge';
import { PanelBody } from '../../components/panel/Panel';
import { Logo } from '../../components/panel/ui';
import { useApi } from '../../components/useApi';

z.config({ jitless: true });

/** `?tabId=N` pins the side panel to one tab (tests; also handy when opened as a page). */
const pinnedTab = (() => {
  const v = Number(new URLSearchParams(location.search).get('tabId'));
  return Number.isInteger(v) && v > 0 ? v : null;
})();

function useActiveTab(): number | null {
  const [tabId, setTabId] = useState<number | null>(pinnedTab);
  useEffect(() => {
    if (pinnedTab) return;
    let windowId: number | undefined;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => {
      windowId = t?.windowId;
      setTabId(t?.id ?? null);
    });
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, []);
  return tabId;
}

function useTabReport(tabId: number | null): PageReport | null | undefined {
  const [report, setReport] = useState<PageReport | null | undefined>(undefined);
  useEffect(() => {
    if (tabId == null) { setReport(null); return; }
    let live = true;
    setReport(undefined);
    void browser.runtime.sendMessage({ type: MSG.UI_GET_TAB_PAGE, tabId }).then(
      (r) => { if (live) setReport((r as PageReport | null) ?? null); },
      () => { if (live) setReport(null); },
    );
    const onMessage = (m: unknown) => {
      const msg = m as { type?: string; tabId?: number; report?: PageReport } | null;
      if (msg?.type === MSG.BG_TAB_PAGE && msg.tabId === tabId) setReport(msg.report ?? null);
      return undefined;
    };
    // Leaving LinkedIn in this tab: nothing to show.
    const onUpdated = (id: number, change: { url?: string }) => {
      if (id === tabId && change.url && !change.url.startsWith('https://www.linkedin.com/')) setReport(null);
    };
    browser.runtime.onMessage.addListener(onMessage);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      live = false;
      browser.runtime.onMessage.removeListener(onMessage);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId]);
  return report;
}

function SidePanelApp() {
  const tabId = useActiveTab();
  const report = useTabReport(tabId);
  const settings = useApi('settings.get', {}, ['settings']).data;
  const [busy, setBusy] = useState(false);
  const backToPage = async () => {
    setBusy(true);
    try {
      await call('settings.update', { panelPlacement: 'page', placementChosen: true });
      if (tabId != null) await browser.tabs.sendMessage(tabId, { type: MSG.BG_PLACEMENT, placement: 'page' }).catch(() => {});
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="r-sidepanel" data-testid="rapport-panel">
      <header className="r-bar">
        <h1 className="r-brand"><Logo /> Rapport</h1>
        {settings?.panelPlacement === 'sidepanel' ? (
          <button type="button" className="r-btn r-btn-sm" disabled={busy} onClick={() => void backToPage()}>Show in the page instead</button>
        ) : null}
      </header>
      <main className="r-body">
        {report === undefined ? <p className="r-muted">Loading…</p> : <PanelBody report={report} showPhoto={false} />}
      </main>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<SidePanelApp />);
