import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { callResult } from '../lib/api/client';
import { type ApiErrorBody, type ApiResult, MSG } from '../lib/api/messages';
import type { OpInput, OpName, OpOutput } from '../lib/api/protocol';
import { clearPrefetched, takePrefetched } from './panel/prefetch';

type Listener = (tables: string[]) => void;
const listeners = new Set<Listener>();
let listening = false;

/** Subscribes to "data changed" broadcasts from the background (panel, side panel). */
export function onDataChanged(fn: Listener): () => void {
  if (!listening) {
    listening = true;
    browser.runtime.onMessage.addListener((message: unknown) => {
      const m = message as { type?: string; tables?: string[] } | null;
      if (m?.type === MSG.BG_DATA_CHANGED && Array.isArray(m.tables)) {
        clearPrefetched();
        listeners.forEach((l) => l(m.tables!));
      }
      return undefined;
    });
  }
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export interface ApiState<T> {
  data: T | undefined;
  error: ApiErrorBody | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Reads through the data API and re-reads when the background says one of `tables` changed
 * (any table when omitted). `input === null` skips the call.
 */
export function useApi<K extends OpName>(op: K, input: OpInput<K> | null, tables?: string[]): ApiState<OpOutput<K>> {
  // In the in-page panel an answer may already be there (components/panel/prefetch.ts): show it at once.
  const [state, setState] = useState<{ data: OpOutput<K> | undefined; error: ApiErrorBody | null; loading: boolean }>(() => {
    const settled = input === null ? undefined : takePrefetched(op, input)?.settled;
    return settled?.ok ? { data: settled.data as OpOutput<K>, error: null, loading: false } : { data: undefined, error: null, loading: input !== null };
  });
  const key = JSON.stringify(input);
  const seq = useRef(0);
  const load = useCallback((mayUsePrefetched = false) => {
    if (input === null) return;
    const mine = ++seq.current;
    const pre = mayUsePrefetched ? takePrefetched(op, input) : null;
    void ((pre?.promise as Promise<ApiResult<OpOutput<K>>> | undefined) ?? callResult(op, input)).then((res) => {
      if (mine !== seq.current) return; // a newer request superseded this one
      // (The prefetched answer the first render showed: no second render.)
      setState((s) => (res.ok && s.data === res.data && !s.error && !s.loading ? s
        : res.ok ? { data: res.data, error: null, loading: false } : { data: undefined, error: res.error, loading: false }));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [op, key]);
  useEffect(() => {
    // (No re-render when nothing changes, e.g. the first render already showed a prefetched answer.)
    setState((s) => (s.loading === (input !== null) || (s.data !== undefined && seq.current === 0) ? s : { ...s, loading: input !== null }));
    load(true);
    return onDataChanged((changed) => {
      if (!tables || changed.some((t) => tables.includes(t))) load();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load]);
  const reload = useCallback(() => load(), [load]);
  return { ...state, reload };
}
