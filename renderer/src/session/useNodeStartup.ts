import { useEffect, useRef, useState } from 'react';
import type { NodeStartup } from '../../../shared/contract';
import { call } from '../api/client';

/** Often enough for a moving progress bar; system.status is answered from memory, without the database. */
const POLL_MS = 400;
const OPENING: NodeStartup = { state: 'opening', step: null, percent: 0, message: null };

/**
 * While `active` (a call was refused with NODE_STARTING: a first start is writing the demo), ask the node
 * where it is until it is ready, then call `onReady` once. Returns the last answer (null before one).
 */
export function useNodeStartup(active: boolean, onReady: () => void): NodeStartup | null {
  const [startup, setStartup] = useState<NodeStartup | null>(null);
  const readyRef = useRef(onReady);
  useEffect(() => {
    readyRef.current = onReady;
  }, [onReady]);

  useEffect(() => {
    if (!active) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      call('system.status', {}).then(
        (s) => {
          if (!live) return;
          setStartup(s);
          if (s.state === 'ready') readyRef.current();
          else if (s.state !== 'failed') timer = setTimeout(poll, POLL_MS);
        },
        // Unreachable for a moment (the server restarting): keep asking.
        () => {
          if (live) timer = setTimeout(poll, POLL_MS * 2);
        },
      );
    };
    poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [active]);

  // Before the first answer (or with a stale 'ready' from an earlier start) it is simply still opening.
  return active ? (startup && startup.state !== 'ready' ? startup : OPENING) : null;
}
