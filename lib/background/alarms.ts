/**
 * The toolbar badge (number of things due) and the optional daily notification. The badge number
 * is the length of the due list the popup shows (lib/reminders/due.ts), recomputed on start-up, on
 * install/update, every 30 minutes (alarms persist across service-worker sleep and browser
 * restarts) and after every write through the data API. Nothing here talks to the network.
 */
import { browser } from 'wxt/browser';
import type { TableName } from '../db/db';
import { getDb } from '../db/db';
import { toIsoDate } from '../domain/dates';
import { readSettings } from '../domain/settings';
import { type DueList, loadDueList } from '../reminders/due';
import { ensureShareReminder } from '../reminders/share';
import { afterPause } from './after-pause';
import { keepSnapshotIfIdle } from './first-screen';

export const REFRESH_ALARM = 'rapport-refresh';
export const NOTIFY_ALARM = 'rapport-notify';
const LAST_NOTIFIED_KEY = 'lastNotifiedDay';
const NOTIFICATION_ID = 'rapport-due';
const BADGE_COLOR = '#0b6e4f';
// A small round Rapport mark (notifications need an icon; data URLs make no request).
const ICON = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAYAAACqaXHeAAACAUlEQVR42u2bwa2EIBCG904BtkEZ3qAFj14owhJswzY80oJHW/DovryElxizu09hfhjXIZnLZnfH/wMEZoaHcuZxZ8vhpFLOWOVMp5wZlDNeOTMrZxblzBpsCZ/58J0u/Ka6KgAdRPwKeiaaD/+lrwCgUc6MBKLf2Rh8sAPQKmcmoPC9TcFncQA10TBPmR51KQB9QeF763MC0IV7/dNo0GgANixZT6a2hGeEAGgYC99bQw2AXPy+lYJwdNjDhINB2FQAmnLOH23E7wSdAsDn7H3QKPCxAPqcosEw+rMA6tLCASDqMwA8J/FEEPxRAC034YQg2iMAJs7iEyFM/wForiA+EULzCcCIAnB2IwQEML4DoNHiz26FgRD0KwAd120twE/3CoCnfDD04SnRl98DqJgfahD+qi0Ay7n3QT7tFgDZ/EcHO6jfA38ABu69D/A9bAH4GwLwWwDzFYY/sf95C2C5IYBlC2C9IYBVAMgUIH4JXmwVmCHLYKmtcOoyOHAOb4P8DdFb4ZzRXKCvLuowlDucDfRno47DXwSgigqIfAkAHx0S+xIAXVJQNBcEoB+dFBbPEcMH+hhJEiOIhEamJElDmhor3ahTY5IclfS4FEhIiYwUSaHK5AqVzmpWhZKZzbItleVSLyzF0lIuLxcm5MqMXJqSa3NycVKuzsrl6bvaD9M4yqm9WmkKAAAAAElFTkSuQmCC';

type ActionApi = {
  setBadgeText(d: { text: string }): Promise<void>;
  setBadgeBackgroundColor(d: { color: string }): Promise<void>;
  setTitle?(d: { title: string }): Promise<void>;
};
function action(): ActionApi | null {
  const b = browser as unknown as { action?: ActionApi; browserAction?: ActionApi };
  return b.action ?? b.browserAction ?? null;
}

export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

/** Recomputes the badge from the due list. Returns the number due. */
export async function refreshBadge(now: Date = new Date()): Promise<number> {
  const db = getDb();
  const { total } = await loadDueList(db, toIsoDate(now), 0);
  const a = action();
  if (a) {
    await a.setBadgeBackgroundColor({ color: BADGE_COLOR }).catch(() => {});
    await a.setBadgeText({ text: badgeText(total) }).catch(() => {});
    await a.setTitle?.({ title: total ? `Rapport: ${total} due today` : 'Rapport' }).catch(() => {});
  }
  return total;
}

/** The next time the daily notification alarm should fire (local time HH:MM, today or tomorrow). */
export function nextNotifyTime(hhmm: string, now: Date): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const at = new Date(now.getFullYear(), now.getMonth(), now.getDate(), h, m, 0, 0);
  if (at.getTime() <= now.getTime()) at.setDate(at.getDate() + 1);
  return at.getTime();
}

/** Keeps the daily notification alarm in line with settings.notifications. */
async function scheduleNotifyAlarm(now: Date): Promise<void> {
  const { notifications } = await readSettings(getDb());
  if (!browser.alarms) return;
  if (!notifications.enabled) {
    await browser.alarms.clear(NOTIFY_ALARM).catch(() => false);
    return;
  }
  const existing = await browser.alarms.get(NOTIFY_ALARM).catch(() => undefined);
  const when = nextNotifyTime(notifications.time, now);
  const sameTime = existing && new Date(existing.scheduledTime).getHours() === new Date(when).getHours()
    && new Date(existing.scheduledTime).getMinutes() === new Date(when).getMinutes();
  if (!sameTime) await browser.alarms.create(NOTIFY_ALARM, { when, periodInMinutes: 24 * 60 });
}

export function summarise(due: Pick<DueList, 'reminders' | 'contactIds'>): string {
  const people = due.contactIds.length + due.reminders.filter((r) => r.kind === 'follow-up').length;
  const commitments = due.reminders.filter((r) => r.kind === 'commitment').length;
  const share = due.reminders.some((r) => r.kind === 'share-expertise');
  const parts: string[] = [];
  if (people) parts.push(`${people} follow-up${people === 1 ? '' : 's'}`);
  if (commitments) parts.push(`${commitments} commitment${commitments === 1 ? '' : 's'}`);
  if (share) parts.push('a prompt to share your expertise');
  return parts.join(', ') + '. Open Rapport from the toolbar to see them.';
}

