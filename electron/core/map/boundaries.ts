import type { Knex } from 'knex';
import type { MultiPolygon, Polygon } from 'geojson';
import type { MapLevel } from '../../../shared/contract/map';
import { parseAreaGeometry } from '../../../shared/domain/geometry';
import { dataVersions } from './scope';
import { encodeTier, prepareTopology, tierForZoom, type AreaFeatureInput, type EncodedLayer, type PreparedTopology } from './topology';

/**
 * Boundary layers, cached per (database, level, division, data version): building the topology of 5,816
 * grids takes a few hundred ms, serving a cached tier takes nothing. The cache lives with the Knex
 * instance so two cores in one process (tests, the bench) never share entries.
 */
const prepared = new WeakMap<Knex, Map<string, PreparedTopology>>();
const encoded = new WeakMap<Knex, Map<string, EncodedLayer>>();
const MAX_ENTRIES = 24;

function cacheOf<T>(store: WeakMap<Knex, Map<string, T>>, db: Knex): Map<string, T> {
  let m = store.get(db);
  if (!m) store.set(db, (m = new Map()));
  return m;
}

function remember<T>(m: Map<string, T>, key: string, value: T): void {
  m.set(key, value);
  while (m.size > MAX_ENTRIES) m.delete(m.keys().next().value as string);
}

interface AreaRow {
  code: string;
  name: string;
  geometry: string | null;
}

export async function loadAreaFeatures(db: Knex, level: MapLevel, like: string): Promise<AreaFeatureInput[]> {
  const rows: AreaRow[] =
    level === 'grid'
      ? await db('grids').where('village_code', 'like', like).orderBy('code').select('code', 'name', 'polygon as geometry')
      : await db('divisions').where({ level }).andWhere('code', 'like', like).whereNotNull('outline').orderBy('code').select('code', 'name', 'outline as geometry');
  const out: AreaFeatureInput[] = [];
  for (const r of rows) {
    const g = r.geometry ? parseAreaGeometry(r.geometry) : null;
    if (g) out.push({ code: r.code, name: r.name, geometry: g as Polygon | MultiPolygon });
  }
  return out;
}

export async function boundaryLayer(db: Knex, level: MapLevel, like: string, zoom: number): Promise<EncodedLayer & { version: string }> {
  const v = await dataVersions(db);
  const version = `${level === 'grid' ? v.grids : v.divisions}`;
  const base = `${level}|${like}|${version}`;
  const detail = tierForZoom(zoom);
  const encKey = `${base}|${detail}`;
  const encCache = cacheOf(encoded, db);
  const hit = encCache.get(encKey);
  if (hit) return { ...hit, version };
  const prepCache = cacheOf(prepared, db);
  let prep = prepCache.get(base);
  if (!prep) {
    prep = prepareTopology(await loadAreaFeatures(db, level, like));
    remember(prepCache, base, prep);
  }
  const layer = encodeTier(prep, detail);
  remember(encCache, encKey, layer);
  return { ...layer, version };
}
