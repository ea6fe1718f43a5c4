import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useAccount, useMayCall } from '../session/sessionContext';
import { navItemsFor } from './navItems';

/** Alt+1…8 open the pages of the left menu, from anywhere (also while typing in a field). */
export function useNavShortcuts(): void {
  const navigate = useNavigate();
  const may = useMayCall();
  const role = useAccount().role;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      // e.code works whatever the keyboard layout or IME state.
      const digit = /^Digit(\d)$/.exec(e.code)?.[1];
      const item = navItemsFor(role, may).find((i) => i.shortcut === digit);
      if (!item) return;
      e.preventDefault();
      void navigate(item.path);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, may, role]);
}
