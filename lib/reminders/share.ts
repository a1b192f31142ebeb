/**
 * The "share your expertise" schedule. Model: while the feature is on, exactly one open
 * 'share-expertise' reminder exists, due on the next scheduled weekday (settings.shareExpertise),
 * recurring on those weekdays, its title the next prompt of the rotating list. Done or Skip creates
 * the following one (lib/api/ops/reminders.ts); the background calls `ensureShareReminder` on
 * start-up, on its alarm and after settings or reminders change, so the schedule heals itself.
 */
import type { RapportDB } from '../db/db';
import type { Reminder } from '../db/schema';
import { toIsoDate } from '../domain/dates';
import { readSettingsLite } from '../domain/settings-read';
import { nextPrompt } from './prompts';
import { nextWeekday } from './recurrence';

export const SHARE_TITLE = 'Share your expertise';

function sameDays(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && [...a].sort().every((d, i) => d === [...b].sort()[i]);
}

/** Makes the open share-expertise reminder match the settings. Returns true when it changed anything. */
export async function ensureShareReminder(db: RapportDB, now: Date = new Date()): Promise<boolean> {
  const settings = await readSettingsLite(db);
  const today = toIsoDate(now);
  const { enabled, weekdays, prompts } = settings.shareExpertise;
  return db.transaction('rw', db.reminders, async () => {
    const open = await db.reminders
      .where('[state+due]').between(['open', ''], ['open', '\uffff'], true, true)
      .filter((r) => r.kind === 'share-expertise').toArray();
    if (!enabled || !weekdays.length) {
      if (!open.length) return false;
      await db.reminders.bulkDelete(open.map((r) => r.id));
      return true;
    }
    const days = [...new Set(weekdays)].sort();
    if (open.length) {
      open.sort((a, b) => a.due.localeCompare(b.due) || a.id - b.id);
      const [keep, ...extra] = open as [Reminder, ...Reminder[]];
      let changed = false;
      if (extra.length) { await db.reminders.bulkDelete(extra.map((r) => r.id)); changed = true; }
      const rec = keep.recurrence;
      if (!rec || rec.every !== 'weekdays' || !sameDays(rec.weekdays, days)) {
        const patch: Partial<Reminder> = { recurrence: { every: 'weekdays', weekdays: days }, updatedAt: now.getTime() };
        // Not snoozed and not due yet: the next day of the NEW schedule (which may be sooner, even today).
        if (!keep.snoozedUntil && keep.due > today) {
          const due = nextWeekday(days, today)!;
          if (due !== keep.due) patch.due = due;
        }
        await db.reminders.update(keep.id, patch);
        changed = true;
      }
      // The user removed this prompt from the list: use the next one in the new list.
      const list = prompts.length ? prompts : null;
      if (list && !list.includes(keep.title)) {
        await db.reminders.update(keep.id, { title: nextPrompt(list, null), updatedAt: now.getTime() });
        changed = true;
      }
      return changed;
    }
    const previous = await db.reminders.filter((r) => r.kind === 'share-expertise').toArray();
    previous.sort((a, b) => a.updatedAt - b.updatedAt || a.id - b.id);
    const t = now.getTime();
    await db.reminders.add({
      kind: 'share-expertise',
      title: nextPrompt(prompts, previous.at(-1)?.title ?? null),
      contactId: null,
      groupId: null,
      due: nextWeekday(days, today)!,
      recurrence: { every: 'weekdays', weekdays: days },
      state: 'open',
      snoozedUntil: null,
      doneAt: null,
      createdAt: t,
      updatedAt: t,
    } as Reminder);
    return true;
  });
}

/** The last day the user shared expertise (an 'expertise-shared' activity), or null. */
export async function lastSharedDay(db: RapportDB): Promise<string | null> {
  const last = await db.activities.where('[kind+date]')
    .between(['expertise-shared', ''], ['expertise-shared', '\uffff'], true, true).last();
  return last?.date ?? null;
}
