/**
 * The popup's first script, free of React and Dexie: it starts reading the first screen (raw
 * IndexedDB, one read-only transaction: components/popup/idb-read.ts) while main.tsx loads React
 * and the components. A failure is not an error here: the live queries read everything again.
 */
import { type FirstScreen, readFirstScreen } from '../../components/popup/reads';
import { openExisting, readOnlyDb } from '../../components/popup/idb-read';
import { DB_NAME } from '../../lib/db/constants';
import { toIsoDate } from '../../lib/domain/dates';

async function read(): Promise<FirstScreen | null> {
  const now = new Date();
  const idb = await openExisting(DB_NAME);
  if (!idb) return null;
  try {
    return await readFirstScreen(readOnlyDb(idb), now, toIsoDate(now));
  } finally {
    idb.close();
  }
}

export const firstScreen: Promise<FirstScreen | null> = read().catch(() => null);
