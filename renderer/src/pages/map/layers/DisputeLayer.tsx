import { useEffect, useMemo, useRef } from 'react';
import { L } from '../leaflet';
import { useMapHandle } from '../mapContext';
import type { MapPoint } from '../../../../../shared/domain/mapLayers';
import { WARNING_COLORS } from '../mapColors';
import { WARNING_LEVELS, type WarningLevel } from '../../../../../shared/domain/disputeStatus';
import { onPointer, paintLayer, projectX, projectY } from './paintLayer';

interface Props {
  points: readonly MapPoint[];
  onClick(point: MapPoint, at: L.LatLng): void;
}

const RADIUS: Record<WarningLevel, number> = { none: 3.5, blue: 4.5, yellow: 5, red: 6.5 };

function warningOf(kind: string): WarningLevel {
  return (WARNING_LEVELS as readonly string[]).includes(kind) ? (kind as WarningLevel) : 'none';
}

/**
 * Open disputes as dots coloured by their three-colour warning; red ones drawn last, on top. Painted on
 * the hits canvas from zoom-0 positions (no Leaflet object per dispute); a click opens the popup.
 */
export function DisputeLayer({ points, onClick }: Props) {
  const { map, renderers } = useMapHandle();
  const clickRef = useRef(onClick);
  useEffect(() => {
    clickRef.current = onClick;
  });

  // Sorted by warning (none first, red last) and projected once per answer.
  const sorted = useMemo(() => {
    const order = (p: MapPoint) => WARNING_LEVELS.indexOf(warningOf(p.kind));
    const list = [...points].sort((a, b) => order(a) - order(b));
    const xy = new Float64Array(list.length * 2);
    list.forEach((p, i) => {
      xy[2 * i] = projectX(p.lon);
      xy[2 * i + 1] = projectY(p.lat);
    });
    return { list, xy, warning: list.map((p) => warningOf(p.kind)) };
  }, [points]);

  useEffect(() => {
    const { list, xy, warning } = sorted;
    /** Indexes drawn in the last paint, and where (layer points). */
    let drawn: { i: number; x: number; y: number }[] = [];
    const paint = paintLayer(renderers.hits, (v) => {
      const { ctx, scale, ox, oy, min0, max0 } = v;
      const pad = 8 / scale;
      const next: typeof drawn = [];
      ctx.lineWidth = 1;
      ctx.globalAlpha = 0.9;
      let current: WarningLevel | null = null;
      for (let i = 0; i < list.length; i++) {
        const x0 = xy[2 * i]!;
        const y0 = xy[2 * i + 1]!;
        if (x0 < min0[0] - pad || x0 > max0[0] + pad || y0 < min0[1] - pad || y0 > max0[1] + pad) continue;
        const w = warning[i]!;
        if (w !== current) {
          current = w;
          ctx.fillStyle = WARNING_COLORS[w];
          ctx.strokeStyle = w === 'none' ? '#ffffff' : '#3b3b3b';
        }
        const x = x0 * scale - ox;
        const y = y0 * scale - oy;
        ctx.beginPath();
        ctx.arc(x, y, RADIUS[w], 0, 2 * Math.PI);
        ctx.fill();
        ctx.stroke();
        next.push({ i, x, y });
      }
      drawn = next;
    });
    // Over the service points (drawn later on the same canvas): asked first.
    const stopPointer = onPointer(
      map,
      (at) => {
        const lp = map.containerPointToLayerPoint(at);
        for (let k = drawn.length - 1; k >= 0; k--) {
          const d = drawn[k]!;
          const r = RADIUS[warning[d.i]!] + 2;
          const dx = lp.x - d.x;
          const dy = lp.y - d.y;
          if (dx * dx + dy * dy > r * r) continue;
          const p = list[d.i]!;
          return () => clickRef.current(p, L.latLng(p.lat, p.lon));
        }
        return null;
      },
      1,
    );
    paint.addTo(map);
    return () => {
      stopPointer();
      paint.remove();
    };
  }, [sorted, map, renderers]);

  return null;
}
