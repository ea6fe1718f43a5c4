import { useEffect } from 'react';
import { L } from '../leaflet';
import { useMapHandle } from '../mapContext';
import type { BoundaryFeature } from '../../../../../shared/domain/mapLayers';
import { toLatLngs } from '../mapGeometry';

/** A thick outline around the selected grid. */
export function HighlightLayer({ feature }: { feature: BoundaryFeature | undefined }) {
  const { map, renderers } = useMapHandle();
  useEffect(() => {
    if (!feature) return;
    const outline = L.polygon(toLatLngs(feature.polygons), {
      renderer: renderers.children,
      color: '#1668dc',
      weight: 3.5,
      fill: false,
      interactive: false,
    }).addTo(map);
    return () => {
      outline.remove();
    };
  }, [feature, map, renderers]);
  return null;
}
