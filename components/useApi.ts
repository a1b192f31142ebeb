import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { callResult } from '../lib/api/client';
import { type ApiErrorBody, MSG } from '../lib/api/messages';
import type { OpInput, OpName, OpOutput } from '../lib/api/protocol';

type Listener = (tables: string[]) => void;
const listeners = new Set<Listener>();
let listening = false;

/** Subscribes to "data changed" broadcasts from the background (panel, side panel). */
export function onDataChanged(fn: Listener): () => void {
  if (!listening) {
    listening = true;
    browser.runtime.onMessage.addListener((message: unknown) => {
      const m = message as { type?: string; tables?: string[] } | null;
      if (m?.type === MSG.BG_DATA_CHANGED && Array.isArray(m.tables)) listeners.forEach((l) => l(m.tables!));
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
  const [state, setState] = useState<{ data: OpOutput<K> | undefined; error: ApiErrorBody | null; loading: boolean }>({
    data: undefined, error: null, loading: input !== null,
  });
  const key = JSON.stringify(input);
  const seq = useRef(0);
  const load = useCallback(() => {
    if (input === null) return;
    const mine = ++seq.current;
    void callResult(op, input).then((res) => {
      if (mine !== seq.current) return; // a newer request superseded this one
      setState(res.ok ? { data: res.data, error: null, loading: false } : { data: undefined, error: res.error, loading: false });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [op, key]);
  useEffect(() => {
    setState((s) => ({ ...s, loading: input !== null }));
    load();
    return onDataChanged((changed) => {
      if (!tables || changed.some((t) => tables.includes(t))) load();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load]);
  return { ...state, reload: load };
}
