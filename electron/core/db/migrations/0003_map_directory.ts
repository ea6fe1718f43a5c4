import type { Knex } from 'knex';

/**
 * The map and directory: an R*Tree over grid bounding boxes (point → grid in SQL), data versions bumped by
 * triggers (so cached boundary layers and in-memory indexes know when they are stale, whoever wrote the
 * rows: handlers, imports, the demo generator or sync), registered MBTiles packages, and map settings.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('map_data_versions', (t) => {
    t.string('name').primary(); // grids | divisions | service_points
    t.integer('version').notNullable().defaultTo(0);
  });
  await knex('map_data_versions').insert([
    { name: 'grids', version: 1 },
    { name: 'divisions', version: 1 },
    { name: 'service_points', version: 1 },
  ]);
  const bump = (table: string, event: string, cols = '') =>
    knex.raw(
      `CREATE TRIGGER ${table}_version_${event.split(' ')[0]!.toLowerCase()} AFTER ${event}${cols} ON ${table}
       BEGIN UPDATE map_data_versions SET version = version + 1 WHERE name = '${table}'; END`,
    );
  // Statement-level would be cheaper but SQLite only has row triggers; a one-row UPDATE per row is ~µs.
  await bump('grids', 'INSERT');
  await bump('grids', 'DELETE');
  await bump('grids', 'UPDATE', ' OF code, name, polygon, village_code');
  await bump('divisions', 'INSERT');
  await bump('divisions', 'DELETE');
  await bump('divisions', 'UPDATE', ' OF name, outline, parent_code');
  await bump('service_points', 'INSERT');
  await bump('service_points', 'DELETE');
  await bump('service_points', 'UPDATE');

  // R*Tree stores 32-bit floats rounded outward: a prefilter that can only over-include.
  await knex.raw('CREATE VIRTUAL TABLE grid_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat)');
  await knex.raw(`INSERT INTO grid_rtree (id, min_lon, max_lon, min_lat, max_lat) SELECT id, min_lon, max_lon, min_lat, max_lat FROM grids`);
  await knex.raw(`CREATE TRIGGER grids_rtree_insert AFTER INSERT ON grids BEGIN
    INSERT INTO grid_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (new.id, new.min_lon, new.max_lon, new.min_lat, new.max_lat); END`);
  await knex.raw(`CREATE TRIGGER grids_rtree_update AFTER UPDATE OF min_lon, max_lon, min_lat, max_lat ON grids BEGIN
    UPDATE grid_rtree SET min_lon = new.min_lon, max_lon = new.max_lon, min_lat = new.min_lat, max_lat = new.max_lat WHERE id = new.id; END`);
  await knex.raw(`CREATE TRIGGER grids_rtree_delete AFTER DELETE ON grids BEGIN DELETE FROM grid_rtree WHERE id = old.id; END`);

  await knex.schema.createTable('basemap_packages', (t) => {
    t.increments('id');
    t.string('name').notNullable();
    t.string('file_path', 1000).notNullable().unique();
    t.string('format').notNullable(); // png | jpg | webp
    t.integer('min_zoom').notNullable();
    t.integer('max_zoom').notNullable();
    t.string('bounds').nullable(); // "minLon,minLat,maxLon,maxLat" as in MBTiles metadata
    t.string('attribution').nullable();
    t.string('added_at').notNullable();
  });

  // Map settings that are not node identity (meta): the online WMTS switch and key.
  await knex.schema.createTable('map_settings', (t) => {
    t.string('key').primary();
    t.text('value').notNullable();
  });

  // The directory list and map filter by category within a division prefix, and sort by name.
  await knex.schema.alterTable('service_points', (t) => {
    t.index(['division_code', 'category', 'name'], 'service_points_division_category_name');
  });
}
