import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useTranslation } from 'react-i18next';
import { decodeBoundaryLayer } from '../../../../../shared/domain/mapLayers';
import { call } from '../../../api/client';

export interface LocatedPoint {
  lon: number;
  lat: number;
  grid: { gridId: number; villageCode: string; townshipCode: string; countyCode: string; gridName: string } | null;
}

interface Props {
  villageCode: string | undefined;
  point: { lon: number; lat: number } | undefined;
  onPick(p: LocatedPoint): void;
}

/**
 * A small map for the case's point, with no tiles at all: the village's own grid outlines are the base
 * (works offline). A click marks the point and the core says which grid holds it.
 */
export function IntakeMap({ villageCode, point, onPick }: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const grids = useRef<L.LayerGroup | null>(null);
  const marker = useRef<L.CircleMarker | null>(null);
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  });

  useEffect(() => {
    if (!box.current) return;
    const m = L.map(box.current, { preferCanvas: true, zoomControl: true, attributionControl: false, maxZoom: 19 }).setView([28.55, 112.35], 9);
    grids.current = L.layerGroup().addTo(m);
    m.on('click', (e: L.LeafletMouseEvent) => {
      const lon = Number(e.latlng.lng.toFixed(6));
      const lat = Number(e.latlng.lat.toFixed(6));
      call('map.locate', { lon, lat }).then(
        ({ grid }) => pick.current({ lon, lat, grid }),
        () => pick.current({ lon, lat, grid: null }),
      );
    });
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    const layer = grids.current;
    if (!m || !layer || !villageCode) return;
    let live = true;
    call('map.boundaries', { level: 'grid', parentCode: villageCode, zoom: 15 }).then(
      (encoded) => {
        if (!live) return;
        layer.clearLayers();
        const bounds = L.latLngBounds([]);
        for (const f of decodeBoundaryLayer(encoded)) {
          const latlngs = f.polygons.map((rings) => rings.map((ring) => ring.map(([lon, lat]) => L.latLng(lat, lon))));
          const poly = L.polygon(latlngs, { color: '#1668dc', weight: 1.5, fillOpacity: 0.06 }).bindTooltip(f.name, { sticky: true });
          poly.on('click', (e: L.LeafletMouseEvent) => m.fire('click', e));
          layer.addLayer(poly);
          bounds.extend(poly.getBounds());
        }
        if (bounds.isValid()) m.fitBounds(bounds, { padding: [8, 8] });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [villageCode]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    marker.current?.remove();
    marker.current = point ? L.circleMarker([point.lat, point.lon], { radius: 7, color: '#cf1322', fillOpacity: 0.8 }).addTo(m) : null;
  }, [point]);

  return (
    <div>
      <div ref={box} data-testid="intake-map" style={{ height: 260, background: '#f5f7fa', border: '1px solid #d9d9d9', borderRadius: 4 }} />
      <div style={{ color: '#8c8c8c', fontSize: 12, marginTop: 4 }}>{villageCode ? t('intake.mapHint') : t('intake.mapPickVillage')}</div>
    </div>
  );
}
