import type { Knex } from 'knex';
import type { Position } from 'geojson';
import { geometryArea, pointInPolygon, ringSignedArea, type AreaGeometry } from '../../../shared/domain/geometry';
import { codePrefix } from '../../../shared/domain/divisionCodes';

/**
 * Checks of the demo's geometry as stored (GeoJSON text, 6-decimal coordinates): grids tile every division
 * without gaps or overlaps, and every point lies where its codes say. Each returns a list of problems,
 * empty when all is well; the tests assert on them and they name what is wrong when not.
 */

interface GridShape {
  id: number;
  code: string;
  polygon: AreaGeometry & { type: 'Polygon' };
}

function parseGeometry(text: string): AreaGeometry {
  const g: unknown = JSON.parse(text);
  if (typeof g === 'object' && g !== null && 'type' in g && (g.type === 'Polygon' || g.type === 'MultiPolygon')) return g as AreaGeometry;
  throw new Error(`not a Polygon/MultiPolygon: ${text.slice(0, 60)}`);
}

function ringsOf(g: AreaGeometry): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

const key = (p: Position) => `${p[0]},${p[1]}`;

/** Directed edges of closed rings, counted. */
function edgeCounts(rings: Iterable<Position[]>): Map<string, number> {
  const edges = new Map<string, number>();
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const e = `${key(ring[i]!)}>${key(ring[i + 1]!)}`;
      edges.set(e, (edges.get(e) ?? 0) + 1);
    }
  }
  return edges;
}

const reverse = (e: string) => e.split('>').reverse().join('>');

async function loadGrids(db: Knex): Promise<GridShape[]> {
  const rows: { id: number; code: string; polygon: string }[] = await db('grids').select('id', 'code', 'polygon').orderBy('code');
  return rows.map((r) => {
    const polygon = parseGeometry(r.polygon);
    if (polygon.type !== 'Polygon') throw new Error(`grid ${r.code}: polygon is a ${polygon.type}`);
    return { id: r.id, code: r.code, polygon };
  });
}

/**
 * For every division: the boundary of its grids (edges not cancelled by a neighbour in the opposite
 * direction) is exactly its outline, no edge is used twice in one direction (an overlap), every grid is
 * counter-clockwise, and the grids' areas add up to the outline's area.
 */
export async function tilingProblems(db: Knex, levels: readonly string[] = ['village', 'township', 'county', 'city']): Promise<string[]> {
  const problems: string[] = [];
  const grids = await loadGrids(db);
  for (const g of grids) if (ringSignedArea(g.polygon.coordinates[0]!) <= 0) problems.push(`grid ${g.code} is not counter-clockwise`);
  const divisions: { code: string; level: string; outline: string | null }[] = await db('divisions').whereIn('level', levels).select('code', 'level', 'outline').orderBy('code');
  for (const d of divisions) {
    if (!d.outline) {
      problems.push(`${d.code}: no outline`);
      continue;
    }
    const prefix = codePrefix(d.code);
    const mine = grids.filter((g) => g.code.startsWith(prefix));
    if (mine.length === 0) {
      problems.push(`${d.code}: no grids`);
      continue;
    }
    const edges = edgeCounts(mine.map((g) => g.polygon.coordinates[0]!));
    const boundary = new Set<string>();
    for (const [e, n] of edges) {
      if (n > 1) problems.push(`${d.code}: edge ${e} used by ${n} grids in the same direction (overlap)`);
      if (!edges.has(reverse(e))) boundary.add(e);
    }
    const outline = parseGeometry(d.outline);
    const outlineEdges = edgeCounts(ringsOf(outline));
    let missing = 0;
    for (const e of boundary) if (!outlineEdges.has(e)) missing++;
    let extra = 0;
    for (const e of outlineEdges.keys()) if (!boundary.has(e)) extra++;
    if (missing || extra) problems.push(`${d.code}: ${missing} grid boundary edges not on the outline, ${extra} outline edges not on a grid boundary`);
    const gridArea = mine.reduce((s, g) => s + ringSignedArea(g.polygon.coordinates[0]!), 0);
    const area = geometryArea(outline);
    if (Math.abs(gridArea - area) > 1e-9 * area) problems.push(`${d.code}: grid areas ${gridArea} ≠ outline area ${area}`);
  }
  return problems;
}

/**
 * Every grid's center in its polygon; every dispute, service point and committee inside its grid and
 * division, with codes that agree with the grid's.
 */
export async function placementProblems(db: Knex): Promise<string[]> {
  const problems: string[] = [];
  const gridRows: { id: number; code: string; polygon: string; center_lon: number; center_lat: number; village_code: string; township_code: string; county_code: string }[] = await db('grids').select(
    'id',
    'code',
    'polygon',
    'center_lon',
    'center_lat',
    'village_code',
    'township_code',
    'county_code',
  );
  const grids = new Map(gridRows.map((g) => [g.id, { ...g, shape: parseGeometry(g.polygon) }]));
  for (const g of grids.values()) if (!pointInPolygon([g.center_lon, g.center_lat], g.shape)) problems.push(`grid ${g.code}: center outside`);

  const outlineRows: { code: string; outline: string }[] = await db('divisions').select('code', 'outline');
  const outlines = new Map(outlineRows.map((d) => [d.code, parseGeometry(d.outline)]));

  const disputes: { case_no: string; grid_id: number; lon: number; lat: number; village_code: string; township_code: string; county_code: string }[] = await db('disputes').select(
    'case_no',
    'grid_id',
    'lon',
    'lat',
    'village_code',
    'township_code',
    'county_code',
  );
  for (const d of disputes) {
    const g = grids.get(d.grid_id);
    if (!g) problems.push(`${d.case_no}: no grid`);
    else if (!pointInPolygon([d.lon, d.lat], g.shape)) problems.push(`${d.case_no}: point outside grid ${g.code}`);
    else if (g.village_code !== d.village_code || g.township_code !== d.township_code || g.county_code !== d.county_code) problems.push(`${d.case_no}: codes disagree with grid ${g.code}`);
  }

  const points: { id: number; name: string; grid_id: number; lon: number; lat: number; division_code: string }[] = await db('service_points').select('id', 'name', 'grid_id', 'lon', 'lat', 'division_code');
  for (const p of points) {
    const g = grids.get(p.grid_id);
    const outline = outlines.get(p.division_code);
    if (!g || !pointInPolygon([p.lon, p.lat], g.shape)) problems.push(`service point ${p.id} ${p.name}: outside its grid`);
    if (!outline || !pointInPolygon([p.lon, p.lat], outline)) problems.push(`service point ${p.id} ${p.name}: outside ${p.division_code}`);
  }
  const orgs: { id: number; name: string; lon: number; lat: number; division_code: string }[] = await db('mediation_orgs').select('id', 'name', 'lon', 'lat', 'division_code');
  for (const o of orgs) {
    const outline = outlines.get(o.division_code);
    if (!outline || !pointInPolygon([o.lon, o.lat], outline)) problems.push(`committee ${o.id} ${o.name}: outside ${o.division_code}`);
  }
  return problems;
}
