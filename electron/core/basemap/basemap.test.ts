import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, seedSmallWorld, tempCore } from '../../../tests/support/tempCore';
import { attemptAs, callAs, type Attempt, type Call } from '../../../tests/support/call';
import type { Core } from '../index';
import { makeMbtiles, PNG } from '../../../tests/support/mbtiles';

describe('base map: MBTiles and WMTS settings', () => {
  let core: Core;
  let dir: string;
  let cleanup: () => Promise<void>;
  const tokens: Record<string, string> = {};
  const as = (who: string): Call => callAs(core, tokens[who] ?? null);
  const attempt = (who: string, name: string, input: unknown): Promise<Attempt> => attemptAs(core, tokens[who] ?? null, name, input);

  beforeAll(async () => {
    ({ core, dir, cleanup } = await tempCore());
    await seedSmallWorld(core);
    for (const u of ['admin', 'director', 'wall']) tokens[u] = await loginAs(core, u);
    await makeMbtiles(path.join(dir, 'good.mbtiles'));
    await makeMbtiles(path.join(dir, 'vector.mbtiles'), { format: 'pbf' });
    await makeMbtiles(path.join(dir, 'empty.mbtiles'), { withTiles: false });
    writeFileSync(path.join(dir, 'junk.mbtiles'), 'this is not sqlite');
  });
  afterAll(() => cleanup());

  it('registers a real MBTiles file (admin only) and serves its tiles with the TMS row flip', async () => {
    expect(await attempt('director', 'basemap.addMbtiles', { path: path.join(dir, 'good.mbtiles') })).toMatchObject({ code: 'FORBIDDEN' });
    const set = await as('admin')('basemap.addMbtiles', { path: path.join(dir, 'good.mbtiles') });
    expect(set).toMatchObject({ name: '样例底图', format: 'png', minZoom: 0, maxZoom: 2, bounds: [111.5, 27.5, 113, 29.5], tilePath: `/tiles/${set.id}` });
    const tile = await core.readTile(String(set.id), '1', '1', '0');
    expect(tile?.contentType).toBe('image/png');
    expect(tile?.data.equals(PNG)).toBe(true);
    expect(await core.readTile(String(set.id), '1', '1', '1')).toBeNull();
    expect((await as('wall')('basemap.get', {})).mbtiles).toHaveLength(1);
    expect(core.node.tiles.openFiles()).toEqual([path.join(dir, 'good.mbtiles')]);
  });

  it('refuses files that are not raster MBTiles, with a clear message, and registers nothing', async () => {
    const cases: Array<[string, string, string]> = [
      ['junk.mbtiles', 'INVALID_INPUT', '不是有效的 MBTiles'],
      ['vector.mbtiles', 'INVALID_INPUT', '矢量瓦片'],
      ['empty.mbtiles', 'INVALID_INPUT', '没有瓦片'],
      ['missing.mbtiles', 'NOT_FOUND', '找不到文件'],
    ];
    for (const [file, code, text] of cases) {
      const res = await attempt('admin', 'basemap.addMbtiles', { path: path.join(dir, file) });
      expect([res.code, res.message?.includes(text)]).toEqual([code, true]);
    }
    expect((await attempt('admin', 'basemap.addMbtiles', { path: 'good.mbtiles' })).message).toContain('绝对路径');
    expect((await attempt('admin', 'basemap.addMbtiles', { path: '/etc/passwd' })).field).toBe('path');
    expect(await core.db('basemap_packages').count({ n: '*' }).first()).toEqual({ n: 1 });
  });

  it('answers null for anything that is not a plain tile address', async () => {
    for (const [s, z, x, y] of [['1', '1', '1', '../../etc/passwd'], ["1 OR 1=1", '1', '1', '0'], ['1', '30', '0', '0'], ['1', '1', '2', '0'], ['99', '1', '1', '0'], ['-1', '1', '1', '0']]) {
      expect(await core.readTile(s!, z!, x!, y!)).toBeNull();
    }
  });

  it('keeps the online 天地图 layer off until an admin sets a key, and never audits the key', async () => {
    expect((await as('director')('basemap.get', {})).wmts).toMatchObject({ enabled: false, urlTemplate: null, hasKey: false });
    expect(await core.pagePolicy()).toEqual({ wmts: false });
    expect((await attempt('admin', 'basemap.setWmts', { enabled: true })).field).toBe('key');
    expect((await attempt('admin', 'basemap.setWmts', { enabled: true, key: 'abc' })).field).toBe('key');
    const key = '0123456789abcdef0123456789abcdef';
    const on = await as('admin')('basemap.setWmts', { enabled: true, key, layer: 'img' });
    expect(on.urlTemplate).toContain(`LAYER=img&`);
    expect(on.urlTemplate).toContain(`tk=${key}`);
    expect(await core.pagePolicy()).toEqual({ wmts: true });
    expect(await core.allowsRemote('https://t3.tianditu.gov.cn/img_w/wmts?x=1')).toBe(true);
    expect(await core.allowsRemote('https://example.com/x.png')).toBe(false);
    const audit = await core.db('audit_log').orderBy('seq', 'desc').first('action', 'detail');
    expect(audit.action).toBe('basemap.wmts');
    expect(audit.detail).not.toContain(key);
    expect(await as('admin')('basemap.setWmts', { enabled: false })).toMatchObject({ urlTemplate: null, hasKey: true });
    expect(await core.allowsRemote('https://t3.tianditu.gov.cn/img_w/wmts?x=1')).toBe(false);
  });

  it('closes the open MBTiles files when the node closes', async () => {
    expect(core.node.tiles.openFiles().length).toBeGreaterThan(0);
    await core.close();
    expect(core.node.tiles.openFiles()).toEqual([]);
  });
});
