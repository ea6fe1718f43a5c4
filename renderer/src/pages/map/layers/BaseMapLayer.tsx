import { useEffect } from 'react';
import { L } from '../leaflet';
import { useMapHandle } from '../mapContext';
import type { BaseMapChoice } from '../useBaseMap';

/**
 * A raster base map under our boundaries, only when the user picked one the core has configured: an
 * MBTiles package served by the core (same origin), or 天地图 WMTS with the admin's key. With 'none'
 * (the default) no tile is ever requested.
 */
export function BaseMapLayer({ choice }: { choice: BaseMapChoice }) {
  const { map } = useMapHandle();

  useEffect(() => {
    if (choice.kind === 'none') return;
    const layers: L.TileLayer[] = [];
    if (choice.kind === 'mbtiles') {
      const s = choice.set;
      // Relative to the page: the renderer is served from app://console/ or the core's HTTP root.
      const base = s.tilePath.replace(/^\//, './');
      layers.push(
        L.tileLayer(`${base}/{z}/{x}/{y}`, {
          minZoom: 0,
          maxZoom: 18,
          minNativeZoom: s.minZoom,
          maxNativeZoom: s.maxZoom,
          ...(s.bounds ? { bounds: L.latLngBounds([s.bounds[1], s.bounds[0]], [s.bounds[3], s.bounds[2]]) } : {}),
          ...(s.attribution ? { attribution: s.attribution } : {}),
        }),
      );
    } else {
      const opts: L.TileLayerOptions = { subdomains: '01234567', maxZoom: 18, maxNativeZoom: 18 };
      layers.push(L.tileLayer(choice.urlTemplate, opts));
      if (choice.annotationTemplate) layers.push(L.tileLayer(choice.annotationTemplate, opts));
    }
    for (const l of layers) l.addTo(map);
    return () => {
      for (const l of layers) l.remove();
    };
  }, [choice, map]);

  return null;
}
