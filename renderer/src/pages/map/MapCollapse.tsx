import { useState, type ReactNode } from 'react';
import { Button } from 'antd';
import { CloseOutlined } from '@ant-design/icons';

/** Below this window height (a 1366×768 office screen) the map's panels start folded, so they do not cover the map. */
const ROOMY_HEIGHT = 860;

function startOpen(key: string): boolean {
  try {
    const kept = window.localStorage.getItem(key);
    if (kept === '1' || kept === '0') return kept === '1';
  } catch {
    // no storage: fall back to the screen size
  }
  return window.innerHeight >= ROOMY_HEIGHT;
}

/**
 * A map overlay (the layer panel, the legend) that folds to one button. It starts folded on a small
 * screen and remembers what the user chose.
 */
export function MapCollapse({
  storageKey,
  label,
  hideLabel,
  icon,
  className,
  toggleClassName,
  testId,
  children,
}: {
  storageKey: string;
  label: string;
  hideLabel: string;
  icon: ReactNode;
  className: string;
  toggleClassName: string;
  testId: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(() => startOpen(storageKey));
  const change = (next: boolean) => {
    setOpen(next);
    try {
      window.localStorage.setItem(storageKey, next ? '1' : '0');
    } catch {
      // not kept: fine
    }
  };
  if (!open)
    return (
      <Button className={toggleClassName} icon={icon} onClick={() => change(true)} data-testid={`${testId}-show`} aria-expanded={false}>
        {label}
      </Button>
    );
  return (
    <div className={className} data-testid={testId} aria-label={label} role="region">
      <Button
        className="gc-map-fold"
        size="small"
        type="text"
        icon={<CloseOutlined />}
        aria-label={hideLabel}
        title={hideLabel}
        data-testid={`${testId}-hide`}
        onClick={() => change(false)}
      />
      {children}
    </div>
  );
}
