import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../lib/api/messages';
import { call } from '../lib/api/client';
import type { OpInput, OpName, OpOutput } from '../lib/api/protocol';

/** What the user reads when an action fails for a reason the API did not explain. */
export const GENERIC_FAILURE = 'Something went wrong. Nothing was changed.';

/**
 * Runs a user action (usually an API call) for the panel, popup and options page alike: tracks
 * the busy state and keeps a user-readable error (the API's own message, or a generic one).
 * `run(fn)` takes any async function; `runOp(op, input)` is `run(() => call(op, input))`.
 */
export function useAction(): {
  run: <T>(fn: () => Promise<T>) => Promise<T | undefined>;
  runOp: <K extends OpName>(op: K, input: OpInput<K>) => Promise<OpOutput<K> | undefined>;
  busy: boolean;
  error: string | null;
  setError: (message: string | null) => void;
  clearError: () => void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => { mounted.current = false; };
  }, []);
  const run = useCallback(async <T,>(fn: () => Promise<T>) => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (err) {
      if (mounted.current) setError(err instanceof ApiError ? err.message : GENERIC_FAILURE);
      return undefined;
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, []);
  const runOp = useCallback(
    <K extends OpName>(op: K, input: OpInput<K>) => run(() => call(op, input)),
    [run],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, runOp, busy, error, setError, clearError };
}
