/** Dexie for the popup's live queries: loaded (import()) only after the first screen is drawn. */
export { liveQuery } from 'dexie';
export { getDb } from '../../lib/db/db';
