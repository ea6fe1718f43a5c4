import { useEffect, useRef } from 'react';
import { L } from '../leaflet';
import { useMapHandle, type PaneName } from '../mapContext';
import type { BoundaryData } from '../useBoundaryData';
import { addHitAreas } from './HitAreas';

interface Props {
  data: BoundaryData;
  pane: Extract<PaneName, 'context' | 'children'>;
  color: string;
  weight: number;
  /** Click a feature to drill into it (the focus's children, its siblings). */
  onSelect?: (code: string, name: string) => void;
  /** Not clickable (the focus among its siblings: its children take the clicks). */
  skipCode?: string;
}

/** Division outlines (counties, townships, villages): every border once, as one polyline. */
export function OutlineLayer({ data, pane, color, weight, onSelect, skipCode }: Props) {
  const { map, renderers } = useMapHandle();
  const selectRef = useRef(onSelect);
  useEffect(() => {
    selectRef.current = onSelect;
  });
  const interactive = onSelect !== undefined;

  useEffect(() => {
    const group = L.layerGroup();
    group.addLayer(
      L.polyline(
        data.borders.map((arc) => arc.map(([lon, lat]) => [lat, lon] as [number, number])),
        { renderer: renderers[pane], color, weight, opacity: 0.9, interactive: false, lineJoin: 'round' },
      ),
    );
    if (interactive) {
      const clickable = data.features.filter((f) => f.code !== skipCode);
      addHitAreas(group, renderers.hits, clickable, (f) => selectRef.current?.(f.code, f.name));
    }
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [data, interactive, map, renderers, pane, color, weight, skipCode]);

  return null;
}
