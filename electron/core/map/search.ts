import type { Knex } from 'knex';
import type { SearchHit } from '../../../shared/contract/map';
import { servicePointLabel } from '../../../shared/domain/servicePoints';
import { likeEscape } from '../db/like';

interface DivisionNameRow {
  code: string;
  name: string;
}

/** "赫山区 · 龙光桥街道 · 石门村" for the ancestors of a code that exist (county and below). */
async function contextNames(db: Knex, codes: Iterable<string>): Promise<(code: string) => string> {
  const wanted = new Set<string>();
  for (const c of codes) {
    wanted.add(c.slice(0, 6) + '000000');
    wanted.add(c.slice(0, 9) + '000');
    wanted.add(c.slice(0, 12));
  }
  const rows: DivisionNameRow[] = wanted.size ? await db('divisions').whereIn('code', [...wanted]).select('code', 'name') : [];
  const names = new Map(rows.map((r) => [r.code, r.name]));
  return (code: string) => {
    const parts = [code.slice(0, 6) + '000000', code.slice(0, 9) + '000', code.slice(0, 12)];
    return [...new Set(parts)].filter((c) => c !== code).map((c) => names.get(c)).filter((n): n is string => !!n).join(' · ');
  };
}

/**
 * Search grids, divisions and service points. At this scale (≈25,000 names) a LIKE '%…%' scan over the
 * three tables is a few milliseconds and, unlike a trigram index, matches 1–2 character names
 * (docs/architecture.md, "Measured facts"). Prefix matches rank first, then shorter names.
 */
export async function searchMap(db: Knex, like: string, q: string, limit: number): Promise<SearchHit[]> {
  const text = `%${likeEscape(q)}%`;
  const prefix = `${likeEscape(q)}%`;
  const isCode = /^\d{3,15}$/.test(q);
  const rank = (col: string) => db.raw(`(CASE WHEN ${col} LIKE ? ESCAPE '\\' THEN 0 ELSE 1 END) AS rank`, [prefix]);

  const [grids, divisions, points] = await Promise.all([
    db('grids')
      .where('village_code', 'like', like)
      .andWhere((w) => {
        w.whereRaw(`name LIKE ? ESCAPE '\\'`, [text]);
        if (isCode) w.orWhere('code', 'like', `${q}%`);
      })
      .select('code', 'name', 'center_lon', 'center_lat', 'min_lon', 'min_lat', 'max_lon', 'max_lat', rank(isCode ? 'code' : 'name'))
      .orderBy([{ column: 'rank' }, { column: 'code' }])
      .limit(limit),
    db('divisions')
      .where('code', 'like', like)
      .andWhere((w) => {
        w.whereRaw(`name LIKE ? ESCAPE '\\'`, [text]);
        if (isCode) w.orWhere('code', 'like', `${q}%`);
      })
      .select('code', 'name', 'level', 'center_lon', 'center_lat', 'min_lon', 'min_lat', 'max_lon', 'max_lat', rank('name'))
      .orderByRaw('rank, length(name), code')
      .limit(limit),
    isCode
      ? Promise.resolve([])
      : db('service_points')
          .where('division_code', 'like', like)
          .whereRaw(`name LIKE ? ESCAPE '\\'`, [text])
          .select('id', 'name', 'category', 'division_code', 'lon', 'lat', rank('name'))
          .orderByRaw('rank, length(name), id')
          .limit(limit),
  ]);

  const ctxName = await contextNames(db, [
    ...grids.map((g: { code: string }) => g.code.slice(0, 12)),
    ...divisions.map((d: { code: string }) => d.code),
    ...points.map((p: { division_code: string }) => p.division_code),
  ]);
  const box = (r: { min_lon: number | null; min_lat: number | null; max_lon: number | null; max_lat: number | null }) =>
    r.min_lon === null || r.min_lat === null || r.max_lon === null || r.max_lat === null ? null : ([r.min_lon, r.min_lat, r.max_lon, r.max_lat] as [number, number, number, number]);
  const center = (lon: number | null, lat: number | null) => (lon === null || lat === null ? null : ([lon, lat] as [number, number]));

  const hits: Array<SearchHit & { rank: number }> = [
    ...divisions.map((d: DivisionHitRow) => ({
      kind: 'division' as const,
      key: d.code,
      name: d.name,
      context: ctxName(d.code),
      level: d.level,
      center: center(d.center_lon, d.center_lat),
      bbox: box(d),
      rank: d.rank,
    })),
    ...grids.map((g: GridHitRow) => ({
      kind: 'grid' as const,
      key: g.code,
      name: g.name,
      context: [ctxName(g.code.slice(0, 12)), names(g)].filter(Boolean).join(' · '),
      level: 'grid',
      center: center(g.center_lon, g.center_lat),
      bbox: box(g),
      rank: g.rank,
    })),
    ...points.map((p: PointHitRow) => ({
      kind: 'servicePoint' as const,
      key: String(p.id),
      name: p.name,
      context: [servicePointLabel(p.category), ctxName(p.division_code), ''].filter(Boolean).join(' · '),
      level: 'point',
      center: center(p.lon, p.lat),
      bbox: null,
      rank: p.rank,
    })),
  ];
  // Prefix matches of any kind first; within a rank keep the kind order (divisions, grids, points).
  return hits
    .map((h, i) => ({ h, i }))
    .sort((a, b) => a.h.rank - b.h.rank || a.i - b.i)
    .slice(0, limit)
    .map(({ h: { rank: _rank, ...hit } }) => hit);
}

function names(g: GridHitRow): string {
  return g.code;
}

interface BoxRow {
  center_lon: number | null;
  center_lat: number | null;
  min_lon: number | null;
  min_lat: number | null;
  max_lon: number | null;
  max_lat: number | null;
  rank: number;
}
interface DivisionHitRow extends BoxRow {
  code: string;
  name: string;
  level: string;
}
interface GridHitRow extends BoxRow {
  code: string;
  name: string;
}
interface PointHitRow {
  id: number;
  name: string;
  category: string;
  division_code: string;
  lon: number | null;
  lat: number | null;
  rank: number;
}
