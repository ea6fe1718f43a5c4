import sqlite3 from 'sqlite3';

/** Smallest valid PNG signature + IHDR is enough: the core serves bytes, it does not decode them. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** A raster MBTiles package with one tile at z=1, x=1, y=0 (XYZ), or none (`withTiles: false`). */
export function makeMbtiles(file: string, opts: { format?: string; withTiles?: boolean } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (err) => {
      if (err) return reject(err);
      db.serialize(() => {
        db.run('CREATE TABLE metadata (name TEXT, value TEXT)');
        db.run('CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)');
        for (const [k, v] of [['name', '样例底图'], ['format', opts.format ?? 'png'], ['minzoom', '0'], ['maxzoom', '2'], ['bounds', '111.5,27.5,113.0,29.5']]) db.run('INSERT INTO metadata VALUES (?, ?)', [k, v]);
        // Stored in TMS rows: XYZ (z=1, x=1, y=0) is TMS row 1.
        if (opts.withTiles !== false) db.run('INSERT INTO tiles VALUES (1, 1, 1, ?)', [PNG]);
        db.close((e) => (e ? reject(e) : resolve()));
      });
    });
  });
}

