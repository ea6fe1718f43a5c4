import { read as readShapefile } from 'shapefile';
import { CoreError } from '../../../shared/contract/errors';

/** One feature as found in the file: nothing about it is trusted yet. */
export interface RawFeature {
  properties: Record<string, unknown>;
  geometry: unknown;
}

/** GeoJSON text (a FeatureCollection, a Feature, or an array of features) → raw features. */
export function readGeoJson(text: string): RawFeature[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new CoreError('INVALID_INPUT', '文件不是有效的 GeoJSON（JSON 解析失败）', { field: 'geojson' });
  }
  const list: unknown[] =
    Array.isArray(doc) ? doc
    : isObj(doc) && doc.type === 'FeatureCollection' && Array.isArray(doc.features) ? doc.features
    : isObj(doc) && doc.type === 'Feature' ? [doc]
    : [];
  if (list.length === 0) throw new CoreError('INVALID_INPUT', 'GeoJSON 中没有要素（Feature）', { field: 'geojson' });
  return list.map((f) => ({
    properties: isObj(f) && isObj(f.properties) ? f.properties : {},
    geometry: isObj(f) ? f.geometry : null,
  }));
}

/** A Shapefile's .shp (geometry) and .dbf (attributes) → raw features. */
export async function readShapefileBuffers(shp: Buffer, dbf: Buffer, encoding = 'utf-8'): Promise<RawFeature[]> {
  try {
    const fc = await readShapefile(toArrayBuffer(shp), toArrayBuffer(dbf), { encoding });
    return fc.features.map((f) => ({ properties: (f.properties ?? {}) as Record<string, unknown>, geometry: f.geometry }));
  } catch (err) {
    throw new CoreError('INVALID_INPUT', `无法读取 Shapefile：${err instanceof Error ? err.message : String(err)}`, { field: 'shp' });
  }
}

function toArrayBuffer(b: Buffer): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
