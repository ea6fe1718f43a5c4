import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_RELEASE_FIXTURE, FIRST_RELEASE_PASSWORD } from '../../../tests/fixtures/makeFirstReleaseDb';
import { callAs } from '../../../tests/support/call';
import { quietLog } from '../../../tests/support/tempCore';
import { fixedClock } from '../clock';
import { createCore, DATABASE_FILE } from '../index';
import { backupsDir, listBackups, verifyBackup } from '../backup/backupFiles';
import { KNOWN_MIGRATIONS } from '../backup/backupJob';
import { MIGRATIONS } from './migrations';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A data folder holding a copy of the first released schema's database (tests/fixtures). */
function oldNode(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ggc-upgrade-'));
  dirs.push(dir);
  copyFileSync(FIRST_RELEASE_FIXTURE, path.join(dir, DATABASE_FILE));
  return dir;
}

const MAIN_TABLES = ['divisions', 'grids', 'mediation_orgs', 'people', 'grid_workers', 'accounts', 'service_points', 'disputes', 'dispute_parties', 'dispute_events', 'dispute_mediation_records', 'audit_log'];

describe('upgrading a database of the first released schema (0001–0003)', () => {
  it('migrates to the current schema with every row intact, after a verified backup of the old file', async () => {
    const dir = oldNode();
    const core = await createCore({ dataDir: dir, clock: fixedClock('2021-10-29T09:00:00+08:00'), log: quietLog });
    try {
      const names = (await core.db('knex_migrations').orderBy('id').select('name')).map((r: { name: string }) => r.name);
      expect(names).toEqual(MIGRATIONS.map((m) => m.name));
      expect(core.env.schemaVersion).toBe(MIGRATIONS.length);

      // Rows of every main table are still there (audit_log gains the keyed-chain marker).
      const counts: Record<string, number> = {};
      for (const t of MAIN_TABLES) counts[t] = Number((await core.db(t).count({ n: '*' }).first())?.n);
      expect(counts).toEqual({ divisions: 4, grids: 2, mediation_orgs: 1, people: 2, grid_workers: 1, accounts: 2, service_points: 1, disputes: 3, dispute_parties: 6, dispute_events: 3, dispute_mediation_records: 1, audit_log: 4 });
      const first: { summary: string; amount_fen: number; status: string } = await core.db('disputes').where({ case_no: '2021-999801001-0001' }).first('summary', 'amount_fen', 'status');
      expect(first).toEqual({ summary: '旧版纠纷1：邻里排水沟', amount_fen: 120000, status: 'mediating' });
      // A table of a later migration exists and works.
      expect(await core.db.schema.hasTable('jobs')).toBe(true);

      // The old account signs in through the door and reads its old cases; the old chain verifies, now keyed on.
      const { token } = await callAs(core, null)('session.login', { username: 'oldadmin', password: FIRST_RELEASE_PASSWORD });
      const admin = callAs(core, token);
      const marker: { action: string; seq: number } = await core.db('audit_log').where({ action: 'audit.keyed' }).first('action', 'seq');
      expect(marker.seq).toBe(4);
      expect(await admin('audit.verify', {})).toMatchObject({ ok: true, problems: [] });
      const disputeId: { id: number } = await core.db('disputes').where({ case_no: '2021-999801001-0001' }).first('id');
      const detail = await admin('disputes.detail', { id: disputeId.id });
      expect(detail.caseNo).toBe('2021-999801001-0001');

      // The backup taken before migrating holds the old schema, and passes its own check.
      const backups = listBackups(backupsDir(dir));
      expect(backups).toHaveLength(1);
      const m = backups[0]!.manifest!;
      expect(m).toMatchObject({ reason: 'before-upgrade', migrations: MIGRATIONS.slice(0, 3).map((x) => x.name), integrity: 'ok' });
      expect(m.auditHead?.seq).toBe(3);
      await expect(verifyBackup(backups[0]!.dir, KNOWN_MIGRATIONS)).resolves.toMatchObject({ id: m.id });
    } finally {
      await core.close();
    }

    // Opened again: nothing pending, so no second backup.
    const again = await createCore({ dataDir: dir, log: quietLog });
    await again.close();
    expect(readdirSync(backupsDir(dir))).toHaveLength(1);
  });

  it('a fresh data folder takes no backup (nothing to migrate from)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ggc-upgrade-'));
    dirs.push(dir);
    const core = await createCore({ dataDir: dir, log: quietLog });
    await core.close();
    expect(listBackups(backupsDir(dir))).toHaveLength(0);
  });
});
