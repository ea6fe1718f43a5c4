import type { BoundaryImportReport } from '../../../shared/contract/boundaries';
import type { ParsedInputOf } from '../../../shared/contract';
import type { HandlerContext } from '../context';
import { jurisdictionOf } from '../jurisdiction/divisions';
import { readGeoJson, readShapefileBuffers, type RawFeature } from './readFeatures';
import { validateBoundaries, type ValidFeature } from './validateBoundaries';

/**
 * boundaries.import: read, validate everything, and write only a clean file — all of it in the handler's
 * one transaction, so a failure half-way leaves nothing behind. `check` only reports. Every run (checks
 * too) leaves an audit entry: who tried to import what, and how it went.
 */
export async function importBoundaries(ctx: HandlerContext, input: ParsedInputOf<'boundaries.import'>): Promise<BoundaryImportReport> {
  const raws: RawFeature[] =
    input.format === 'geojson'
      ? readGeoJson(input.geojson ?? '')
      : await readShapefileBuffers(Buffer.from(input.shp ?? '', 'base64'), Buffer.from(input.dbf ?? '', 'base64'), input.dbfEncoding);
  const { valid, problems } = await validateBoundaries(ctx.db, raws, {
    kind: input.kind,
    crs: input.crs,
    codeField: input.codeField,
    nameField: input.nameField,
    replaceExisting: input.replaceExisting,
    jurisdiction: jurisdictionOf(ctx.account),
  });
  let inserted = 0;
  let updated = 0;
  const write = input.mode === 'import' && problems.length === 0 && valid.length > 0;
  if (write) {
    const now = ctx.now.toISOString();
    // Parents before children, so a file with townships and their villages imports in one go.
    const ordered = [...valid].sort((a, b) => a.code.localeCompare(b.code));
    for (const f of ordered) {
      if (input.kind === 'grids') await writeGrid(ctx, f, now);
      else await writeDivision(ctx, f);
      if (f.exists) updated += 1;
      else inserted += 1;
    }
  }
  const report: BoundaryImportReport = {
    kind: input.kind,
    features: raws.length,
    valid: valid.length,
    problems,
    imported: write,
    inserted,
    updated,
    convertedFromGcj02: input.crs === 'gcj02',
  };
  await ctx.audit({
    action: write ? 'boundaries.import' : 'boundaries.check',
    entity: input.kind,
    entityId: null,
    detail: { format: input.format, crs: input.crs, features: raws.length, problems: problems.length, inserted, updated },
  });
  if (write) ctx.emit('data.changed', { entity: input.kind === 'grids' ? 'grid' : 'division' });
  return report;
}

const areaColumns = (f: ValidFeature) => ({
  min_lon: f.bbox[0],
  min_lat: f.bbox[1],
  max_lon: f.bbox[2],
  max_lat: f.bbox[3],
  center_lon: Math.round(((f.bbox[0] + f.bbox[2]) / 2) * 1e6) / 1e6,
  center_lat: Math.round(((f.bbox[1] + f.bbox[3]) / 2) * 1e6) / 1e6,
});

async function writeDivision(ctx: HandlerContext, f: ValidFeature): Promise<void> {
  const cols = { name: f.name, outline: JSON.stringify(f.geometry), ...areaColumns(f) };
  if (f.exists) await ctx.db('divisions').where({ code: f.code }).update(cols);
  else await ctx.db('divisions').insert({ code: f.code, level: f.level, parent_code: f.parentCode, ...cols });
}

async function writeGrid(ctx: HandlerContext, f: ValidFeature, now: string): Promise<void> {
  const cols = { name: f.name, polygon: JSON.stringify(f.geometry), ...areaColumns(f), updated_at: now };
  if (f.exists) {
    await ctx.db('grids').where({ code: f.code }).update(cols);
    return;
  }
  const village = f.code.slice(0, 12);
  await ctx.db('grids').insert({
    code: f.code,
    village_code: village,
    township_code: village.slice(0, 9) + '000',
    county_code: village.slice(0, 6) + '000000',
    created_at: now,
    ...cols,
  });
}
