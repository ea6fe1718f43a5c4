import { useEffect, useRef } from 'react';
import { onCoreEvent } from '../api/client';

/**
 * Call `refresh` when the core reports a change (`data.changed`), to any entity or only to those listed.
 * Debounced: an import or a sync batch sends many events in a burst.
 */
export function useDataChanged(refresh: () => void, entities?: readonly string[], delayMs = 800): void {
  const refreshRef = useRef(refresh);
  useEffect(() => {
    refreshRef.current = refresh;
  });
  const key = entities?.join('|') ?? '';

  useEffect(() => {
    const wanted = key ? new Set(key.split('|')) : null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = onCoreEvent('data.changed', ({ entity }) => {
      if (wanted && !wanted.has(entity)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => refreshRef.current(), delayMs);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [key, delayMs]);
}
