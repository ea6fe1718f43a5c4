import { useEffect, useRef, type RefObject } from 'react';
import type { InputRef } from 'antd';

function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** "/" focuses the quick search (outside text fields); Alt+N opens the intake form. */
export function useQueueKeys({ searchRef, onNewCase }: { searchRef: RefObject<InputRef | null>; onNewCase: (() => void) | undefined }) {
  const newCase = useRef(onNewCase);
  useEffect(() => {
    newCase.current = onNewCase;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !e.ctrlKey && !e.altKey && !e.metaKey && !typingIn(e.target)) {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.altKey && !e.ctrlKey && (e.key === 'n' || e.key === 'N') && newCase.current) {
        e.preventDefault();
        newCase.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [searchRef]);
}
