import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './sessionContext';
import { FullPageSpin } from '../components/FullPageSpin';

/** Pages behind a login: without a session, go to the login page and come back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, account } = useSession();
  const location = useLocation();
  if (status === 'restoring') return <FullPageSpin />;
  if (!account) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}
