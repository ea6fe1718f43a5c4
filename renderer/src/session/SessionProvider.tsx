import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Account } from '../../../shared/contract';
import { call, CoreError, hasSessionToken, login as clientLogin, logout as clientLogout, onSessionLost } from '../api/client';
import { SessionContext, type SessionPolicy, type SessionState, type SystemInfo } from './sessionContext';
import { useNodeStartup } from './useNodeStartup';

const isStarting = (err: unknown) => err instanceof CoreError && err.code === 'NODE_STARTING';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<SystemInfo | null>(null);
  const [infoError, setInfoError] = useState<unknown>(null);
  const [infoRequest, setInfoRequest] = useState(0);
  const [account, setAccount] = useState<Account | null>(null);
  const [status, setStatus] = useState<'restoring' | 'ready'>(() => (hasSessionToken() ? 'restoring' : 'ready'));
  const [restoreRequest, setRestoreRequest] = useState(0);
  const [sessionLost, setSessionLost] = useState(false);
  const [mustChangePassword, setMustChangePassword] = useState(false);
  const [policy, setPolicy] = useState<SessionPolicy | null>(null);
  const [idleLocked, setIdleLocked] = useState(false);
  // A first start answers at once but refuses calls until the demo is written: follow its progress, then ask again.
  const [starting, setStarting] = useState(false);
  const startup = useNodeStartup(
    starting,
    useCallback(() => {
      setStarting(false);
      setInfoRequest((n) => n + 1);
      setRestoreRequest((n) => n + 1);
    }, []),
  );

  useEffect(() => {
    let live = true;
    call('system.info', {}).then(
      (value) => {
        if (!live) return;
        setInfo(value);
        setInfoError(null);
      },
      (err: unknown) => {
        if (!live) return;
        if (isStarting(err)) setStarting(true);
        else setInfoError(err);
      },
    );
    return () => {
      live = false;
    };
  }, [infoRequest]);

  // A browser reload keeps the token (sessionStorage): find out whose it is, or forget it.
  useEffect(() => {
    if (!hasSessionToken()) return;
    let live = true;
    let again = false;
    call('session.me', {})
      .then(
        (me) => {
          if (live) setAccount(me);
          void call('session.policy', {}).then((p) => live && setPolicy(p), () => undefined);
        },
        (err: unknown) => {
          again = isStarting(err);
          if (live && again) setStarting(true);
        },
      )
      .finally(() => {
        if (live && !again) setStatus('ready');
      });
    return () => {
      live = false;
    };
  }, [restoreRequest]);

  useEffect(
    () =>
      onSessionLost(() => {
        setAccount(null);
        setSessionLost(true);
      }),
    [],
  );

  const reloadInfo = useCallback(() => setInfoRequest((n) => n + 1), []);

  const login = useCallback(async (username: string, password: string) => {
    const next = await clientLogin(username, password);
    setSessionLost(false);
    setIdleLocked(false);
    setMustChangePassword(next.mustChangePassword);
    setPolicy(next.policy);
    setAccount(next.account);
    setInfoRequest((n) => n + 1);
  }, []);

  const logout = useCallback(async () => {
    await clientLogout();
    setSessionLost(false);
    setMustChangePassword(false);
    setAccount(null);
  }, []);

  const lockForIdle = useCallback(async () => {
    await clientLogout();
    setMustChangePassword(false);
    setIdleLocked(true);
    setAccount(null);
  }, []);

  const passwordChanged = useCallback(() => setMustChangePassword(false), []);

  const value = useMemo<SessionState>(
    () => ({ info, infoError, reloadInfo, startup, status, account, sessionLost, login, logout, mustChangePassword, passwordChanged, policy, idleLocked, lockForIdle }),
    [info, infoError, reloadInfo, startup, status, account, sessionLost, login, logout, mustChangePassword, passwordChanged, policy, idleLocked, lockForIdle],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
