import { describe, expect, it } from 'vitest';
import { contract, HANDLER_NAMES } from './index';
import { systemHandlers } from './system';
import { sessionHandlers } from './session';
import { accountHandlers } from './accounts';
import { divisionHandlers } from './divisions';
import { auditHandlers } from './audit';
import { disputeHandlers } from './disputes';
import { calendarHandlers } from './calendar';
import { mapHandlers } from './map';
import { basemapHandlers } from './basemap';
import { gridHandlers } from './grids';
import { boundaryHandlers } from './boundaries';
import { directoryHandlers } from './directory';
import { jobHandlers } from './jobs';
import { backupHandlers } from './backup';
import { setupHandlers } from './setup';
import { statsHandlers } from './stats';
import { sweepHandlers } from './sweeps';
import { wallHandlers } from './walls';
import { syncHandlers } from './sync';

/** Each contract file (or folder) and the one name prefix it holds; the core has a folder of that name. */
const FILES: Record<string, Record<string, unknown>> = {
  system: systemHandlers,
  session: sessionHandlers,
  accounts: accountHandlers,
  divisions: divisionHandlers,
  audit: auditHandlers,
  disputes: disputeHandlers,
  calendar: calendarHandlers,
  map: mapHandlers,
  basemap: basemapHandlers,
  grids: gridHandlers,
  boundaries: boundaryHandlers,
  directory: directoryHandlers,
  jobs: jobHandlers,
  backup: backupHandlers,
  setup: setupHandlers,
  stats: statsHandlers,
  sweeps: sweepHandlers,
  walls: wallHandlers,
  sync: syncHandlers,
};

describe('contract layout', () => {
  it('one name prefix per contract file, and every handler in exactly one of them', () => {
    const seen: string[] = [];
    for (const [prefix, handlers] of Object.entries(FILES)) {
      for (const name of Object.keys(handlers)) {
        expect(name.split('.')[0], `${name} is declared in the ${prefix} contract`).toBe(prefix);
        seen.push(name);
      }
    }
    expect(seen.sort()).toEqual([...HANDLER_NAMES].sort());
  });

  it('only logging in, the system information, the start-up status and the first-run setup need no session', () => {
    for (const name of HANDLER_NAMES) {
      const spec = contract[name];
      if (spec.access === 'public') expect(['session.login', 'system.info', 'system.status', 'setup.divisions', 'setup.complete']).toContain(name);
      else expect(spec.access.length).toBeGreaterThan(0);
    }
  });
});
