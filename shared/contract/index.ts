import type { z } from 'zod';
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
import type { HandlerSpec } from './define';

/**
 * The contract: every handler the core offers, by name. The core implements exactly these, the preload
 * forwards only these, the HTTP server routes only these, and the renderer's client calls only these.
 * One name prefix = one file (or folder) here = one folder in electron/core: `map.*` lives in map.ts and
 * electron/core/map/, `disputes.*` in disputes/ and electron/core/disputes/ (contract.test.ts checks it).
 */
export const contract = {
  ...systemHandlers,
  ...sessionHandlers,
  ...accountHandlers,
  ...divisionHandlers,
  ...auditHandlers,
  ...disputeHandlers,
  ...calendarHandlers,
  ...mapHandlers,
  ...basemapHandlers,
  ...gridHandlers,
  ...boundaryHandlers,
  ...directoryHandlers,
  ...jobHandlers,
  ...backupHandlers,
  ...setupHandlers,
  ...statsHandlers,
  ...sweepHandlers,
  ...wallHandlers,
  ...syncHandlers,
} satisfies Record<string, HandlerSpec>;

export type Contract = typeof contract;
export type HandlerName = keyof Contract;
/** What a caller passes (defaults may be omitted). */
export type InputOf<N extends HandlerName> = z.input<Contract[N]['input']>;
/** What the handler receives after validation (defaults applied). */
export type ParsedInputOf<N extends HandlerName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends HandlerName> = z.output<Contract[N]['output']>;
/** The prefixes of handler names (`disputes`, `map`, …): one contract file and one core folder each. */
export type Domain = DomainOf<HandlerName>;
type DomainOf<N> = N extends `${infer D}.${string}` ? D : never;
/** The handler names of one domain. */
export type NamesOf<D extends Domain> = Extract<HandlerName, `${D}.${string}`>;

export const HANDLER_NAMES = Object.keys(contract) as HandlerName[];

export function isHandlerName(name: unknown): name is HandlerName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './errors';
export * from './roles';
export * from './events';
export type { HandlerSpec } from './define';
export { Account } from './session';
export { NodeStartup } from './system';
export { DivisionNode } from './divisions';
export { AuditEntry, AuditVerifyResult } from './audit';
export { DisputeDetail, IntakeInput, TransitionInput, SavedView, ExportJob, ATTACHMENT_MAX_BYTES } from './disputes';
export { QueueFilter, QueueRow, QueueSort, QueueView, Party } from './disputes/schemas';
export { Job, JobState } from './jobs';
export { BackupSettings, BackupInfo, DEFAULT_BACKUP_SETTINGS } from './backup';
export { SetupDivision } from './setup';
export { StatsOverview, StatTotals, StatRow, SweepTable, SweepTableRow, Workbench, WorkbenchTile, Granularity, WallFeed } from './stats';
export { Sweep, SweepInput } from './sweeps';
export { WallToken, WALL_TOKEN_HANDLERS } from './walls';
