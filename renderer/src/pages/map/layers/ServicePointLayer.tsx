import { useEffect, useRef } from 'react';
import { L } from '../leaflet';
import { useMapHandle } from '../mapContext';
import type { MapPoint } from '../../../../../shared/domain/mapLayers';
import { CATEGORY_COLORS, OTHER_CATEGORY_COLOR } from '../mapColors';

interface Props {
  points: readonly MapPoint[];
  /** Categories to show (codes). */
  visible: ReadonlySet<string>;
  onClick(id: number, at: L.LatLng): void;
  /** Called once every point has gone through the cluster index (chunked loading). */
  onLoaded?: (count: number) => void;
}

function clusterIcon(cluster: L.MarkerCluster): L.DivIcon {
  const n = cluster.getChildCount();
  const size = n < 10 ? 22 : n < 100 ? 26 : n < 1000 ? 32 : 38;
  const div = document.createElement('div');
  div.textContent = n >= 10_000 ? `${Math.round(n / 1000)}k` : String(n);
  return L.divIcon({ html: div, className: 'gc-cluster', iconSize: L.point(size, size) });
}

/**
 * Service points by category, clustered (leaflet.markercluster with chunked loading, so ~17,000 points
 * never block the page). Each category is added and removed as a block when its toggle changes.
 */
export function ServicePointLayer({ points, visible, onClick, onLoaded }: Props) {
  const { map, renderers } = useMapHandle();
  const clickRef = useRef(onClick);
  const loadedRef = useRef(onLoaded);
  useEffect(() => {
    clickRef.current = onClick;
    loadedRef.current = onLoaded;
  });
  const state = useRef<{ cluster: L.MarkerClusterGroup; byKind: Map<string, L.CircleMarker[]>; shown: Set<string> } | null>(null);

  useEffect(() => {
    const cluster = L.markerClusterGroup({
      chunkedLoading: true,
      chunkInterval: 100,
      chunkDelay: 16,
      // Coarser clusters on the whole city so the grid colours and names stay readable.
      maxClusterRadius: (z: number) => (z < 10 ? 90 : z < 13 ? 70 : 50),
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: false,
      disableClusteringAtZoom: 16,
      removeOutsideVisibleBounds: true,
      animate: false,
      iconCreateFunction: clusterIcon,
    });
    const byKind = new Map<string, L.CircleMarker[]>();
    for (const p of points) {
      const m = L.circleMarker([p.lat, p.lon], {
        renderer: renderers.hits,
        radius: 5,
        weight: 1,
        color: '#ffffff',
        fillColor: CATEGORY_COLORS[p.kind] ?? OTHER_CATEGORY_COLOR,
        fillOpacity: 0.95,
      });
      m.on('click', (e) => clickRef.current(p.id, e.latlng));
      let list = byKind.get(p.kind);
      if (!list) byKind.set(p.kind, (list = []));
      list.push(m);
    }
    cluster.addTo(map);
    state.current = { cluster, byKind, shown: new Set() };
    return () => {
      state.current = null;
      cluster.remove();
    };
  }, [points, map, renderers]);

  useEffect(() => {
    const s = state.current;
    if (!s) return;
    const toRemove: L.Layer[] = [];
    const toAdd: L.Layer[] = [];
    for (const [kind, list] of s.byKind) {
      const want = visible.has(kind);
      if (want && !s.shown.has(kind)) {
        toAdd.push(...list);
        s.shown.add(kind);
      } else if (!want && s.shown.has(kind)) {
        toRemove.push(...list);
        s.shown.delete(kind);
      }
    }
    if (toRemove.length) s.cluster.removeLayers(toRemove);
    if (toAdd.length) {
      const total = toAdd.length;
      const cluster = s.cluster;
      (cluster.options as L.MarkerClusterGroupOptions).chunkProgress = (done: number, all: number) => {
        if (done >= all) loadedRef.current?.(total);
      };
      cluster.addLayers(toAdd, true);
    } else {
      loadedRef.current?.(0);
    }
  }, [visible, points]);

  return null;
}
