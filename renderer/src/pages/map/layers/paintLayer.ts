import { L } from '../leaflet';

/**
 * A layer that paints itself straight onto one of our pane canvases (a Leaflet canvas renderer), from
 * coordinates projected once at zoom 0. Leaflet's own paths (one object per polygon or dot) re-project,
 * clip and simplify every shape on each zoom and pan; at city scale (5,816 grids, ~19,000 points) that was
 * most of the frame time. Here a redraw is a loop over typed arrays: scale, translate, lineTo.
 *
 * It joins the renderer like a path (so it is drawn in order with the other paths of that canvas, and
 * redrawn when the renderer is), but never takes the mouse: clicks on what it draws are found by
 * `onPointer` below.
 */

/** The renderer's canvas in "zoom-0 pixels": layer point = p0 × scale − origin. */
export interface PaintView {
  ctx: CanvasRenderingContext2D;
  zoom: number;
  scale: number;
  ox: number;
  oy: number;
  /** The canvas area (padding included) in zoom-0 pixels, for culling. */
  min0: [number, number];
  max0: [number, number];
}

export type Paint = (view: PaintView) => void;

export interface PaintLayer extends L.Layer {
  /** Paint again on the next frame (e.g. after a recolour). */
  redraw(): void;
  /** Paint first on its canvas, under the other paths there. */
  bringToBack(): this;
}

interface RendererInternals {
  _ctx: CanvasRenderingContext2D;
  _bounds: L.Bounds;
  _requestRedraw(layer: unknown): void;
}

const EVERYWHERE = L.bounds([-1e9, -1e9], [1e9, 1e9]);

interface PaintPathThis {
  _map: L.Map | undefined;
  _renderer: RendererInternals;
  _pxBounds: L.Bounds;
  _paint: Paint;
}

const PaintPath = L.Path.extend({
  options: { interactive: false, bubblingMouseEvents: false },
  initialize(this: PaintPathThis & { options: L.PathOptions }, paint: Paint, renderer: L.Canvas) {
    this._paint = paint;
    // Drawn in every partial redraw of the canvas (a hover elsewhere on it clears a box and redraws it).
    this._pxBounds = EVERYWHERE;
    L.Util.setOptions(this, { renderer });
  },
  _project() {},
  _update() {},
  _containsPoint() {
    return false;
  },
  _updatePath(this: PaintPathThis) {
    const map = this._map;
    if (!map) return;
    const r = this._renderer;
    const zoom = map.getZoom();
    const scale = map.getZoomScale(zoom, 0);
    const origin = map.getPixelOrigin();
    const b = r._bounds;
    const ctx = r._ctx;
    ctx.save();
    // Leaflet's own paths leave their last alpha and dashes on the shared context (an invisible hit
    // area leaves alpha 0): start clean.
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
    try {
      this._paint({
        ctx,
        zoom,
        scale,
        ox: origin.x,
        oy: origin.y,
        min0: [(b.min!.x + origin.x) / scale, (b.min!.y + origin.y) / scale],
        max0: [(b.max!.x + origin.x) / scale, (b.max!.y + origin.y) / scale],
      });
    } finally {
      ctx.restore();
    }
  },
  redraw(this: PaintPathThis) {
    if (this._map) this._renderer._requestRedraw(this);
  },
}) as unknown as new (paint: Paint, renderer: L.Canvas) => PaintLayer;

export function paintLayer(renderer: L.Canvas, paint: Paint): PaintLayer {
  return new PaintPath(paint, renderer);
}

// ------------------------------------------------------------------ projection (EPSG:3857 at zoom 0)

const MAX_LAT = 85.0511287798;
const RAD = Math.PI / 180;

export function projectX(lon: number): number {
  return 256 * (0.5 + lon / 360);
}

export function projectY(lat: number): number {
  const s = Math.sin(Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * RAD);
  return 256 * (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI));
}

/** [lon, lat] list → interleaved zoom-0 pixels [x0, y0, x1, y1, …]. */
export function projectLine(line: readonly (readonly [number, number])[]): Float64Array {
  const out = new Float64Array(line.length * 2);
  for (let i = 0; i < line.length; i++) {
    const p = line[i]!;
    out[2 * i] = projectX(p[0]);
    out[2 * i + 1] = projectY(p[1]);
  }
  return out;
}

