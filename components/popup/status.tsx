/** One status line for the popup (what just happened, or what went wrong), with an optional Undo. */
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { callResult } from '../../lib/api/client';
import type { OpInput, OpName, OpOutput } from '../../lib/api/protocol';

export interface Status { text: string; tone: 'ok' | 'error'; undo?: () => void }

interface StatusApi {
  status: Status | null;
  show: (s: Status | null) => void;
}
const Ctx = createContext<StatusApi>({ status: null, show: () => {} });

export function StatusProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const show = useCallback((s: Status | null) => {
    setStatus(s);
    if (timer.current) clearTimeout(timer.current);
    if (s && s.tone === 'ok') timer.current = setTimeout(() => setStatus(null), s.undo ? 8_000 : 6_000);
  }, []);
  return <Ctx.Provider value={{ status, show }}>{children}</Ctx.Provider>;
}

export function useStatus(): StatusApi {
  return useContext(Ctx);
}

/** Runs an operation; errors go to the status line. Resolves to the data, or undefined on failure. */
export function useRun() {
  const { show } = useStatus();
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <K extends OpName>(op: K, input: OpInput<K>, done?: string | ((d: OpOutput<K>) => Status | null)): Promise<OpOutput<K> | undefined> => {
    setBusy(true);
    try {
      const res = await callResult(op, input);
      if (!res.ok) { show({ text: res.error.message, tone: 'error' }); return undefined; }
      if (typeof done === 'string') show({ text: done, tone: 'ok' });
      else if (done) show(done(res.data));
      return res.data;
    } finally {
      setBusy(false);
    }
  }, [show]);
  return { run, busy };
}

export function StatusLine() {
  const { status, show } = useStatus();
  return (
    <div className="p-status" role="status" aria-live="polite">
      {status && (
        <div className={`p-status-box ${status.tone === 'error' ? 'is-error' : ''}`} data-testid="popup-status">
          <span>{status.text}</span>
          {status.undo && <button type="button" className="p-link" onClick={() => { show(null); status.undo!(); }}>Undo</button>}
          <button type="button" className="p-icon" aria-label="Dismiss message" onClick={() => show(null)}>×</button>
        </div>
      )}
    </div>
  );
}
