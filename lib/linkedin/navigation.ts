/**
 * LinkedIn is a single-page app: the URL changes before the new page renders. This watcher is told
 * about URL changes (`watchLocation` below, back/forward `popstate`) and reports the page once
 * the DOM shows it — the top card names the new slug, or shows a new name when the page does not
 * name its owner — or, after a timeout, from the URL alone. Rapid A→B→C reports C only; hash- and
 * query-only changes on the same profile or group report nothing.
 *
 * Independent of WXT (the content script adapts its `ctx`), so it is unit-testable with jsdom.
 */
import { detectPage, samePage, type LinkedInPage } from './detect';
import { describeReading } from './diagnostics';
import { extractGroup, PROFILE_FIELDS, readProfile, type GroupSnapshot, type ProfileSnapshot } from './extract';

export interface WatchContext {
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout?(id: number): void;
  addEventListener(target: EventTarget, type: string, fn: (event: Event) => void): void;
  onInvalidated?(fn: () => void): void;
}

export type PageReport = {
  url: string;
  page: LinkedInPage;
  profile: ProfileSnapshot | null;
  group: GroupSnapshot | null;
  /** Fields that could not be read (all but the slug/id when only the URL was used). */
  missing: string[];
  /**
   * 'rendered': read from the new page's DOM; 'timeout': the DOM never showed it, URL only;
   * 'url': provisional, from the URL while the page is still being waited for (`onProvisional`).
   */
  via: 'rendered' | 'timeout' | 'url';
  /** Copyable extractor report when profile fields are missing; no personal data. */
  diagnostics?: string;
};

export interface WatchOptions {
  doc: Document;
  getUrl(): string;
  onPage(report: PageReport): void;
  /**
   * A new page's URL is known, its DOM not read yet (called before `onPage`, once per new page):
   * work that needs only the URL (injecting the panel) can start while the page renders.
   */
  onUrl?(page: LinkedInPage, url: string): void;
  /** Give up waiting for the new page's DOM after this long and report from the URL (default 1500). */
  timeoutMs?: number;
  /**
   * A profile or group page that has not shown who it is after `provisionalMs` (a slow page, or
   * markup Rapport cannot read): its URL-only report, via 'url', while the wait goes on (`onPage`
   * still follows, read from the DOM or after `timeoutMs`). Lets a panel show the saved person at
   * once instead of after the whole timeout, or a stale person meanwhile.
   */
  onProvisional?(report: PageReport): void;
  /** When `onProvisional` is called (default 700 ms after the URL; never after `timeoutMs`). */
  provisionalMs?: number;
  /** Re-check the DOM this often while waiting, besides DOM mutations (default 200). */
  pollMs?: number;
  /** Call `cb` on DOM changes; returns a disconnect function. Default: a MutationObserver on `doc`. */
  observe?(cb: () => void): () => void;
  /** Where `popstate` is listened for (default: the document's window). */
  history?: EventTarget;
}

export interface PageWatcher {
  /** A new URL is (about to be) shown: wait for it to render, then report. Defaults to getUrl(). */
  check(url?: string): void;
  stop(): void;
}

interface Pending {
  url: string;
  page: LinkedInPage;
  /** Name shown by the previously reported page: a still-visible old top card is not the new page. */
  previousName: string | null;
}

