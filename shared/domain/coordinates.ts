import gcoord from 'gcoord';
import { mapGeometry, type AreaGeometry, type LonLat } from './geometry';

/**
 * Coordinates are stored as WGS-84 (≈ CGCS2000 at map scale) longitude/latitude, rounded to 6 decimals
 * (about 0.1 m). Chinese web maps and many exported boundary files use GCJ-02, an obfuscated offset of a few
 * hundred metres: convert such input once, where it enters. Geometry itself is geometry.ts's.
 */

export const COORDINATE_DIGITS = 6;

export function roundCoordinate(value: number, digits = COORDINATE_DIGITS): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function gcj02ToWgs84(p: LonLat): LonLat {
  const [lon, lat] = gcoord.transform([p[0], p[1]], gcoord.GCJ02, gcoord.WGS84);
  return [lon, lat];
}

export function wgs84ToGcj02(p: LonLat): LonLat {
  const [lon, lat] = gcoord.transform([p[0], p[1]], gcoord.WGS84, gcoord.GCJ02);
  return [lon, lat];
}

/**
 * GCJ-02 boundary → WGS-84, rounded. Each vertex is converted independently and deterministically, so two
 * outlines that shared a vertex before the conversion still share it after.
 */
export function gcj02GeometryToWgs84<G extends AreaGeometry>(g: G, digits = COORDINATE_DIGITS): G {
  return mapGeometry(g, (p) => {
    const [lon, lat] = gcj02ToWgs84(p);
    return [roundCoordinate(lon, digits), roundCoordinate(lat, digits)];
  });
}
