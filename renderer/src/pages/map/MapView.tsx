import { useEffect, useRef, useState, type ReactNode } from 'react';
import { L } from './leaflet';
import { MapContext, PANES, type MapHandle, type PaneName } from './mapContext';

/** Stacking of our panes (Leaflet's own: tiles 200, overlay 400, marker 600, tooltip 650, popup 700). */
const PANE_Z: Record<PaneName, number> = {
  context: 350,
  grids: 360,
  children: 380,
  hits: 430,
  labels: 620,
};

/** Yiyang-sized default before the first layer arrives; the page fits the view to the data. */
const START_CENTER: L.LatLngExpression = [28.4, 112.1];

/**
 * The Leaflet map itself: no tile layer (our boundaries are the base map), canvas rendering in every pane
 * (SVG with a whole city of grids never finished drawing), and a maxZoom the cluster plugin needs without tiles.
 */
export function MapView({ children, onReady }: { children?: ReactNode; onReady?: (map: L.Map) => void }) {
  const el = useRef<HTMLDivElement>(null);
  const [handle, setHandle] = useState<MapHandle | null>(null);
  const onReadyRef = useRef(onReady);
  useEffect(() => {
    onReadyRef.current = onReady;
  });

  useEffect(() => {
    const container = el.current;
    if (!container) return;
    const map = L.map(container, {
      preferCanvas: true,
      minZoom: 5,
      maxZoom: 18,
      zoomSnap: 0.5,
      zoomDelta: 0.5,
      wheelPxPerZoomLevel: 120,
      attributionControl: false,
      center: START_CENTER,
      zoom: 8,
    });
    const renderers = {} as Record<PaneName, L.Canvas>;
    for (const name of PANES) {
      const pane = map.createPane(`gc-${name}`);
      pane.style.zIndex = String(PANE_Z[name]);
      renderers[name] = L.canvas({ pane: `gc-${name}`, padding: 0.15, tolerance: name === 'hits' ? 2 : 0 });
    }
    // Division outlines share the grid canvas (drawn after the fills, which go to its back): one canvas
    // less to raster and composite on every pan and zoom frame.
    renderers.children = renderers.grids;
    L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
    const h: MapHandle = { map, renderers, pane: (name) => `gc-${name}` };
    // The map must exist before the layers (children) mount, so it is state, set once here.
    setHandle(h);
    onReadyRef.current?.(map);
    return () => {
      setHandle(null);
      map.remove();
    };
  }, []);

  return (
    <div className="gc-map-wrap">
      <div ref={el} className="gc-map" data-testid="map-canvas" />
      {handle && <MapContext.Provider value={handle}>{children}</MapContext.Provider>}
    </div>
  );
}
