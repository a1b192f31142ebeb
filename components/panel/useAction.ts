import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../../lib/api/messages';

/** Runs a user action (usually an API call), tracks busy state and a user-readable error. */
export function useAction(): {
  run: <T>(fn: () => Promise<T>) => Promise<T | undefined>;
  busy: boolean;
  error: string | null;
  clearError: () => void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);
  const run = useCallback(async <T,>(fn: () => Promise<T>) => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (err) {
      if (mounted.current) setError(err instanceof ApiError ? err.message : 'Something went wrong. Nothing was changed.');
      return undefined;
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, []);
  return { run, busy, error, clearError: () => setError(null) };
}
