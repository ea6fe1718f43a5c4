import type { Knex } from 'knex';
import type { MultiPolygon, Polygon } from 'geojson';
import type { MapLevel } from '../../../shared/contract/map';
import { parseAreaGeometry } from '../../../shared/domain/geometry';
import { dataVersions } from '../db/dataVersions';
import { RecentCache } from '../node/recentCache';
import { encodeTier, prepareTopology, tierForZoom, type AreaFeatureInput, type EncodedLayer, type PreparedTopology } from './topology';

/**
 * Boundary layers, cached per (level, division, data version) in the node's state: building the topology
 * of 5,816 grids takes a few hundred ms, serving a cached tier takes nothing.
 */
export interface BoundaryCaches {
  topologies: RecentCache<PreparedTopology>;
  tiers: RecentCache<EncodedLayer>;
}

export function boundaryCaches(): BoundaryCaches {
  return { topologies: new RecentCache(24), tiers: new RecentCache(24) };
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

export async function boundaryLayer(caches: BoundaryCaches, db: Knex, level: MapLevel, like: string, zoom: number): Promise<EncodedLayer & { version: string }> {
  const v = await dataVersions(db);
  const version = `${level === 'grid' ? v.grids : v.divisions}`;
  const base = `${level}|${like}|${version}`;
  const detail = tierForZoom(zoom);
  const layer = await caches.tiers.get(`${base}|${detail}`, db, async () => {
    const prep = await caches.topologies.get(base, db, async () => prepareTopology(await loadAreaFeatures(db, level, like)));
    return encodeTier(prep, detail);
  });
  return { ...layer, version };
}