/**
 * At most one notification a day, at or after the time the user picked, grouping everything due.
 * Returns true when it showed one.
 */
export async function maybeNotify(now: Date = new Date()): Promise<boolean> {
  const db = getDb();
  const { notifications } = await readSettings(db);
  if (!notifications.enabled || !browser.notifications) return false;
  const day = toIsoDate(now);
  const hhmm = `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
  if (hhmm < notifications.time) return false;
  const stored = await browser.storage.local.get(LAST_NOTIFIED_KEY).catch(() => ({}) as Record<string, unknown>);
  if ((stored as Record<string, unknown>)[LAST_NOTIFIED_KEY] === day) return false;
  const due = await loadDueList(db, day, 0);
  if (!due.total) return false;
  await browser.storage.local.set({ [LAST_NOTIFIED_KEY]: day });
  await browser.notifications.create(NOTIFICATION_ID, {
    type: 'basic',
    iconUrl: ICON,
    title: `Rapport: ${due.total} thing${due.total === 1 ? '' : 's'} due today`,
    message: summarise(due),
  }).catch((err: unknown) => console.warn('[rapport] notification failed', err));
  return true;
}

let running: Promise<void> | null = null;
let again = false;
let shareWanted = false;
/**
 * Share-expertise schedule (when `share`), badge and notification; one run at a time, coalesced.
 * After ordinary writes only the badge is recomputed; the schedule is checked when settings or
 * reminders changed, on start-up and on the alarm.
 */
export function refreshAll(opts: { share?: boolean } = {}): Promise<void> {
  shareWanted ||= opts.share !== false;
  if (running) { again = true; return running; }
  running = (async () => {
    do {
      again = false;
      const share = shareWanted;
      shareWanted = false;
      const now = new Date();
      try {
        if (share) {
          await ensureShareReminder(getDb(), now);
          await scheduleNotifyAlarm(now);
        }
        await refreshBadge(now);
        // The popup's first screen, kept ready (./first-screen.ts); only a head start if it fails.
        await keepSnapshotIfIdle(now).catch((err: unknown) => console.warn('[rapport] popup snapshot failed', err));
        await maybeNotify(now);
      } catch (err) {
        console.warn('[rapport] refresh failed', err);
      }
    } while (again);
  })().finally(() => { running = null; });
  return running;
}

/**
 * After writes, the badge is recomputed once they pause for this long (at most MAX_WAIT_MS after
 * the first): an import's batches each write, and a refresh between two of them would hold the
 * next batch back (its read transaction is queued before the next write transaction).
 */
export const BADGE_REFRESH_DELAY_MS = 400;
const BADGE_REFRESH_MAX_WAIT_MS = 3000;

/** Wraps the API listener's change callback: broadcast as before, then refresh the badge (debounced). */
export function withBadgeRefresh(onChanged: (tables: TableName[]) => void | Promise<void>) {
  let share = false;
  const refresh = afterPause(() => {
    const s = share;
    share = false;
    void refreshAll({ share: s });
  }, BADGE_REFRESH_DELAY_MS, BADGE_REFRESH_MAX_WAIT_MS);
  return (tables: TableName[]): void => {
    void onChanged(tables);
    if (tables.some((t) => t === 'reminders' || t === 'contacts' || t === 'settings' || t === 'interactions' || t === 'activities')) {
      share ||= tables.includes('settings') || tables.includes('reminders');
      refresh.poke();
    }
  };
}

async function ensureRefreshAlarm(): Promise<void> {
  const existing = await browser.alarms.get(REFRESH_ALARM).catch(() => undefined);
  if (!existing?.periodInMinutes) await browser.alarms.create(REFRESH_ALARM, { delayInMinutes: 30, periodInMinutes: 30 });
}

export async function onAlarm(name: string): Promise<void> {
  if (name !== REFRESH_ALARM && name !== NOTIFY_ALARM) return;
  await refreshAll();
  if (name === REFRESH_ALARM) await ensureRefreshAlarm(); // a one-shot alarm of that name replaced the periodic one
}

/**
 * The worker's refresh when it starts (the browser started, or MV3 woke it for a message) waits
 * until messages pause this long, at most STARTUP_REFRESH_MAX_WAIT_MS: with 30k contacts it is about
 * half a second of work (the badge's count, the popup's first screen), which the first messages (a
 * LinkedIn tab's panel asking who this is, at every page load) should not queue behind.
 */
export const STARTUP_REFRESH_DELAY_MS = 700;
const STARTUP_REFRESH_MAX_WAIT_MS = 5000;

/** Call once from the background's main function. */
export function registerAlarms(): void {
  const ensureAlarm = ensureRefreshAlarm;
  const startup = afterPause(() => void refreshAll(), STARTUP_REFRESH_DELAY_MS, STARTUP_REFRESH_MAX_WAIT_MS);
  const refreshSoon = () => { void ensureAlarm(); startup.poke(); };
  browser.runtime.onMessage.addListener(() => {
    if (startup.pending()) startup.poke(); // (answers nothing: the API's own listener does)
    return undefined;
  });
  browser.alarms.onAlarm.addListener((alarm) => void onAlarm(alarm.name));
  browser.runtime.onStartup?.addListener(refreshSoon);
  browser.runtime.onInstalled.addListener(refreshSoon);
  browser.notifications?.onClicked?.addListener((id) => {
    if (id !== NOTIFICATION_ID) return;
    void browser.notifications.clear(id);
    void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
  });
  // The worker also wakes for other reasons (a message, an alarm): the badge is right from then on.
  refreshSoon();
}
