/**
 * The in-page panel's frame: a fixed card at the right (or left) edge of LinkedIn's page that
 * collapses to a small tab, remembers its state (`settings.panelState`) and follows the current
 * page report from the content script.
 */
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { browser } from 'wxt/browser';
import { call } from '../../lib/api/client';
import { useApi } from '../useApi';
import { type RapportBridge, MSG_OPEN_SIDEPANEL, isPanelPage } from './bridge';
import { PanelBody } from './Panel';
import { Icon, Logo } from './ui';

export function InPagePanel({ bridge }: { bridge: RapportBridge }) {
  const [report, setReport] = useState(bridge.report);
  const settings = useApi('settings.get', {}, ['settings']).data;
  const [collapsed, setCollapsed] = useState<boolean | null>(null);
  const [side, setSide] = useState<'left' | 'right' | null>(null);
  const [sideNote, setSideNote] = useState<string | null>(null);
  const headRef = useRef<HTMLHeadingElement>(null);
  const tabRef = useRef<HTMLButtonElement>(null);
  const isCollapsed = collapsed ?? settings?.panelCollapsed ?? false;
  const atSide = side ?? settings?.panelSide ?? 'right';
  const focusNext = useRef<'head' | 'tab' | null>(null);

  const setOpen = (open: boolean, focus = true) => {
    setCollapsed(!open);
    if (focus) focusNext.current = open ? 'head' : 'tab';
    void call('settings.panelState', { panelCollapsed: !open }).catch(() => {});
  };
  const stateRef = useRef(isCollapsed);
  stateRef.current = isCollapsed;

  useEffect(() => {
    const unsubscribe = bridge.subscribe((e) => {
      // The next page's data has arrived (components/panel/prefetch): show it now, not a task later.
      if (e.type === 'report') flushSync(() => setReport(e.report));
      else setOpen(stateRef.current, true);
    });
    // The panel may be injected before the page was read: a report published before we subscribed.
    setReport(bridge.report);
    return unsubscribe;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge]);

  // Focus moves once the element to focus is rendered (a render in between, e.g. settings being
  // re-read after the collapsed state was saved, keeps the request instead of dropping it).
  useEffect(() => {
    const el = focusNext.current === 'head' ? headRef.current : focusNext.current === 'tab' ? tabRef.current : null;
    if (!el) return;
    el.focus();
    focusNext.current = null;
  });

  if (!isPanelPage(report) || settings?.panelPlacement === 'sidepanel') {
    focusNext.current = null; // no panel here: a pending focus must not jump into a later page
    return null;
  }
  if (!settings) return null;

  const flip = () => {
    const next = atSide === 'right' ? 'left' : 'right';
    setSide(next);
    void call('settings.panelState', { panelSide: next }).catch(() => {});
  };
  const openSidePanel = async () => {
    const res = (await browser.runtime.sendMessage({ type: MSG_OPEN_SIDEPANEL }).catch(() => null)) as { ok?: boolean } | null;
    if (!res?.ok) setSideNote('Your browser did not open the side panel. Use the Rapport toolbar button instead.');
  };

  if (isCollapsed) {
    return (
      <div className={`r-root r-tab-wrap r-${atSide}`} data-testid="rapport-panel" data-collapsed="true">
        <button ref={tabRef} type="button" className="r-tab" aria-label="Open the Rapport panel" title="Rapport (Alt+Shift+R)" onClick={() => setOpen(true)}>
          <Logo size={18} />
        </button>
      </div>
    );
  }
  return (
    <aside className={`r-root r-panel r-${atSide}`} data-testid="rapport-panel" aria-label="Rapport">
      <header className="r-bar">
        <h1 className="r-brand" ref={headRef} tabIndex={-1}><Logo /> Rapport</h1>
        <div className="r-bar-actions">
          <button type="button" className="r-icon-btn" aria-label={`Move the panel to the ${atSide === 'right' ? 'left' : 'right'}`} title="Move to the other side" onClick={flip}><Icon name="swap" /></button>
          {import.meta.env.BROWSER !== 'firefox' ? (
            <button type="button" className="r-icon-btn" aria-label="Open in the browser side panel" title="Open in side panel" onClick={() => void openSidePanel()}><Icon name="sidepanel" /></button>
          ) : null}
          <button type="button" className="r-icon-btn" aria-label="Collapse the Rapport panel" title="Collapse (Alt+Shift+R)" onClick={() => setOpen(false)}><Icon name="collapse" /></button>
        </div>
      </header>
      {sideNote ? <p className="r-notice r-notice-warn" role="alert">{sideNote}</p> : null}
      <div className="r-body">
        <PanelBody report={report} showPhoto />
      </div>
    </aside>
  );
}
