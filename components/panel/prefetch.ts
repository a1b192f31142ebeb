/**
 * Reads the in-page panel needs, started before the panel can ask for them: the always-on content
 * script starts the profile lookup as soon as it has read the page (while the background is still
 * injecting `panel.js`), the panel script starts `settings.get` before React mounts, and a lookup
 * that found the contact answers the editor's `contact.get` too. `useApi` takes a matching answer
 * instead of asking again.
 *
 * Safe against stale data: an answer is used only for the same op and input, only while young
 * (FRESH_MS), and every "data changed" broadcast drops them all (the content script and the panel
 * both clear the store when one arrives). Zod-, React- and Dexie-free: the content script imports it.
 * The store lives on the bridge's global, so both scripts of a tab share it; extension pages (popup,
 * options, side panel) have no bridge and never use it.
 */
import { callResult } from '../../lib/api/client';
import type { ApiResult } from '../../lib/api/messages';
import { EMPTY_PROFILE, type LinkedInPage, type PageReport, fitToContact } from './bridge';

/** How long a prefetched answer may be used for. */
export const FRESH_MS = 3000;

/**
 * How long the in-page panel waits for a new page's lookup before it shows the page anyway (with
 * "Loading…"): it mounts, or switches to the next person, once that person's data is there.
 */
export const PAGE_WAIT_MS = 250;

interface Entry {
  at: number;
  promise: Promise<ApiResult<unknown>>;
  /** Set once the answer arrived: lets the first render show it without waiting a tick. */
  settled?: ApiResult<unknown>;
}

type Store = Map<string, Entry>;

function store(create: boolean): Store | null {
  const g = globalThis as unknown as { __rapportPrefetch?: Store; __rapport?: unknown };
  if (g.__rapportPrefetch) return g.__rapportPrefetch;
  if (!create) return null;
  g.__rapportPrefetch = new Map();
  return g.__rapportPrefetch;
}

export function prefetchKey(op: string, input: unknown): string {
  return op + ' ' + JSON.stringify(input);
}

function fresh(entry: Entry | undefined): entry is Entry {
  return !!entry && Date.now() - entry.at <= FRESH_MS;
}

function put(key: string, promise: Promise<ApiResult<unknown>>): Entry {
  const s = store(true)!;
  const entry: Entry = { at: Date.now(), promise };
  s.set(key, entry);
  void promise.then((res) => {
    entry.settled = res;
    if (!res.ok && s.get(key) === entry) s.delete(key); // errors are asked again, not remembered
  });
  return entry;
}

/** Starts `op(input)` now unless a fresh answer (or request) for it is already there. */
export function prefetch(op: string, input: unknown): Promise<ApiResult<unknown>> {
  const key = prefetchKey(op, input);
  const had = store(true)!.get(key);
  if (fresh(had)) return had.promise;
  return put(key, callResult(op as never, input as never) as Promise<ApiResult<unknown>>).promise;
}

/** A fresh prefetched answer (or request in flight) for `op(input)`, if any. */
export function takePrefetched(op: string, input: unknown): Entry | null {
  const s = store(false);
  if (!s) return null;
  const key = prefetchKey(op, input);
  const entry = s.get(key);
  if (fresh(entry)) return entry;
  if (entry) s.delete(key);
  return null;
}

/** Data changed somewhere: nothing prefetched may be used any more. */
export function clearPrefetched(): void {
  store(false)?.clear();
}

/** The input the profile panel gives `contact.getForPage` (ProfilePanel: the slug and the page's name as fitted to a contact). */
export function lookupInput(report: PageReport): { slug: string; name: string | null } | null {
  if (report.page.kind !== 'profile') return null;
  return { slug: report.page.slug, name: fitToContact(report.profile ?? EMPTY_PROFILE).name };
}

/**
 * The lookups that need only the URL, started as soon as the URL is known — the content script at
 * document_start, or when LinkedIn's single-page app changes the URL, before the page shows who it
 * is: a group's, and a profile's by slug alone. `prefetchForPage` takes that answer for the page's
 * lookup when it found a saved contact (the page's name only serves to find a possible match for a
 * person not saved yet; a saved contact's answer does not depend on it).
 */
export function prefetchForUrl(page: LinkedInPage): void {
  if (page.kind === 'profile') void prefetch('contact.getForPage', { slug: page.slug });
  else if (page.kind === 'group') void prefetch('group.getForPage', { groupId: page.groupId });
}

/** The lookup for `input`, from the slug-only lookup when that found the contact (or no name is known). */
function lookupFor(input: { slug: string; name: string | null }): { promise: Promise<ApiResult<unknown>>; at: number } {
  const s = store(true)!;
  const had = s.get(prefetchKey('contact.getForPage', input));
  if (fresh(had)) return had;
  const bySlugKey = prefetchKey('contact.getForPage', { slug: input.slug });
  const bySlug = s.get(bySlugKey);
  if (!fresh(bySlug)) return put(prefetchKey('contact.getForPage', input), callResult('contact.getForPage', input) as Promise<ApiResult<unknown>>);
  const entry = put(prefetchKey('contact.getForPage', input), bySlug.promise.then((res) => {
    const found = res.ok && (res.data as { view?: unknown }).view != null;
    // (Nothing changed since, or the broadcast would have dropped the slug-only answer.)
    if (res.ok && (found || input.name === null) && s.get(bySlugKey) === bySlug) return res;
    return callResult('contact.getForPage', input) as Promise<ApiResult<unknown>>;
  }));
  entry.at = bySlug.at; // as old as the answer it may be
  return entry;
}

/**
 * Starts the reads the panel will make for this page: the profile (or group) lookup and, once a
 * saved contact is found, its editor's `contact.get` (the same view, so no second round trip).
 * Resolves once they are answered (or failed), never rejects: the panel can then render the page
 * in one go instead of showing "Loading…" first. Calling it again while the answer is fresh
 * starts nothing new.
 */
export function prefetchForPage(report: PageReport | null): Promise<void> {
  if (!report) return Promise.resolve();
  const input = lookupInput(report);
  if (input) {
    const lookup = lookupFor(input);
    return lookup.promise.then((res) => {
      if (!res.ok) return;
      const view = (res.data as { view?: { contact?: { id?: unknown } } | null }).view;
      const id = view?.contact?.id;
      if (typeof id !== 'number') return;
      const s = store(true)!;
      const key = prefetchKey('contact.get', { id });
      // Only if nothing changed since the lookup started (a broadcast clears the store).
      if (s.has(prefetchKey('contact.getForPage', input)) && !fresh(s.get(key))) {
        const entry: Entry = { at: lookup.at, promise: Promise.resolve({ ok: true, data: view }), settled: { ok: true, data: view } };
        s.set(key, entry);
      }
    }, () => {});
  }
  if (report.page.kind === 'group') return prefetch('group.getForPage', { groupId: report.page.groupId }).then(() => {}, () => {});
  return Promise.resolve();
}

/**
 * Resolves when `ready` settles or after `maxMs`, whichever comes first (a slow answer — the
 * service worker waking up — must not hold the panel back for long).
 */
export function settledWithin(ready: Promise<unknown>, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxMs);
    void ready.then(() => { clearTimeout(timer); resolve(); }, () => { clearTimeout(timer); resolve(); });
  });
}
