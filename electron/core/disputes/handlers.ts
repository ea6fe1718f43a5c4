import type { HandlerImpls } from '../context';
import { queryImpls } from './queryHandler';
import { intakeImpls } from './intake';
import { transitionImpls } from './transitions';
import { caseActionImpls } from './caseActions';
import { detailImpls } from './detail';
import { mediatorImpls } from './mediators';
import { printImpls } from './printHandler';
import { attachmentImpls } from './attachments';
import { settingsImpls } from './settings';
import { exportImpls } from './exportLedger';
import { importImpls } from './importCases';

/** Every handler of the dispute queue and case workflow (issue 3), one module per concern. */
export const disputeImpls = {
  ...queryImpls,
  ...intakeImpls,
  ...transitionImpls,
  ...caseActionImpls,
  ...detailImpls,
  ...mediatorImpls,
  ...printImpls,
  ...attachmentImpls,
  ...settingsImpls,
  ...exportImpls,
  ...importImpls,
} satisfies Partial<HandlerImpls>;
