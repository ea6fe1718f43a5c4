import { CoreError } from '../../../shared/contract/errors';
import type { HandlerImpls } from '../context';
import { queryImpls } from './queryHandler';
import { intakeImpls } from './intake';
import { transitionImpls } from './transitions';
import { caseActionImpls } from './caseActions';
import { detailImpls } from './detail';
import { mediatorImpls } from './mediators';

const notYet = async (): Promise<never> => {
  throw new CoreError('INTERNAL', '该功能正在开发中');
};

/** Placeholders until each module lands; replaced one by one (issue 3). */
export const disputeImpls = {
  'disputes.print': notYet,
  'disputes.addAttachment': notYet,
  'disputes.getAttachment': notYet,
  'disputes.views.list': notYet,
  'disputes.views.save': notYet,
  'disputes.views.delete': notYet,
  'disputes.export.start': notYet,
  'disputes.export.status': notYet,
  'disputes.export.download': notYet,
  'disputes.import': notYet,
  'calendar.overrides.list': notYet,
  'calendar.overrides.set': notYet,
  'disputes.deadlineRules.list': notYet,
  'disputes.deadlineRules.set': notYet,
  ...queryImpls,
  ...intakeImpls,
  ...transitionImpls,
  ...caseActionImpls,
  ...detailImpls,
  ...mediatorImpls,
} satisfies Partial<HandlerImpls>;
