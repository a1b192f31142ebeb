/**
 * The state the always-on content script shares with the injected panel script. Both run in the
 * same isolated world of a LinkedIn tab, so they meet on a global (`globalThis.__rapport`).
 * Zod-, React- and Dexie-free: the content script imports this file.
 */

/** What the page shows, as the content script read it (lib/linkedin's navigation watcher report). */
export interface ProfileSnapshot {
  slug: string | null; name: string | null; headline: string | null; location: string | null;
  company: string | null; degree: '1st' | '2nd' | '3rd' | null; photoUrl: string | null;
}
export interface GroupSnapshot { groupId: string; name: string | null; memberCount: number | null; description: string | null }
export type LinkedInPage = { kind: 'profile'; slug: string } | { kind: 'group'; groupId: string } | { kind: 'other' };

export interface PageReport {
  url: string;
  page: LinkedInPage;
  profile: ProfileSnapshot | null;
  group: GroupSnapshot | null;
  /** Fields the extractor could not read. */
  missing: string[];
  /**
   * 'timeout': the page never showed the person, only the URL was read. 'url': the page has not
   * shown who it is yet (provisional: the report read from the page follows).
   */
  via?: 'rendered' | 'timeout' | 'url';
  /** The extractor's report (selectors tried, which matched): no personal data. */
  diagnostics?: unknown;
}

export type BridgeEvent = { type: 'report'; report: PageReport | null } | { type: 'toggle' };

export interface RapportBridge {
  report: PageReport | null;
  /** True once the panel script has run in this tab (the background then does not inject it again). */
  panelLoaded: boolean;
  publish(report: PageReport | null): void;
  toggle(): void;
  subscribe(fn: (e: BridgeEvent) => void): () => void;
}

export function getBridge(): RapportBridge {
  const g = globalThis as unknown as { __rapport?: RapportBridge };
  if (g.__rapport) return g.__rapport;
  const listeners = new Set<(e: BridgeEvent) => void>();
  const bridge: RapportBridge = {
    report: null,
    panelLoaded: false,
    publish(report) {
      bridge.report = report;
      listeners.forEach((l) => l({ type: 'report', report }));
    },
    toggle() {
      listeners.forEach((l) => l({ type: 'toggle' }));
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
  g.__rapport = bridge;
  return bridge;
}

/** Whether the panel has anything to show for this page. */
export const EMPTY_PROFILE: ProfileSnapshot = { slug: null, name: null, headline: null, location: null, company: null, degree: null, photoUrl: null };

/**
 * Page text longer than a contact can hold (a hostile or broken page: a 100 KB headline) is
 * shortened, so that the person can still be looked up and saved; a too-long photo URL is dropped.
 */
export function fitToContact(p: ProfileSnapshot): ProfileSnapshot {
  const clip = (s: string | null, max: number) => (s !== null && s.length > max ? s.slice(0, max - 1) + '…' : s);
  return {
    ...p, name: clip(p.name, 300), headline: clip(p.headline, 1000), location: clip(p.location, 300), company: clip(p.company, 300),
    photoUrl: p.photoUrl !== null && p.photoUrl.length > 4000 ? null : p.photoUrl,
  };
}

export function isPanelPage(report: PageReport | null): boolean {
  return !!report && (report.page.kind === 'profile' || report.page.kind === 'group');
}

/**
 * cs → bg: this tab shows a profile or group URL (its DOM may not be read yet): inject the panel now
 * if the user wants it in the page. `documentStart` (epoch ms, the document's time origin) is sent
 * for the URL the document was loaded with: the background's registered panel script may be
 * running there already (lib/background/pages.ts). Answer: `{ injected: boolean, placement }`.
 */
export const MSG_WANT_PANEL = 'rapport:cs-want-panel';

/** panel → bg: open the browser's side panel for this tab (from a click, so Chrome allows it). */
export const MSG_OPEN_SIDEPANEL = 'rapport:ui-open-sidepanel';
