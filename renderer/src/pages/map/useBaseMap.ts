import { useMemo, useState } from 'react';
import type { MbtilesSet } from '../../../../shared/contract/basemap';
import { useCall } from '../../hooks/useCall';

export type BaseMapChoice =
  | { kind: 'none' }
  | { kind: 'mbtiles'; set: MbtilesSet }
  | { kind: 'wmts'; urlTemplate: string; annotationTemplate: string | null };

export interface BaseMapOption {
  /** 'none', 'mbtiles:<id>' or 'wmts'. */
  key: string;
  label: string;
  online: boolean;
}

const STORAGE_KEY = 'gridConsole.map.baseMap';

function stored(): string {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? 'none';
  } catch {
    return 'none';
  }
}

/**
 * The base map the user picked on this machine, among those the core has configured. A stored choice that
 * is no longer configured (package removed, WMTS turned off) falls back to 'none': never a network tile
 * that nobody set up.
 */
export function useBaseMap(noneLabel: string, wmtsLabel: string) {
  const config = useCall('basemap.get', {});
  const [key, setKey] = useState(stored);
  const options = useMemo((): BaseMapOption[] => {
    const out: BaseMapOption[] = [{ key: 'none', label: noneLabel, online: false }];
    for (const s of config.data?.mbtiles ?? []) out.push({ key: `mbtiles:${s.id}`, label: `MBTiles · ${s.name}`, online: false });
    if (config.data?.wmts.enabled && config.data.wmts.urlTemplate) out.push({ key: 'wmts', label: wmtsLabel, online: true });
    return out;
  }, [config.data, noneLabel, wmtsLabel]);

  const choice = useMemo((): BaseMapChoice => {
    const data = config.data;
    if (!data) return { kind: 'none' };
    if (key === 'wmts' && data.wmts.enabled && data.wmts.urlTemplate)
      return { kind: 'wmts', urlTemplate: data.wmts.urlTemplate, annotationTemplate: data.wmts.annotationTemplate };
    const set = key.startsWith('mbtiles:') ? data.mbtiles.find((s) => `mbtiles:${s.id}` === key) : undefined;
    return set ? { kind: 'mbtiles', set } : { kind: 'none' };
  }, [config.data, key]);

  const select = (next: string) => {
    setKey(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage disabled by policy: the choice lasts until the page reloads.
    }
  };
  const activeKey = choice.kind === 'none' ? 'none' : choice.kind === 'wmts' ? 'wmts' : `mbtiles:${choice.set.id}`;
  return { options, choice, activeKey, select, reload: config.reload };
}
