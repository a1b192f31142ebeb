/**
 * Tells one observer, synchronously, that a write is about to be made through Dexie (any table:
 * add, put, delete, clear), before its request is sent. The background uses it to drop the
 * popup's kept first screen before the write can land (lib/background/first-screen.ts). Pages set
 * no observer (they never write).
 */
import type { DBCore, Middleware } from 'dexie';

let observer: ((table: string) => void) | null = null;

/** Sets (or, with null, removes) the observer; it gets the table written to. */
export function onDbWrite(fn: ((table: string) => void) | null): void {
  observer = fn;
}

export const writeWatch: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'rapportWriteWatch',
  create: (down) => ({
    ...down,
    table: (name) => {
      const t = down.table(name);
      return {
        ...t,
        mutate: (req) => {
          observer?.(name);
          return t.mutate(req);
        },
      };
    },
  }),
};
