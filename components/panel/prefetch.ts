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
import { EMPTY_PROFILE, type PageReport, fitToContact } from './bridge';

/** How long a prefetched answer may be used for. */
export const FRESH_MS = 3000;

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
 * Starts the reads the panel will make for this page: the profile (or group) lookup and, once a
 * saved contact is found, its editor's `contact.get` (the same view, so no second round trip).
 */
export function prefetchForPage(report: PageReport | null): void {
  if (!report) return;
  const input = lookupInput(report);
  if (input) {
    const startedAt = Date.now();
    void prefetch('contact.getForPage', input).then((res) => {
      if (!res.ok) return;
      const view = (res.data as { view?: { contact?: { id?: unknown } } | null }).view;
      const id = view?.contact?.id;
      if (typeof id !== 'number') return;
      const s = store(true)!;
      const key = prefetchKey('contact.get', { id });
      // Only if nothing changed since the lookup started (a broadcast clears the store).
      if (s.has(prefetchKey('contact.getForPage', input)) && !fresh(s.get(key))) {
        const entry: Entry = { at: startedAt, promise: Promise.resolve({ ok: true, data: view }), settled: { ok: true, data: view } };
        s.set(key, entry);
      }
    });
  } else if (report.page.kind === 'group') {
    void prefetch('group.getForPage', { groupId: report.page.groupId });
  }
}