function observeMutations(doc: Document): (cb: () => void) => () => void {
  return (cb) => {
    const Observer = doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
    if (typeof Observer !== 'function') return () => {};
    const observer = new Observer(() => cb());
    observer.observe(doc.documentElement ?? doc, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  };
}

const isMemberId = (slug: string) => /^acoa[a-z0-9_-]{20,}$/i.test(slug);

/** The report for `pending` if the DOM now shows that page, else null. */
function readRendered(doc: Document, pending: Pending): PageReport | null {
  const { url, page, previousName } = pending;
  if (page.kind === 'profile') {
    const reading = readProfile(doc, url);
    if (reading.verdict === 'wall-or-error-page') {
      return { url, page, profile: null, group: null, missing: [...PROFILE_FIELDS], via: 'rendered' };
    }
    const snapshot = reading.snapshot;
    if (snapshot === null || (reading.verdict !== 'top-card' && reading.verdict !== 'embedded-json')) return null;
    const named = reading.pageSlug !== null && !isMemberId(page.slug);
    if (named ? reading.pageSlug !== page.slug : snapshot.name === previousName) return null;
    const missing = PROFILE_FIELDS.filter((field) => snapshot[field] === null);
    const report: PageReport = { url, page, profile: snapshot, group: null, missing, via: 'rendered' };
    if (missing.length > 0) report.diagnostics = describeReading(doc, url, reading).report;
    return report;
  }
  if (page.kind === 'group') {
    const group = extractGroup(doc, url);
    if (group === null || group.name === null || group.name === previousName) return null;
    const missing = (['name', 'memberCount', 'description'] as const).filter((field) => group[field] === null);
    return { url, page, profile: null, group, missing, via: 'rendered' };
  }
  return { url, page, profile: null, group: null, missing: [], via: 'rendered' };
}

/** The report when the new page never rendered recognisably: the URL alone. */
function fromUrl(pending: Pending, via: 'timeout' | 'url' = 'timeout'): PageReport {
  const { url, page } = pending;
  if (page.kind === 'profile') {
    const profile: ProfileSnapshot = { slug: page.slug, name: null, headline: null, location: null, company: null, degree: null, photoUrl: null };
    return { url, page, profile, group: null, missing: PROFILE_FIELDS.filter((f) => f !== 'slug'), via };
  }
  if (page.kind === 'group') {
    const group: GroupSnapshot = { groupId: page.groupId, name: null, memberCount: null, description: null };
    return { url, page, profile: null, group, missing: ['name', 'memberCount', 'description'], via };
  }
  return { url, page, profile: null, group: null, missing: [], via };
}

function shownName(report: PageReport): string | null {
  return report.profile?.name ?? report.group?.name ?? null;
}

export function watchPages(ctx: WatchContext, opts: WatchOptions): PageWatcher {
  const { doc, getUrl, onPage } = opts;
  const timeoutMs = opts.timeoutMs ?? 1500;
  const pollMs = opts.pollMs ?? 200;
  const provisionalMs = opts.provisionalMs ?? 700;
  const observe = opts.observe ?? observeMutations(doc);

  let last: PageReport | null = null;
  let pending: Pending | null = null;
  let generation = 0;
  let timers: number[] = [];
  let disconnect: (() => void) | null = null;
  let stopped = false;

  const later = (fn: () => void, ms: number, gen: number): void => {
    timers.push(ctx.setTimeout(() => gen === generation && !stopped && fn(), ms));
  };

  function cancel(): void {
    generation++;
    pending = null;
    for (const id of timers) ctx.clearTimeout?.(id);
    timers = [];
    disconnect?.();
    disconnect = null;
  }

  function publish(report: PageReport): void {
    cancel();
    last = report;
    onPage(report);
  }

  function attempt(): void {
    if (!pending) return;
    let report: PageReport | null = null;
    try {
      report = readRendered(doc, pending);
    } catch {
      report = null; // keep waiting; the deadline still reports from the URL
    }
    if (report) publish(report);
  }

  function poll(gen: number): void {
    attempt();
    if (pending && gen === generation) later(() => poll(gen), pollMs, gen);
  }

  function check(url: string = safeUrl()): void {
    if (stopped) return;
    const page = detectPage(url);
    if (pending && samePage(pending.page, page)) {
      pending.url = url; // same page, new hash/query: keep waiting
      return;
    }
    if (!pending && last && samePage(last.page, page)) return;
    const previousName = last ? shownName(last) : null;
    cancel();
    if (last && samePage(last.page, page)) return; // went back to the page already shown
    const next: Pending = { url, page, previousName };
    pending = next;
    try {
      opts.onUrl?.(page, url);
    } catch {
      // the caller's problem; the page is still read and reported
    }
    if (pending !== next) return; // onUrl navigated or stopped the watcher
    attempt();
    if (pending !== next) return;
    const gen = generation;
    // Mutation callbacks come once per batch of changes (a microtask after the task that made
    // them): the page is read right then, not a task later.
    disconnect = observe(() => {
      if (gen !== generation || stopped) return;
      attempt();
    });
    later(() => poll(gen), pollMs, gen);
    if (opts.onProvisional && next.page.kind !== 'other' && provisionalMs < timeoutMs) {
      later(() => {
        if (pending !== next) return;
        try {
          opts.onProvisional?.(fromUrl(next, 'url'));
        } catch {
          // the caller's problem; the wait for the page goes on
        }
      }, provisionalMs, gen);
    }
    later(() => pending === next && publish(fromUrl(next)), timeoutMs, gen);
  }

  function safeUrl(): string {
    try {
      return getUrl();
    } catch {
      return '';
    }
  }

  function stop(): void {
    cancel();
    stopped = true;
  }

  const history = opts.history ?? doc.defaultView;
  if (history) ctx.addEventListener(history, 'popstate', () => check());
  ctx.onInvalidated?.(stop);
  check();
  return { check, stop };
}

/** What `watchLocation` needs of the page (the content script's own `navigation`, `location`, timers). */
export interface LocationSource {
  /** The Navigation API (Chromium; absent in some browsers): its `navigate` event names the destination. */
  navigation?: { addEventListener(type: 'navigate', fn: (event: { destination: { url: string } }) => void, options: { signal: AbortSignal }): void } | null;
  href(): string;
  /** A repeating timer that ends with the script (the fallback without the Navigation API). */
  setInterval(fn: () => void, ms: number): unknown;
  /** Aborted when the script is invalidated (extension updated or removed). */
  signal: AbortSignal;
}

/**
 * Calls `onChange(url)` when the page's URL is about to change (LinkedIn's single-page navigation,
 * back/forward, a full load): from the Navigation API's `navigate` event, which comes before the new
 * page renders, or else by checking the URL once a second. The same as WXT's `wxt:locationchange`,
 * but it dispatches nothing: WXT announces each change as an event on LinkedIn's `window`, named
 * after the extension's id, which LinkedIn's own scripts can listen for and so tell that Rapport is
 * installed (security-hostile.spec.ts checks that the page hears nothing).
 */
export function watchLocation(src: LocationSource, onChange: (url: string) => void): void {
  let last = src.href();
  const seen = (url: string) => {
    if (src.signal.aborted || url === last) return;
    last = url;
    onChange(url);
  };
  if (typeof src.navigation?.addEventListener === 'function') {
    src.navigation.addEventListener('navigate', (event) => seen(event.destination.url), { signal: src.signal });
  } else {
    src.setInterval(() => seen(src.href()), 1000);
  }
}
