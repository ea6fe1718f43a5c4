import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE } from '../index';
import { fixedClock } from '../clock';
import { tempCore } from '../../../tests/support/tempCore';
import { ALWAYS_CHECK_BELOW_BYTES, lastRun, OPEN_MARKER, shouldQuickCheck } from './openChecks';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('checking the file at start', () => {
  it('checks after a run that did not close, and any file small enough to check quickly', () => {
    expect(shouldQuickCheck({ uncleanStop: true, sizeBytes: 10 * ALWAYS_CHECK_BELOW_BYTES })).toBe(true);
    expect(shouldQuickCheck({ uncleanStop: false, sizeBytes: 5_000_000 })).toBe(true);
    // A million-case file after a clean stop: the daily verified backup reads every page instead.
    expect(shouldQuickCheck({ uncleanStop: false, sizeBytes: ALWAYS_CHECK_BELOW_BYTES })).toBe(false);
  });

  it('marks the file open while a core has it and clears the mark on a clean close; a mark left behind reads as an unclean stop', async () => {
    const { core, dir, cleanup } = await tempCore();
    expect(existsSync(path.join(dir, OPEN_MARKER))).toBe(true);
    await core.close();
    expect(lastRun(dir, DATABASE_FILE)).toMatchObject({ uncleanStop: false });
    expect(lastRun(dir, DATABASE_FILE).sizeBytes).toBeGreaterThan(0);

    // A killed process never removes the mark (electron/core/db/crash.test.ts kills one for real).
    writeFileSync(path.join(dir, OPEN_MARKER), 'left by a killed process');
    expect(lastRun(dir, DATABASE_FILE).uncleanStop).toBe(true);
    const again = await createCore({ dataDir: dir, clock: fixedClock('2021-10-29T09:00:00+08:00'), log: quiet });
    await again.close();
    expect(lastRun(dir, DATABASE_FILE).uncleanStop).toBe(false);
    await cleanup();
  });
});
