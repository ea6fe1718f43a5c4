import type { DomainImpls } from '../context';
import { logRead } from '../privacy/readLog';
import { caseDetail } from './detail';
import { printDocument } from './printDocuments';

export const printImpls = {
  // The document is built from the same masked detail the caller could read, so it never shows more.
  'disputes.print': async ({ id, document }, ctx) => {
    const detail = await caseDetail(id, ctx);
    await logRead(ctx, 'disputes.print', 'dispute', id, { document });
    return printDocument(detail, document);
  },
} satisfies Partial<DomainImpls<'disputes'>>;
