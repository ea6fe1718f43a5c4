import type { Knex } from 'knex';
import * as m0001 from './0001_base';
import * as m0002 from './0002_disputes_queue';
import * as m0003 from './0003_map_directory';
import * as m0004 from './0004_jobs';
import * as m0005 from './0005_accounts';
import * as m0006 from './0006_privacy';
import * as m0008 from './0008_sweeps_stats';
import * as m0010 from './0010_sync';
import * as m0011 from './0011_stats_rollups';

/**
 * Every migration the app knows, in order. Forward-only: a shipped migration is never edited; a change
 * is a new file appended here. Imported statically so bundlers keep them.
 */
export const MIGRATIONS: ReadonlyArray<{ name: string; up: (knex: Knex) => Promise<void> }> = [
  { name: '0001_base', up: m0001.up },
  { name: '0002_disputes_queue', up: m0002.up },
  { name: '0003_map_directory', up: m0003.up },
  { name: '0004_jobs', up: m0004.up },
  { name: '0005_accounts', up: m0005.up },
  { name: '0006_privacy', up: m0006.up },
  { name: '0008_sweeps_stats', up: m0008.up },
  { name: '0010_sync', up: m0010.up },
  { name: '0011_stats_rollups', up: m0011.up },
];
