import { useEffect, useRef } from 'react';
import { L } from '../leaflet';
import { useMapHandle } from '../mapContext';
import type { MapPoint } from '../../../../../shared/domain/mapLayers';
import { WARNING_COLORS } from '../mapColors';
import { WARNING_LEVELS, type WarningLevel } from '../../../../../shared/domain/disputeStatus';

interface Props {
  points: readonly MapPoint[];
  onClick(point: MapPoint, at: L.LatLng): void;
}

const RADIUS: Record<WarningLevel, number> = { none: 3.5, blue: 4.5, yellow: 5, red: 6.5 };

function warningOf(kind: string): WarningLevel {
  return (WARNING_LEVELS as readonly string[]).includes(kind) ? (kind as WarningLevel) : 'none';
}

/** Open disputes as dots coloured by their three-colour warning; red ones drawn last, on top. */
export function DisputeLayer({ points, onClick }: Props) {
  const { map, renderers } = useMapHandle();
  const clickRef = useRef(onClick);
  useEffect(() => {
    clickRef.current = onClick;
  });

  useEffect(() => {
    const group = L.layerGroup();
    const order = (p: MapPoint) => WARNING_LEVELS.indexOf(warningOf(p.kind));
    for (const p of [...points].sort((a, b) => order(a) - order(b))) {
      const w = warningOf(p.kind);
      const m = L.circleMarker([p.lat, p.lon], {
        renderer: renderers.hits,
        radius: RADIUS[w],
        weight: 1,
        color: w === 'none' ? '#ffffff' : '#3b3b3b',
        fillColor: WARNING_COLORS[w],
        fillOpacity: 0.9,
      });
      m.on('click', (e) => clickRef.current(p, e.latlng));
      group.addLayer(m);
    }
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [points, map, renderers]);

  return null;
}
