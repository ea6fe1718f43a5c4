import { useEffect, useMemo } from 'react';
import type { MapLevel } from '../../../../shared/contract/map';
import { levelOfCode, parentOfCode } from '../../../../shared/domain/divisionCodes';
import { L } from '../map/leaflet';
import { MapView } from '../map/MapView';
import { useMapHandle } from '../map/mapContext';
import { OutlineLayer } from '../map/layers/OutlineLayer';
import { useBoundaryData, type BoundaryData } from '../map/useBoundaryData';
import { CATEGORY_COLORS, OTHER_CATEGORY_COLOR } from '../map/mapColors';
import '../map/map.css';

function PointMarker({ lon, lat, category, division }: { lon: number | null; lat: number | null; category: string; division: BoundaryData | undefined }) {
  const { map, renderers } = useMapHandle();
  useEffect(() => {
    const box = division?.features[0] ? division.boxes.get(division.features[0].code) : undefined;
    if (lon === null || lat === null) {
      if (box) map.fitBounds(L.latLngBounds([box[1], box[0]], [box[3], box[2]]), { animate: false });
      return;
    }
    const m = L.circleMarker([lat, lon], { renderer: renderers.hits, radius: 7, weight: 2, color: '#fff', fillColor: CATEGORY_COLORS[category] ?? OTHER_CATEGORY_COLOR, fillOpacity: 1, interactive: false }).addTo(map);
    if (box) map.fitBounds(L.latLngBounds([box[1], box[0]], [box[3], box[2]]).extend([lat, lon]), { animate: false, padding: [12, 12] });
    else map.setView([lat, lon], 14, { animate: false });
    return () => {
      m.remove();
    };
  }, [map, renderers, lon, lat, category, division]);
  return null;
}

/** A small map of one service point inside the outline of its division (no tiles, like the big map). */
export function PointMiniMap({ lon, lat, category, divisionCode }: { lon: number | null; lat: number | null; category: string; divisionCode: string }) {
  const level = levelOfCode(divisionCode);
  const mapLevel: MapLevel | null = level === 'county' || level === 'township' || level === 'village' ? level : null;
  const parent = parentOfCode(divisionCode) ?? divisionCode;
  const layer = useBoundaryData(mapLevel ?? 'county', parent, 13, mapLevel !== null);
  const own = useMemo((): BoundaryData | undefined => {
    const d = layer.data;
    if (!d) return undefined;
    const features = d.features.filter((f) => f.code === divisionCode);
    return { ...d, features, borders: features.flatMap((f) => f.polygons.map((rings) => rings[0] ?? [])) };
  }, [layer.data, divisionCode]);

  return (
    <div className="gc-dir-minimap" data-testid="point-minimap">
      <MapView>
        {own && <OutlineLayer data={own} pane="children" color="#1f3a5f" weight={2} />}
        <PointMarker lon={lon} lat={lat} category={category} division={own} />
      </MapView>
    </div>
  );
}