/**
 * Trace a projected line into the current path, skipping vertices less than about a pixel from the last
 * one drawn (the zoom's own simplification, for free).
 */
export function traceLine(ctx: CanvasRenderingContext2D, line: Float64Array, v: PaintView, closed: boolean): void {
  const n = line.length;
  if (n < 4) return;
  const { scale: s, ox, oy } = v;
  let px = line[0]! * s - ox;
  let py = line[1]! * s - oy;
  ctx.moveTo(px, py);
  for (let i = 2; i < n; i += 2) {
    const x = line[i]! * s - ox;
    const y = line[i + 1]! * s - oy;
    if (i < n - 2 && Math.abs(x - px) + Math.abs(y - py) < 0.8) continue;
    ctx.lineTo(x, y);
    px = x;
    py = y;
  }
  // Rings arrive closed (last vertex = first). No closePath(): with thousands of subpaths in one path
  // Chromium spends longer in closePath than in everything else (profiled); fill() closes them anyway.
  if (closed && (px !== line[0]! * s - ox || py !== line[1]! * s - oy)) ctx.lineTo(line[0]! * s - ox, line[1]! * s - oy);
}

/** A paint layer's hit test: the click action for a container point, or null. */
export type HitTest = (at: L.Point) => (() => void) | null;

interface Pointer {
  tests: { hit: HitTest; priority: number }[];
  detach(): void;
}

const pointers = new WeakMap<L.Map, Pointer>();

/**
 * Clicks and hover on what paint layers drew. One listener per map, on its container in the capture
 * phase, so a hit is handled before the canvases (hit areas of divisions) see the click; a miss passes
 * on, and so does anything on DOM elements above the canvases (labels, popups, controls). Layers drawn
 * on top ask with a higher `priority` (disputes over service points).
 */
export function onPointer(map: L.Map, hit: HitTest, priority = 0): () => void {
  let p = pointers.get(map);
  if (!p) {
    p = attach(map);
    pointers.set(map, p);
  }
  const entry = { hit, priority };
  p.tests.push(entry);
  p.tests.sort((a, b) => b.priority - a.priority);
  return () => {
    const q = pointers.get(map);
    if (!q) return;
    q.tests = q.tests.filter((t) => t !== entry);
    if (q.tests.length === 0) {
      q.detach();
      pointers.delete(map);
    }
  };
}

function attach(map: L.Map): Pointer {
  const el = map.getContainer();
  const self: Pointer = { tests: [], detach: () => {} };
  const find = (e: MouseEvent): (() => void) | null => {
    // Only what lands on a canvas: a DOM label, popup or control over the dot keeps its own click.
    if (!(e.target instanceof HTMLCanvasElement)) return null;
    const at = map.mouseEventToContainerPoint(e);
    for (const t of self.tests) {
      const action = t.hit(at);
      if (action) return action;
    }
    return null;
  };
  const onClick = (e: MouseEvent) => {
    // A click that ends a drag is no click (Leaflet's Draggable knows).
    if ((map.dragging as unknown as { moved?(): boolean } | undefined)?.moved?.()) return;
    const action = find(e);
    if (!action) return;
    e.stopPropagation();
    action();
  };
  let frame = 0;
  let last: MouseEvent | null = null;
  let pointing = false;
  const onMove = (e: MouseEvent) => {
    if (e.buttons !== 0) return; // dragging the map: nothing to point at
    last = e;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (!last) return;
      const over = find(last) !== null;
      if (over !== pointing) {
        pointing = over;
        el.style.cursor = over ? 'pointer' : '';
      }
    });
  };
  el.addEventListener('click', onClick, true);
  el.addEventListener('mousemove', onMove, { passive: true });
  self.detach = () => {
    el.removeEventListener('click', onClick, true);
    el.removeEventListener('mousemove', onMove);
    if (frame) cancelAnimationFrame(frame);
    if (pointing) el.style.cursor = '';
  };
  return self;
}
