import { createContext, useContext } from 'react';
import type { Account, NodeStartup, OutputOf } from '../../../shared/contract';

export type SystemInfo = OutputOf<'system.info'>;

export interface SessionState {
  /** system.info, read once at start (public: needed by the login page). */
  info: SystemInfo | null;
  infoError: unknown;
  reloadInfo(): void;
  /** While the node is starting (a first start writes the demo): where it is; null once it is ready. */
  startup: NodeStartup | null;
  /** 'restoring' while a token kept from before a reload is being checked. */
  status: 'restoring' | 'ready';
  account: Account | null;
  /** The core ended the session (NO_SESSION): the login page says so. */
  sessionLost: boolean;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside <SessionProvider>');
  return state;
}

/** The logged-in account; only for pages rendered behind <RequireAuth>. */
export function useAccount(): Account {
  const { account } = useSession();
  if (!account) throw new Error('useAccount without a session');
  return account;
}
