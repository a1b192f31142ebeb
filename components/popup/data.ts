/**
 * What the popup reads, straight from Dexie through indexes (live: re-renders on every change).
 * The first screen is read before React starts (entrypoints/popup/first.ts, without Dexie); the
 * live queries here start once it is painted (`enabled`), load Dexie then (live-db.ts) and take over.
 */
import { useEffect, useState } from 'react';
import type { RapportDB } from '../../lib/db/db';
import type { Contact, Settings } from '../../lib/db/schema';
import { readSettingsLite } from '../../lib/domain/settings-read';
import { toIsoDate } from '../../lib/domain/dates';
import { type GoalWithProgress, loadGoalProgress } from '../../lib/goals/db';
import { periodOf, plusDays } from '../../lib/goals/periods';
import { ACTIVITY_KINDS } from '../../lib/db/constants';
import { dueCount } from '../../lib/reminders/due';
import { type DueView, readDue } from './reads';

export { DUE_PAGE, type DueView, reminderHeadline } from './reads';

let liveDb: Promise<typeof import('./live-db')> | null = null;
const loadLiveDb = () => (liveDb ??= import('./live-db'));

/**
 * A live query (Dexie's liveQuery: re-runs when what it read changes, in any extension context),
 * subscribed once `enabled`; undefined until its first result. Keeps the last result while a new
 * one (after `deps` changed) is on its way, and throws a failed query's error during render, as
 * dexie-react-hooks' useLiveQuery does (without its extra synchronous run of the query).
 */
export function useLive<T>(query: (db: RapportDB) => Promise<T> | T, deps: readonly unknown[], enabled = true): T | undefined {
  const [state, setState] = useState<{ value?: T; error?: unknown }>({});
  useEffect(() => {
    if (!enabled) return;
    let on = true;
    let sub: { unsubscribe(): void } | undefined;
    const fail = (error: unknown) => { if (on) setState({ error: error ?? new Error('query failed') }); };
    loadLiveDb().then(({ liveQuery, getDb }) => {
      if (!on) return;
      sub = liveQuery(() => query(getDb())).subscribe({ next: (value) => { if (on) setState({ value }); }, error: fail });
    }, fail);
    return () => { on = false; sub?.unsubscribe(); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, ...deps]);
  if (state.error !== undefined) throw state.error;
  return state.value;
}

/** Today's local ISO day; changes at midnight while the popup is open. */
export function useToday(): string {
  const [day, setDay] = useState(() => toIsoDate(new Date()));
  useEffect(() => {
    const t = setInterval(() => setDay(toIsoDate(new Date())), 60_000);
    return () => clearInterval(t);
  }, []);
  return day;
}

export function useSettings(enabled = true): Settings | undefined {
  return useLive((db) => readSettingsLite(db), [], enabled);
}

/** Goal progress (reads the settings itself: one round trip fewer than waiting for useSettings). */
export function useGoals(day: string, enabled = true): GoalWithProgress[] | undefined {
  return useLive((db) => loadGoalProgress(db, new Date(), { activeOnly: true }), [day], enabled);
}

/** The first `limit` due entries (reads about `limit` records, however much is due). */
export function useDue(day: string, limit: number, enabled = true): DueView | undefined {
  return useLive((db) => readDue(db, day, limit), [day, limit], enabled);
}

/**
 * How many things are due in all (the toolbar badge's number, same code). It reads every due key,
 * so the popup asks only once its first screen is drawn (`enabled`).
 */
export function useDueTotal(day: string, enabled: boolean): number | undefined {
  return useLive((db) => dueCount(db, day), [day], enabled);
}

/**
 * False until `ready` has been true for one painted frame: what is below the fold (the chart,
 * recently added, the total due) is read after the first screen is drawn, not competing with it.
 */
export function useAfterPaint(ready: boolean): boolean {
  const [go, setGo] = useState(false);
  useEffect(() => {
    if (!ready || go) return;
    let t: ReturnType<typeof setTimeout> | undefined;
    const raf = requestAnimationFrame(() => { t = setTimeout(() => setGo(true), 0); });
    // A page that is not drawn (a background tab) gets no animation frames: go anyway.
    const fallback = setTimeout(() => setGo(true), 200);
    return () => { cancelAnimationFrame(raf); if (t) clearTimeout(t); clearTimeout(fallback); };
  }, [ready, go]);
  return go;
}

/**
 * The value of `promise` once it settles (undefined before; null when it failed or there is none);
 * `initial`: its value, when the caller already has it (no extra render then).
 */
export function useSettled<T>(promise: Promise<T | null> | undefined, initial?: { value: T | null }): T | null | undefined {
  const [value, setValue] = useState<T | null | undefined>(initial ? initial.value : promise ? undefined : null);
  useEffect(() => {
    if (!promise || initial) return;
    let on = true;
    promise.then((v) => on && setValue(() => v), () => on && setValue(null));
    return () => { on = false; };
  }, [promise, initial]);
  return value;
}

export function useRecentContacts(n = 5, enabled = true): Contact[] | undefined {
  // Ids grow with every contact added: the highest ids are the most recently added.
  return useLive((db) => db.contacts.orderBy(':id').reverse().limit(n).toArray(), [n], enabled);
}

export interface WeekBar { start: string; count: number }

/** Activities per week over the last 12 weeks (index keys only). */
/**
 * The last 12 weeks (oldest first; the last is the week of `day`): activities logged plus contacts
 * connected each week.
 */
export async function readWeeklyActivity(db: RapportDB, day: string, weekStart: number): Promise<WeekBar[]> {
    const current = periodOf(day, 'week', weekStart);
    const from = plusDays(current.start, -7 * 11);
    const to = plusDays(current.start, 7);
    // Activities: the [kind+date] keys of the 12 weeks, one read per kind (people log a few a
    // week). Connections: one index count per week (an import dates thousands of contacts).
    const weekOf = (date: string) => Math.floor((Date.parse(date) - Date.parse(from)) / (7 * 86_400_000));
    const [keys, connected] = await Promise.all([
      Promise.all(ACTIVITY_KINDS.map((k) => db.activities.where('[kind+date]').between([k, from], [k, to], true, false).keys())),
      Promise.all(Array.from({ length: 12 }, (_, i) => {
        const start = plusDays(from, 7 * i);
        return db.contacts.where('connectedOn').between(start, plusDays(start, 7), true, false).count();
      })),
    ]);
    const bars: WeekBar[] = connected.map((count, i) => ({ start: plusDays(from, 7 * i), count }));
    for (const key of keys.flat()) {
      const w = weekOf((key as unknown as [string, string])[1]);
      if (w >= 0 && w < 12) bars[w]!.count++;
    }
    return bars;
}

export function useWeeklyActivity(day: string, weekStart: number | undefined): WeekBar[] | undefined {
  return useLive((db) => readWeeklyActivity(db, day, weekStart!), [day, weekStart], weekStart != null);
}
