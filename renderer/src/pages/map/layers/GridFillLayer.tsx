import { useEffect, useRef } from 'react';
import { L } from '../leaflet';
import { useMapHandle } from '../mapContext';
import type { BoundaryData } from '../useBoundaryData';
import { toLatLngs } from '../mapGeometry';
import { addHitAreas } from './HitAreas';

interface Props {
  data: BoundaryData;
  colorOf(code: string): string;
  /** Clickable (a village's grids open their card). */
  onClick?: (code: string) => void;
}

/**
 * Grids filled by the chosen measure, on their own canvas, with every shared border drawn once (the
 * topology's arcs as one polyline) instead of twice as polygon outlines.
 */
export function GridFillLayer({ data, colorOf, onClick }: Props) {
  const { map, renderers } = useMapHandle();
  const polygons = useRef(new Map<string, L.Polygon>());
  const colorRef = useRef(colorOf);
  const clickRef = useRef(onClick);
  useEffect(() => {
    colorRef.current = colorOf;
    clickRef.current = onClick;
  });
  const interactive = onClick !== undefined;

  useEffect(() => {
    const group = L.layerGroup();
    const byCode = new Map<string, L.Polygon>();
    for (const f of data.features) {
      const p = L.polygon(toLatLngs(f.polygons), {
        renderer: renderers.grids,
        stroke: false,
        fillColor: colorRef.current(f.code),
        fillOpacity: 0.8,
        interactive: false,
      });
      byCode.set(f.code, p);
      group.addLayer(p);
    }
    const borders = L.polyline(
      data.borders.map((arc) => arc.map(([lon, lat]) => [lat, lon] as [number, number])),
      { renderer: renderers.grids, color: '#8d99a6', weight: data.features.length > 1500 ? 0.4 : 0.9, opacity: 0.8, interactive: false },
    );
    group.addLayer(borders);
    if (interactive) addHitAreas(group, renderers.hits, data.features, (f) => clickRef.current?.(f.code));
    group.addTo(map);
    polygons.current = byCode;
    return () => {
      group.remove();
    };
  }, [data, interactive, map, renderers]);

  // A new measure recolours the polygons in place: no geometry is rebuilt.
  useEffect(() => {
    for (const [code, p] of polygons.current) p.setStyle({ fillColor: colorOf(code) });
  }, [colorOf, data]);

  return null;
}
