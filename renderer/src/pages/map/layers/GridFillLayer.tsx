import { useEffect, useMemo, useRef } from 'react';
import { L } from '../leaflet';
import { useMapHandle } from '../mapContext';
import type { BoundaryData } from '../useBoundaryData';
import { addHitAreas } from './HitAreas';
import { paintLayer, projectLine, traceLine, type PaintLayer } from './paintLayer';

interface Props {
  data: BoundaryData;
  colorOf(code: string): string;
  /** Clickable (a village's grids open their card). */
  onClick?: (code: string) => void;
}

interface Projected {
  /** Per feature: its rings in zoom-0 pixels, and its box [minX, minY, maxX, maxY]. */
  rings: Float64Array[][];
  boxes: Float64Array;
  borders: Float64Array[];
}

function project(data: BoundaryData): Projected {
  const boxes = new Float64Array(data.features.length * 4);
  const rings = data.features.map((f, i) => {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    const out: Float64Array[] = [];
    for (const polygon of f.polygons)
      for (const ring of polygon) {
        const line = projectLine(ring);
        for (let k = 0; k < line.length; k += 2) {
          const x = line[k]!;
          const y = line[k + 1]!;
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
        out.push(line);
      }
    boxes.set([minX, minY, maxX, maxY], i * 4);
    return out;
  });
  return { rings, boxes, borders: data.borders.map(projectLine) };
}

/**
 * Grids filled by the chosen measure, painted on their own canvas in one pass per colour class (not one
 * Leaflet polygon per grid: at city scale re-projecting 5,816 of them on every zoom was the slow part),
 * with every shared border drawn once (the topology's arcs).
 */
export function GridFillLayer({ data, colorOf, onClick }: Props) {
  const { map, renderers } = useMapHandle();
  const projected = useMemo(() => project(data), [data]);
  const colors = useRef<string[]>([]);
  const layer = useRef<PaintLayer | null>(null);
  const clickRef = useRef(onClick);
  useEffect(() => {
    clickRef.current = onClick;
  });
  const interactive = onClick !== undefined;

  useEffect(() => {
    const { rings, boxes, borders } = projected;
    const weight = data.features.length > 1500 ? 0.4 : 0.9;
    const paint = paintLayer(renderers.grids, (v) => {
      const { ctx, min0, max0 } = v;
      const byColor = new Map<string, number[]>();
      for (let i = 0; i < rings.length; i++) {
        const o = i * 4;
        if (boxes[o + 2]! < min0[0] || boxes[o]! > max0[0] || boxes[o + 3]! < min0[1] || boxes[o + 1]! > max0[1]) continue;
        const c = colors.current[i] ?? '#f4f4f0';
        let list = byColor.get(c);
        if (!list) byColor.set(c, (list = []));
        list.push(i);
      }
      // Grids never overlap: one path per colour at 0.8 looks like each grid filled at 0.8.
      ctx.globalAlpha = 0.8;
      for (const [color, list] of byColor) {
        ctx.beginPath();
        for (const i of list) for (const ring of rings[i]!) traceLine(ctx, ring, v, true);
        ctx.fillStyle = color;
        ctx.fill('evenodd');
      }
      ctx.beginPath();
      for (const arc of borders) traceLine(ctx, arc, v, false);
      ctx.strokeStyle = '#8d99a6';
      ctx.lineWidth = weight;
      ctx.lineJoin = 'round';
      ctx.lineCap = 'round';
      ctx.stroke();
    });
    const group = L.layerGroup([paint]);
    if (interactive) addHitAreas(group, renderers.hits, data.features, (f) => clickRef.current?.(f.code));
    group.addTo(map);
    // Under the outlines and the highlight that share this canvas, whenever it was (re)added.
    paint.bringToBack();
    layer.current = paint;
    return () => {
      layer.current = null;
      group.remove();
    };
  }, [data, projected, interactive, map, renderers]);

  // A new measure recolours in place: nothing is rebuilt, the canvas is painted again.
  useEffect(() => {
    colors.current = data.features.map((f) => colorOf(f.code));
    layer.current?.redraw();
  }, [colorOf, data]);

  return null;
}
