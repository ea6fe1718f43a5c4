import { useMemo } from 'react';
import type { MapLevel } from '../../../../shared/contract/map';
import { decodeBoundaryLayer, decodeBorderLines, type BoundaryFeature } from '../../../../shared/domain/mapLayers';
import { useCall } from '../../hooks/useCall';
import { polygonsBbox, unionBbox, type Bbox, type LonLat } from '../../../../shared/domain/geometry';

export interface BoundaryData {
  level: MapLevel;
  parentCode: string;
  features: BoundaryFeature[];
  /** Every border once (the topology's arcs). */
  borders: LonLat[][];
  bbox: Bbox | null;
  names: Map<string, string>;
  boxes: Map<string, Bbox>;
}

export interface BoundaryState {
  data: BoundaryData | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/** One boundary layer from the core (compact topology), decoded once per answer. */
export function useBoundaryData(level: MapLevel, parentCode: string, zoom: number, enabled = true): BoundaryState {
  const call = useCall('map.boundaries', { level, parentCode, zoom }, enabled);
  const raw = call.data;
  const data = useMemo((): BoundaryData | undefined => {
    if (!raw) return undefined;
    const features = decodeBoundaryLayer(raw);
    const boxes = new Map<string, Bbox>();
    for (const f of features) {
      const b = polygonsBbox(f.polygons);
      if (b) boxes.set(f.code, b);
    }
    return {
      level: raw.level,
      parentCode,
      features,
      borders: decodeBorderLines(raw),
      bbox: (raw.bbox as Bbox | null) ?? unionBbox(boxes.values()),
      names: new Map(features.map((f) => [f.code, f.name])),
      boxes,
    };
    // parentCode is part of the request that produced `raw`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [raw]);
  // While a new focus loads, the previous layer's answer is still in `data`: only hand out a match.
  const current = data && data.level === level && data.parentCode === parentCode ? data : undefined;
  return { data: current, error: call.error, loading: call.loading, reload: call.reload };
}
