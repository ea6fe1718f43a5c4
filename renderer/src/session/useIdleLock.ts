import { useEffect } from 'react';

const EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Shared office PCs: after `minutes` without input the console locks itself (`onIdle`: log out and say why
 * on the login page). 0 or null: never. Checked every 15 s against the last input, so a sleeping PC that
 * wakes past the limit locks at once.
 */
export function useIdleLock(minutes: number | null | undefined, onIdle: () => void): void {
  useEffect(() => {
    if (!minutes) return;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    for (const e of EVENTS) window.addEventListener(e, touch, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last >= minutes * 60_000) onIdle();
    }, 15_000);
    return () => {
      window.clearInterval(timer);
      for (const e of EVENTS) window.removeEventListener(e, touch, { capture: true });
    };
  }, [minutes, onIdle]);
}
