/**
 * Mounts the in-page panel: a fixed host element on LinkedIn's page, a closed shadow root (open in
 * the e2e build), the CSS inlined as a <style> inside it. No extension URL ever enters the page.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import themeCss from '../theme.css?inline';
import panelCss from './panel.css?inline';
import type { RapportBridge } from './bridge';
import { InPagePanel } from './InPagePanel';

export const HOST_ID = 'rapport-panel-host';

export function mountInPage(bridge: RapportBridge): () => void {
  document.getElementById(HOST_ID)?.remove();
  const host = document.createElement('div');
  host.id = HOST_ID;
  // Zero-size, fixed, on top: the panel inside positions itself against the viewport.
  host.setAttribute('style', 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483000;');
  const shadow = host.attachShadow({ mode: __RAPPORT_E2E__ ? 'open' : 'closed' });
  const style = document.createElement('style');
  style.textContent = themeCss + '\n' + panelCss;
  shadow.appendChild(style);
  const container = document.createElement('div');
  container.className = 'r-container';
  shadow.appendChild(container);
  // Keys typed in the panel are ours: don't let LinkedIn's shortcuts see them.
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation());
  const root = createRoot(container);
  // Rendered before the host enters the page, in one go: the page sees one insertion, the panel in it
  // (what the first render can show — settings, the page's lookup — has been prefetched).
  flushSync(() => root.render(<InPagePanel bridge={bridge} />));
  // Outside <body>: LinkedIn (a single-page app) re-renders the body freely.
  document.documentElement.appendChild(host);
  // Put the host back if the page removes it.
  const observer = new MutationObserver(() => {
    if (!host.isConnected) document.documentElement.appendChild(host);
  });
  observer.observe(document.documentElement, { childList: true });
  return () => {
    observer.disconnect();
    root.unmount();
    host.remove();
  };
}
