import { useCallback, useContext, useEffect, useMemo, useRef } from 'react';
import { UNSAFE_NavigationContext } from 'react-router';
import type { IntakeValues } from './intakeValues';

/**
 * The intake form's draft: kept in this browser's storage per account while a clerk types (a call may
 * still be on the line), brought back after a reload, removed when the case is registered or discarded.
 */
export interface IntakeDraft {
  values: IntakeValues;
  savedAt: string;
}

const KEY_PREFIX = 'ggc.intakeDraft.';

export function draftKey(username: string): string {
  return `${KEY_PREFIX}${username}`;
}

export function readDraft(username: string): IntakeDraft | null {
  try {
    const raw = window.localStorage.getItem(draftKey(username));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as IntakeDraft;
    return parsed && typeof parsed === 'object' && parsed.values ? parsed : null;
  } catch {
    return null;
  }
}

export function writeDraft(username: string, values: IntakeValues): void {
  try {
    if (hasContent(values)) window.localStorage.setItem(draftKey(username), JSON.stringify({ values, savedAt: new Date().toISOString() }));
    else window.localStorage.removeItem(draftKey(username));
  } catch {
    // Storage full or refused: the form still works, only without a draft.
  }
}

export function clearDraft(username: string): void {
  try {
    window.localStorage.removeItem(draftKey(username));
  } catch {
    // nothing kept, nothing to clear
  }
}

const filled = (s: string | undefined | null) => typeof s === 'string' && s.trim() !== '';

/** Has the clerk typed or picked anything beyond the form's defaults? */
export function hasContent(v: Partial<IntakeValues> | undefined): boolean {
  if (!v) return false;
  if (v.category || filled(v.summary) || filled(v.address) || v.location) return true;
  if (v.place && Object.values(v.place).some((x) => x !== undefined)) return true;
  if (v.amountYuan !== undefined && v.amountYuan !== null) return true;
  if ((v.repeatVisits ?? 0) > 0) return true;
  return (v.parties ?? []).some((p) => filled(p?.name) || filled(p?.idNumber) || filled(p?.phone) || filled(p?.address));
}

/**
 * Ask before an in-app navigation leaves the page while `dirty()` says there is something to lose. The
 * HashRouter has no data-router blocker, so this wraps the navigator's push/replace (what links, menus and
 * navigate() call). Closing or reloading the window is covered by the draft instead of a prompt.
 */
export function useLeaveGuard(dirty: () => boolean, ask: (proceed: () => void) => void): { leave: (go: () => void) => void } {
  const { navigator } = useContext(UNSAFE_NavigationContext);
  const bypass = useRef(false);
  const latest = useRef({ dirty, ask });
  useEffect(() => {
    latest.current = { dirty, ask };
  });
  useEffect(() => guardNavigator(navigator, (go) => (bypass.current || !latest.current.dirty() ? go() : latest.current.ask(go))), [navigator]);
  const leave = useCallback((go: () => void) => {
    bypass.current = true;
    try {
      go();
    } finally {
      bypass.current = false;
    }
  }, []);
  return useMemo(() => ({ leave }), [leave]);
}

type Navigating = (...args: unknown[]) => void;

/**
 * Route the navigator's push and replace through `gate` (which runs `go` now, later or never); returns
 * the undo. Outside the hook: the router's navigator is a plain object the HashRouter owns for its life.
 */
function guardNavigator(navigator: object, gate: (go: () => void) => void): () => void {
  const nav = navigator as { push: Navigating; replace: Navigating };
  const { push, replace } = nav;
  nav.push = (...args) => gate(() => push.apply(navigator, args));
  nav.replace = (...args) => gate(() => replace.apply(navigator, args));
  return () => {
    nav.push = push;
    nav.replace = replace;
  };
}
