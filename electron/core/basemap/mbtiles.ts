import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { CoreError } from '../../../shared/contract/errors';

/**
 * Raster tile packages in the MBTiles format (a SQLite file: `metadata(name, value)` and
 * `tiles(zoom_level, tile_column, tile_row, tile_data)`, rows counted from the south: TMS). Opened
 * read-only, one handle per file, kept open while the node runs: a pan asks for dozens of tiles a
 * second. The handles belong to the node (NodeState) and are closed with it.
 */
export class TileFiles {
  private readonly handles = new Map<string, Promise<sqlite3.Database>>();

  open(file: string): Promise<sqlite3.Database> {
    let h = this.handles.get(file);
    if (!h) {
      h = new Promise((resolve, reject) => {
        const db: sqlite3.Database = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => (err ? reject(err) : resolve(db)));
      });
      this.handles.set(file, h);
      h.catch(() => this.handles.delete(file));
    }
    return h;
  }

  async close(file: string): Promise<void> {
    const h = this.handles.get(file);
    this.handles.delete(file);
    const db = h ? await h.catch(() => null) : null;
    if (db) await new Promise<void>((resolve) => db.close(() => resolve()));
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.handles.keys()].map((file) => this.close(file)));
  }

  /** Files open now (tests check that closing the node closes them). */
  openFiles(): string[] {
    return [...this.handles.keys()];
  }
}

function all<T>(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<T[]> {
  return new Promise((resolve, reject) => db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[]))));
}

export const TILE_CONTENT_TYPES = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' } as const;
export type TileFormat = keyof typeof TILE_CONTENT_TYPES;

export interface MbtilesInfo {
  name: string;
  format: TileFormat;
  minZoom: number;
  maxZoom: number;
  bounds: [number, number, number, number] | null;
  attribution: string | null;
}

/** Check that a file is a raster MBTiles package and read what the map needs from its metadata. */
export async function inspectMbtiles(files: TileFiles, file: string): Promise<MbtilesInfo> {
  if (!path.isAbsolute(file)) throw new CoreError('INVALID_INPUT', '请填写文件的完整路径（绝对路径）', { field: 'path' });
  if (!existsSync(file) || !statSync(file).isFile()) throw new CoreError('NOT_FOUND', `找不到文件：${file}`, { field: 'path' });
  let db: sqlite3.Database;
  try {
    db = await files.open(file);
    const tables = await all<{ name: string }>(db, `SELECT name FROM sqlite_master WHERE type IN ('table', 'view')`);
    const names = new Set(tables.map((t) => t.name));
    if (!names.has('metadata') || !names.has('tiles')) throw new Error('missing tables');
  } catch (err) {
    await files.close(file);
    if (err instanceof CoreError) throw err;
    throw new CoreError('INVALID_INPUT', '不是有效的 MBTiles 文件（须为含 metadata 与 tiles 表的 SQLite 文件）', { field: 'path' });
  }
  const meta = new Map((await all<{ name: string; value: string }>(db, 'SELECT name, value FROM metadata')).map((r) => [r.name, r.value]));
  const format = (meta.get('format') ?? '').toLowerCase().replace('jpeg', 'jpg');
  if (!(format in TILE_CONTENT_TYPES)) {
    await files.close(file);
    throw new CoreError('INVALID_INPUT', `MBTiles 的瓦片格式须为 png、jpg 或 webp（此文件为 "${format || '未注明'}"，矢量瓦片暂不支持）`, { field: 'path' });
  }
  const range = (await all<{ lo: number | null; hi: number | null; n: number }>(db, 'SELECT min(zoom_level) lo, max(zoom_level) hi, count(*) n FROM (SELECT zoom_level FROM tiles LIMIT 1000000)'))[0];
  if (!range || range.n === 0) {
    await files.close(file);
    throw new CoreError('INVALID_INPUT', 'MBTiles 文件中没有瓦片', { field: 'path' });
  }
  const num = (s: string | undefined, fallback: number) => (s !== undefined && /^\d{1,2}$/.test(s) ? Number(s) : fallback);
  const b = (meta.get('bounds') ?? '').split(',').map(Number);
  const bounds = b.length === 4 && b.every(Number.isFinite) ? ([b[0]!, b[1]!, b[2]!, b[3]!] as [number, number, number, number]) : null;
  return {
    name: meta.get('name') ?? path.basename(file, path.extname(file)),
    format: format as TileFormat,
    minZoom: num(meta.get('minzoom'), range.lo ?? 0),
    maxZoom: num(meta.get('maxzoom'), range.hi ?? 18),
    bounds,
    attribution: meta.get('attribution') ?? null,
  };
}

/** One tile by XYZ (as Leaflet asks), or null. The y is flipped to the file's TMS rows. */
export async function readMbtilesTile(files: TileFiles, file: string, z: number, x: number, y: number): Promise<Buffer | null> {
  const db = await files.open(file);
  const tmsY = 2 ** z - 1 - y;
  const rows = await all<{ tile_data: Buffer }>(db, 'SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?', [z, x, tmsY]);
  return rows[0]?.tile_data ?? null;
}
