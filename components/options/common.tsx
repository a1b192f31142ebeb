/** Small pieces shared by the options page's sections. */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { RELATIONSHIP_LABELS } from '../../lib/db/constants';
import type { DeletedBundle } from '../../lib/api/ops/manage';
import { today } from '../../lib/domain/dates';
import { call } from '../../lib/api/client';
import { useAction as useSharedAction } from '../useAction';

// Zod-free (the contact list is the page's first script, without zod): useSettings is in settings.ts.

/** Today's ISO date; refreshed when the page regains focus. */
export function useToday(): string {
  const [day, setDay] = useState(() => today());
  useEffect(() => {
    const refresh = () => setDay(today());
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, []);
  return day;
}

export interface Toast {
  message: string;
  action?: { label: string; run: () => void | Promise<void> };
}

const ToastCtx = createContext<(t: Toast | null) => void>(() => {});
export const useToast = () => useContext(ToastCtx);

/** One toast at a time, at the bottom; an undo toast stays 12 s. */
export function ToastHost({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null);
  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(() => setToast(null), toast.action ? 12_000 : 4_000);
    return () => clearTimeout(t);
  }, [toast]);
  return (
    <ToastCtx.Provider value={setToast}>
      {children}
      <div role="status" aria-live="polite">
        {toast && (
          <div className="o-toast" data-testid="toast">
            <span>{toast.message}</span>
            {toast.action && (
              <button
                type="button"
                data-testid="toast-action"
                onClick={async () => {
                  const run = toast.action!.run;
                  setToast(null);
                  await run();
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button type="button" aria-label="Dismiss" onClick={() => setToast(null)}>×</button>
          </div>
        )}
      </div>
    </ToastCtx.Provider>
  );
}

/** The shared action hook (components/useAction.ts), shaped for the options page: `run(op, input)`. */
export function useAction() {
  const { runOp, error, setError, busy } = useSharedAction();
  return { run: runOp, error, setError, busy };
}

export function ErrorText({ error }: { error: string | null }) {
  return error ? <p className="o-error" role="alert">{error}</p> : null;
}

const dayFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dayText = new Map<string, string>();
/** A local ISO day as the user reads it (cached: a list shows the same few hundred days again and again). */
export function formatDay(iso: string | null): string {
  if (!iso) return '—';
  let s = dayText.get(iso);
  if (s === undefined) {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    s = dayFmt.format(new Date(y, m - 1, d));
    if (dayText.size > 5000) dayText.clear();
    dayText.set(iso, s);
  }
  return s;
}

export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** LinkedIn's connection status, worded as the panel and the CSV export word it. */
export { STATUS_LABELS } from '../../lib/db/constants';
export const relLabel = (r: string) => (RELATIONSHIP_LABELS as Record<string, string>)[r] ?? r;


/** Deletes contacts and shows an undo toast; undo puts back everything that went with them. */
export function useDeleteContacts() {
  const toast = useToast();
  return useCallback(async (ids: number[]): Promise<string | null> => {
    let bundle: DeletedBundle;
    try {
      bundle = await call('manage.deleteContacts', { ids });
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
    const n = bundle.contacts.length;
    toast({
      message: n === 1 ? `Deleted ${bundle.contacts[0]!.name}.` : `Deleted ${n} contacts.`,
      action: {
        label: 'Undo',
        run: async () => {
          try {
            const { restored } = await call('manage.restoreContacts', bundle);
            toast({ message: restored === 1 ? 'Contact restored.' : `${restored} contacts restored.` });
          } catch (err) {
            toast({ message: `Could not restore: ${err instanceof Error ? err.message : String(err)}` });
          }
        },
      },
    });
    return null;
  }, [toast]);
}

