import type { DomainImpls } from '../context';
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

/** Every `disputes.*` handler: the queue and case workflow, one module per concern. */
export const disputeImpls: DomainImpls<'disputes'> = {
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
};
