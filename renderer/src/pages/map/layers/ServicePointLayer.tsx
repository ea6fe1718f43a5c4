import { useEffect, useMemo, useRef } from 'react';
import { L } from '../leaflet';
import { useMapHandle } from '../mapContext';
import type { MapPoint } from '../../../../../shared/domain/mapLayers';
import { CATEGORY_COLORS, OTHER_CATEGORY_COLOR } from '../mapColors';
import { clusterPoints, type Cluster, type PointSet } from '../pointClusters';
import { onPointer, paintLayer, projectX, projectY, type PaintLayer } from './paintLayer';

interface Props {
  points: readonly MapPoint[];
  /** Categories to show (codes). */
  visible: ReadonlySet<string>;
  onClick(id: number, at: L.LatLng): void;
  /** Called once the points are on the map (the first paint is on the next frame). */
  onLoaded?: (count: number) => void;
}

/** From this zoom on every point is drawn alone (as markercluster's disableClusteringAtZoom did). */
const NO_CLUSTER_ZOOM = 16;
const DOT_RADIUS = 5;

/** Cell size in screen pixels: coarser on the whole city so the grid colours and names stay readable. */
function cellAt(zoom: number): number {
  if (zoom >= NO_CLUSTER_ZOOM) return 0;
  return zoom < 10 ? 80 : zoom < 13 ? 64 : 48;
}

function clusterRadius(n: number): number {
  return n < 10 ? 10 : n < 100 ? 12 : n < 1000 ? 15 : 18;
}

function countText(n: number): string {
  return n >= 10_000 ? `${Math.round(n / 1000)}k` : String(n);
}

interface Drawn {
  x: number;
  y: number;
  r: number;
  c: Cluster;
}

/**
 * Service points by category, clustered per zoom on a grid of screen cells (pointClusters.ts) and painted
 * on the hits canvas: a cluster is a disc with its count and a ring split by category; a lone point is a
 * dot in its category's colour. Clicking a cluster zooms into it, a dot opens its popup. Nothing is built
 * per point, so ~19,000 points are on the map from the first frame.
 */
export function ServicePointLayer({ points, visible, onClick, onLoaded }: Props) {
  const { map, renderers } = useMapHandle();
  const clickRef = useRef(onClick);
  const loadedRef = useRef(onLoaded);
  useEffect(() => {
    clickRef.current = onClick;
    loadedRef.current = onLoaded;
  });

  const set = useMemo((): PointSet => {
    const kinds: string[] = [];
    const index = new Map<string, number>();
    const xy = new Float64Array(points.length * 2);
    const kind = new Uint8Array(points.length);
    points.forEach((p, i) => {
      let k = index.get(p.kind);
      if (k === undefined) {
        k = kinds.length;
        index.set(p.kind, k);
        kinds.push(p.kind);
      }
      kind[i] = k;
      xy[2 * i] = projectX(p.lon);
      xy[2 * i + 1] = projectY(p.lat);
    });
    return { xy, kind, kinds };
  }, [points]);
  const shown = useMemo(() => set.kinds.map((k) => visible.has(k)), [set, visible]);
  const layer = useRef<PaintLayer | null>(null);
  const shownRef = useRef(shown);
  const cache = useRef(new Map<number, Cluster[]>());

  useEffect(() => {
    const colors = set.kinds.map((k) => CATEGORY_COLORS[k] ?? OTHER_CATEGORY_COLOR);
    cache.current.clear();
    const clustersAt = (zoom: number, scale: number): Cluster[] => {
      const key = Math.round(zoom * 4);
      let cs = cache.current.get(key);
      if (!cs) {
        if (cache.current.size > 12) cache.current.clear(); // a flight passes through many fractional zooms
        cs = clusterPoints(set, shownRef.current, scale, cellAt(zoom));
        cache.current.set(key, cs);
      }
      return cs;
    };
    let drawn: Drawn[] = [];

    const paint = paintLayer(renderers.hits, (v) => {
      const { ctx, scale, ox, oy, min0, max0 } = v;
      const next: Drawn[] = [];
      const pad = 24 / scale;
      const singles: Cluster[] = [];
      ctx.font = 'bold 11px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      for (const c of clustersAt(v.zoom, scale)) {
        if (c.x < min0[0] - pad || c.x > max0[0] + pad || c.y < min0[1] - pad || c.y > max0[1] + pad) continue;
        if (c.count === 1) {
          singles.push(c);
          continue;
        }
        const x = c.x * scale - ox;
        const y = c.y * scale - oy;
        const r = clusterRadius(c.count);
        ctx.beginPath();
        ctx.arc(x, y, r + 3, 0, 2 * Math.PI);
        ctx.fillStyle = 'rgba(19, 168, 168, 0.25)';
        ctx.fill();
        // The ring: each category's share of the cluster.
        let a = -Math.PI / 2;
        ctx.lineWidth = 3;
        for (let k = 0; k < c.byKind.length; k++) {
          const m = c.byKind[k]!;
          if (!m) continue;
          const b = a + (2 * Math.PI * m) / c.count;
          ctx.beginPath();
          ctx.arc(x, y, r - 1.5, a, b);
          ctx.strokeStyle = colors[k]!;
          ctx.stroke();
          a = b;
        }
        ctx.beginPath();
        ctx.arc(x, y, r - 3, 0, 2 * Math.PI);
        ctx.fillStyle = 'rgba(8, 151, 156, 0.85)';
        ctx.fill();
        ctx.fillStyle = '#fff';
        ctx.fillText(countText(c.count), x, y + 0.5);
        next.push({ x, y, r: r + 3, c });
      }
      ctx.lineWidth = 1;
      ctx.strokeStyle = '#ffffff';
      ctx.globalAlpha = 0.95;
      for (const c of singles) {
        const x = c.x * scale - ox;
        const y = c.y * scale - oy;
        ctx.beginPath();
        ctx.arc(x, y, DOT_RADIUS, 0, 2 * Math.PI);
        ctx.fillStyle = colors[set.kind[c.first]!]!;
        ctx.fill();
        ctx.stroke();
        next.push({ x, y, r: DOT_RADIUS + 2, c });
      }
      drawn = next;
    });

    const stopPointer = onPointer(map, (at) => {
      const lp = map.containerPointToLayerPoint(at);
      // Topmost first: dots are drawn over clusters.
      for (let i = drawn.length - 1; i >= 0; i--) {
        const d = drawn[i]!;
        const dx = lp.x - d.x;
        const dy = lp.y - d.y;
        if (dx * dx + dy * dy > d.r * d.r) continue;
        const c = d.c;
        if (c.count === 1) {
          const p = points[c.first]!;
          return () => clickRef.current(p.id, L.latLng(p.lat, p.lon));
        }
        return () => {
          const sw = map.unproject([c.minX, c.maxY], 0);
          const ne = map.unproject([c.maxX, c.minY], 0);
          map.flyToBounds(L.latLngBounds(sw, ne), { padding: [48, 48], maxZoom: NO_CLUSTER_ZOOM, duration: 0.6 });
        };
      }
      return null;
    });
    paint.addTo(map);
    layer.current = paint;
    loadedRef.current?.(points.length);
    return () => {
      layer.current = null;
      stopPointer();
      paint.remove();
    };
  }, [set, points, map, renderers]);

  // A category toggled: cluster again (lazily, per zoom) and repaint; the layer stays where it is.
  useEffect(() => {
    if (shownRef.current === shown) return;
    shownRef.current = shown;
    cache.current.clear();
    layer.current?.redraw();
  }, [shown]);

  return null;
}
