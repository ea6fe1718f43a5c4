import { createContext, useCallback, useContext } from 'react';
import type { Account, HandlerName, NodeStartup, OutputOf } from '../../../shared/contract';
import { mayCall } from '../../../shared/contract/access';

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
  /** Logged in with a one-time password (an admin's reset): the console asks for a new one before anything else. */
  mustChangePassword: boolean;
  passwordChanged(): void;
  /** The node's session policy (idle lock), once logged in. */
  policy: SessionPolicy | null;
  /** The console locked itself after the idle time: the login page says so. */
  idleLocked: boolean;
  lockForIdle(): Promise<void>;
}

export type SessionPolicy = OutputOf<'session.policy'>;

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

/**
 * May the signed-in account call a handler? Read from the contract (mayCall), the list the core enforces:
 * show a control only when this says yes, and never keep a role list in the renderer.
 */
export function useMayCall(): (name: HandlerName) => boolean {
  const { account } = useSession();
  const role = account?.role;
  // Stable per role: effects may depend on it.
  return useCallback((name: HandlerName) => mayCall(role, name), [role]);
}
