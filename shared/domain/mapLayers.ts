/**
 * Turning the map handlers' compact layers back into shapes and points, for the renderer (and tests).
 * Types are structural so this file needs neither zod nor the contract.
 */
import { decodeArcs, decodeCodes, decodeInts, decodePoints, decodeShapes, ringFromArcs, type Quantization } from './mapEncoding';
import type { LonLat } from './geometry';

export interface EncodedBoundaryLayer {
  quantization: Quantization;
  arcs: string;
  count: number;
  codes: string;
  names: string[];
  shapes: string;
}

export interface BoundaryFeature {
  code: string;
  name: string;
  /** GeoJSON MultiPolygon coordinates: polygons → rings (closed) → [lon, lat]. */
  polygons: LonLat[][][];
}

export function decodeBoundaryLayer(layer: EncodedBoundaryLayer): BoundaryFeature[] {
  const arcs = decodeArcs(layer.arcs, layer.quantization);
  const shapes = decodeShapes(layer.shapes, layer.count);
  return decodeCodes(layer.codes).map((code, i) => ({
    code,
    name: layer.names[i] ?? '',
    polygons: (shapes[i] ?? []).map((rings) => rings.map((refs) => ringFromArcs(refs, arcs))).filter((rings) => (rings[0]?.length ?? 0) >= 4),
  }));
}

/** The arcs themselves: draw every shared border once (e.g. as one canvas polyline layer). */
export function decodeBorderLines(layer: EncodedBoundaryLayer): LonLat[][] {
  return decodeArcs(layer.arcs, layer.quantization);
}

export interface EncodedPointLayer {
  quantization: Quantization;
  positions: string;
  ids: string;
  kind: string;
  kinds: string[];
  subKind: string;
  subKinds: string[];
}

export interface MapPoint {
  id: number;
  lon: number;
  lat: number;
  kind: string;
  subKind: string | null;
}

export function decodePointLayer(layer: EncodedPointLayer): MapPoint[] {
  const pos = decodePoints(layer.positions, layer.quantization);
  const kind = decodeInts(layer.kind, false);
  const sub = layer.subKind ? decodeInts(layer.subKind, false) : null;
  return decodeInts(layer.ids, true).map((id, i) => ({
    id,
    lon: pos[i]![0],
    lat: pos[i]![1],
    kind: layer.kinds[kind[i]!] ?? '',
    subKind: sub ? (layer.subKinds[sub[i]!] ?? null) : null,
  }));
}
