import { useCallback, useEffect, useMemo, useState } from 'react';
import type { HandlerName, InputOf, OutputOf } from '../../../shared/contract';
import { call } from '../api/client';

export interface CallState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/**
 * Run one contract call for a view and re-run it when its input changes (compared by value) or on
 * reload(). Stale answers from an earlier input are dropped; the last good data stays while reloading.
 */
export function useCall<N extends HandlerName>(name: N, input: InputOf<N>, enabled = true): CallState<OutputOf<N>> {
  const [data, setData] = useState<OutputOf<N>>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(enabled);
  const [request, setRequest] = useState(0);
  // Callers write the input inline; compare it by value so a re-render does not refetch.
  const key = JSON.stringify(input);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableInput = useMemo(() => input, [key]);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setLoading(true);
    call(name, stableInput).then(
      (value) => {
        if (!live) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (!live) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [name, stableInput, request, enabled]);

  const reload = useCallback(() => setRequest((n) => n + 1), []);
  return { data, error, loading, reload };
}
