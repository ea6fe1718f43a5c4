import type { z } from 'zod';
import { sessionHandlers } from './session';
import { accountHandlers } from './accounts';
import { divisionHandlers } from './divisions';
import { auditHandlers } from './audit';
import { disputeHandlers } from './disputes';
import { disputeAdminHandlers } from './disputesAdmin';
import { mapHandlers } from './map';
import { gridHandlers } from './grids';
import { directoryHandlers } from './directory';
import type { HandlerSpec } from './define';

/**
 * The contract: every handler the core offers, by name. The core implements exactly these, the preload
 * forwards only these, the HTTP server routes only these, and the renderer's client calls only these.
 */
export const contract = {
  ...sessionHandlers,
  ...accountHandlers,
  ...divisionHandlers,
  ...auditHandlers,
  ...disputeHandlers,
  ...disputeAdminHandlers,
  ...mapHandlers,
  ...gridHandlers,
  ...directoryHandlers,
} satisfies Record<string, HandlerSpec>;

export type Contract = typeof contract;
export type HandlerName = keyof Contract;
/** What a caller passes (defaults may be omitted). */
export type InputOf<N extends HandlerName> = z.input<Contract[N]['input']>;
/** What the handler receives after validation (defaults applied). */
export type ParsedInputOf<N extends HandlerName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends HandlerName> = z.output<Contract[N]['output']>;

export const HANDLER_NAMES = Object.keys(contract) as HandlerName[];

export function isHandlerName(name: unknown): name is HandlerName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './errors';
export * from './roles';
export * from './events';
export type { HandlerSpec } from './define';
export { Account, NodeStartup } from './session';
export { DivisionNode } from './divisions';
export { AuditEntry, AuditVerifyResult } from './audit';
export { DisputeDetail, IntakeInput, TransitionInput } from './disputes';
export { QueueFilter, QueueRow, QueueSort, QueueView, Party } from './disputesSchemas';
export { SavedView, ExportJob, ATTACHMENT_MAX_BYTES } from './disputesAdmin';
