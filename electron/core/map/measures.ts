import type { Knex } from 'knex';
import type { MapLevel } from '../../../shared/contract/map';
import { OPEN_STATUSES_SQL } from '../../../shared/domain/disputeStatus';

interface MeasureRow {
  code: string;
  population: number | null;
  open_disputes: number | null;
  red_warnings: number | null;
}

const GROUP_COLUMN: Record<Exclude<MapLevel, 'grid'>, string> = {
  county: 'county_code',
  township: 'township_code',
  village: 'village_code',
};

/**
 * Live figures per feature, all in SQL: population summed from the grids, open disputes and red warnings
 * counted from the open-case partial index's literal condition (a bound IN list cannot use it).
 */
export async function measuresFor(db: Knex, level: MapLevel, like: string) {
  let rows: MeasureRow[];
  if (level === 'grid') {
    rows = await db.raw(
      `SELECT g.code AS code, g.population AS population, d.n AS open_disputes, d.red AS red_warnings
         FROM grids g
         LEFT JOIN (SELECT grid_id, count(*) AS n, sum(warning = 'red') AS red FROM disputes
                     WHERE status IN ${OPEN_STATUSES_SQL} AND grid_id IS NOT NULL GROUP BY grid_id) d ON d.grid_id = g.id
        WHERE g.village_code LIKE ? ORDER BY g.code`,
      [like],
    );
  } else {
    const col = GROUP_COLUMN[level];
    rows = await db.raw(
      `SELECT dv.code AS code, p.population AS population, d.n AS open_disputes, d.red AS red_warnings
         FROM divisions dv
         LEFT JOIN (SELECT ${col} AS code, sum(population) AS population FROM grids WHERE village_code LIKE ? GROUP BY ${col}) p ON p.code = dv.code
         LEFT JOIN (SELECT ${col} AS code, count(*) AS n, sum(warning = 'red') AS red FROM disputes
                     WHERE status IN ${OPEN_STATUSES_SQL} AND ${col} LIKE ? GROUP BY ${col}) d ON d.code = dv.code
        WHERE dv.level = ? AND dv.code LIKE ? ORDER BY dv.code`,
      [like, like, level, like],
    );
  }
  return {
    codes: rows.map((r) => r.code),
    openDisputes: rows.map((r) => Number(r.open_disputes ?? 0)),
    redWarnings: rows.map((r) => Number(r.red_warnings ?? 0)),
    population: rows.map((r) => Number(r.population ?? 0)),
  };
}
