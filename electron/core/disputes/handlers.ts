import { CoreError } from '../../../shared/contract/errors';
import type { HandlerImpls } from '../context';

const notYet = async (): Promise<never> => {
  throw new CoreError('INTERNAL', '该功能正在开发中');
};

/** Placeholders until each module lands; replaced one by one (issue 3). */
export const disputeImpls = {
  'disputes.intake': notYet,
  'disputes.findDuplicates': notYet,
  'disputes.proposeWarning': notYet,
  'disputes.query': notYet,
  'disputes.detail': notYet,
  'disputes.transition': notYet,
  'disputes.recordMediation': notYet,
  'disputes.setWarning': notYet,
  'disputes.addNote': notYet,
  'disputes.batchAssign': notYet,
  'disputes.batchSetWarning': notYet,
  'disputes.mediators': notYet,
  'disputes.gridsOfVillage': notYet,
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
} satisfies Partial<HandlerImpls>;
