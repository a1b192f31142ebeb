import { describe, expect, it } from 'vitest';
import { readDue, readFirstScreen } from '../../../components/popup/reads';
import { openExisting, readOnlyDb } from '../../../components/popup/idb-read';
import type { RapportDB } from '../../../lib/db/db';
import type { ActivityKind, Goal } from '../../../lib/db/schema';
import { recordActivity } from '../../../lib/domain/activities';
import { writeSettings } from '../../../lib/domain/settings';
import { plusDays } from '../../../lib/goals/periods';
import { addContact, addReminder, freshDb } from '../reminders/helpers';

/** A small network: due and later contacts, open/done reminders (ties on a day, follow-ups covering contacts), goals, activities. */
async function network(): Promise<RapportDB> {
  const db = freshDb();
  const days = ['2026-01-10', '2026-02-28', '2026-03-05', '2026-03-06', '2026-03-01', '2026-03-20'];
  const ids: number[] = [];
  for (let i = 0; i < 70; i++) {
    ids.push(await addContact(db, {
      nextFollowUp: i % 7 === 0 ? null : days[(i * 3) % days.length]!, relationships: i % 5 ? [] : ['mentor'],
      lastInteraction: i % 4 ? '2026-01-02' : null, connectedOn: i % 3 ? plusDays('2026-03-05', -i * 5) : null,
    }));
  }
  for (let i = 0; i < 50; i++) {
    await addReminder(db, {
      kind: (['commitment', 'follow-up', 'share-expertise'] as const)[i % 3]!, contactId: i % 3 === 1 ? ids[i]! : null,
      due: days[i % days.length]!, state: i % 4 === 0 ? 'done' : 'open', title: `Reminder ${i}`,
    });
  }
  const kinds: ActivityKind[] = ['new-connection', 'expertise-shared', 'event-attended'];
  let seed = 11;
  const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (let i = 0; i < 300; i++) {
    await recordActivity(db, { kind: kinds[i % 3]!, date: plusDays('2026-03-05', -Math.floor(rand() * 300)), source: 'import' }, new Date());
  }
  const goals: Omit<Goal, 'id'>[] = [
    { metric: 'new-connection', target: 2, period: 'week', active: true, createdAt: 3, updatedAt: 0 },
    { metric: 'expertise-shared', target: 3, period: 'month', active: true, createdAt: 1, updatedAt: 0 },
    { metric: 'event-attended', target: 5, period: 'quarter', active: false, createdAt: 2, updatedAt: 0 },
    { metric: 'event-attended', target: 1, period: 'week', active: true, createdAt: 2, updatedAt: 0 },
  ];
  for (const g of goals) await db.goals.add(g as Goal);
  await writeSettings(db, { weekStart: 0 });
  return db;
}

async function raw(db: RapportDB): Promise<IDBDatabase> {
  await db.open();
  const idb = await openExisting(db.name);
  if (!idb) throw new Error('not opened');
  return idb;
}

describe("the popup's first screen over raw IndexedDB (no Dexie)", () => {
  it('is the same as over Dexie: settings, goal progress and the due page', async () => {
    const db = await network();
    const idb = await raw(db);
    for (const day of ['2026-03-05', '2026-03-01', '2026-01-01']) {
      const now = new Date(`${day}T10:00:00`);
      const viaDexie = await readFirstScreen(db, now, day);
      const viaRaw = await readFirstScreen(readOnlyDb(idb), now, day);
      expect(viaRaw).toEqual(viaDexie);
      expect(viaDexie.goals.length).toBe(3);
    }
    // Every page size (offsets, the last day's ties, contacts covered by a reminder, the empty state).
    for (const limit of [0, 1, 2, 7, 25, 100]) {
      for (const day of ['2026-03-05', '2025-12-01']) {
        expect(await readDue(readOnlyDb(idb), day, limit)).toEqual(await readDue(db, day, limit));
      }
    }
    idb.close();
  });

  it('keeps working when its transaction has finished (a new one is opened)', async () => {
    const db = await network();
    const idb = await raw(db);
    const reads = readOnlyDb(idb);
    const first = await reads.settings.get('settings');
    await new Promise((r) => setTimeout(r, 10));
    expect(await reads.settings.get('settings')).toEqual(first);
    expect(await reads.contacts.where('nextFollowUp').belowOrEqual('2026-03-05').offset(3).limit(4).toArray())
      .toEqual(await db.contacts.where('nextFollowUp').belowOrEqual('2026-03-05').offset(3).limit(4).toArray());
    idb.close();
  });

  it('never creates a database that does not exist yet (the background does, with its schema)', async () => {
    const name = `missing-${crypto.randomUUID()}`;
    expect(await openExisting(name)).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });
});
