import { useCallback, useEffect, useMemo, useState } from 'react';
import type { HandlerName, InputOf, OutputOf } from '../../../shared/contract';
import { call } from '../api/client';

export interface CallState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

interface Settled<T> {
  /** Which request this answers; while it differs from the current one, we are loading. */
  request: string;
  data: T | undefined;
  error: unknown;
}

/**
 * Run one contract call for a view and re-run it when its input changes (compared by value) or on
 * reload(). Stale answers from an earlier input are dropped; the last good data stays while reloading.
 */
export function useCall<N extends HandlerName>(name: N, input: InputOf<N>, enabled = true): CallState<OutputOf<N>> {
  const [generation, setGeneration] = useState(0);
  // Callers write the input inline; compare it by value so a re-render does not refetch.
  const key = JSON.stringify(input);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableInput = useMemo(() => input, [key]);
  const request = `${name}\n${key}\n${generation}`;
  const [settled, setSettled] = useState<Settled<OutputOf<N>>>({ request: '', data: undefined, error: null });

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    call(name, stableInput).then(
      (value) => {
        if (live) setSettled({ request, data: value, error: null });
      },
      (err: unknown) => {
        if (live) setSettled((old) => ({ request, data: old.data, error: err }));
      },
    );
    return () => {
      live = false;
    };
  }, [name, stableInput, request, enabled]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data: settled.data, error: settled.error, loading: enabled && settled.request !== request, reload };
}
