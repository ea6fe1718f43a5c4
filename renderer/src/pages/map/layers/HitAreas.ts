import { L } from '../leaflet';
import type { BoundaryFeature } from '../../../../../shared/domain/mapLayers';
import { toLatLngs } from '../mapGeometry';

/**
 * Invisible, clickable shapes on the `hits` canvas, lit faintly under the mouse. They are sent to the
 * back of that canvas so a dot drawn over them still wins the click.
 */
export function addHitAreas(group: L.LayerGroup, renderer: L.Canvas, features: readonly BoundaryFeature[], onClick: (f: BoundaryFeature) => void): void {
  for (const f of features) {
    const p = L.polygon(toLatLngs(f.polygons), { renderer, stroke: false, fillColor: '#1668dc', fillOpacity: 0, interactive: true });
    p.on('click', () => onClick(f));
    p.on('mouseover', () => p.setStyle({ fillOpacity: 0.15 }));
    p.on('mouseout', () => p.setStyle({ fillOpacity: 0 }));
    p.on('add', () => p.bringToBack());
    group.addLayer(p);
  }
}
