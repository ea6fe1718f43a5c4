import { disputeCaseHandlers } from './cases';
import { disputeFileHandlers } from './caseFiles';
import { disputeLedgerHandlers } from './ledger';
import { deadlineRuleHandlers } from './deadlineRules';

/**
 * Everything named `disputes.*`: the case workflow and queue (cases.ts), case files (caseFiles.ts), the
 * ledger's saved views, export and import (ledger.ts) and the deadline rules (deadlineRules.ts). One
 * prefix, one folder here, one folder in the core (electron/core/disputes).
 */
export const disputeHandlers = {
  ...disputeCaseHandlers,
  ...disputeFileHandlers,
  ...disputeLedgerHandlers,
  ...deadlineRuleHandlers,
};

export { DisputeDetail, IntakeInput, TransitionInput, DuplicateCase, WarningProposal } from './cases';
export { ATTACHMENT_MAX_BYTES } from './caseFiles';
export { SavedView, ExportJob, ImportRowReport } from './ledger';
export { DeadlineRule } from './deadlineRules';
