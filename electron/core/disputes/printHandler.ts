import type { DomainImpls } from '../context';
import { logRead } from '../privacy/readLog';
import { caseDetail } from './detail';
import { printDocument } from './printDocuments';

export const printImpls = {
  // The document is built from the same masked detail the caller could read, so it never shows more.
  'disputes.print': async ({ id, document }, ctx) => {
    const page = printDocument(await caseDetail(id, ctx), document);
    // Logged once the document exists: a refusal (no agreement yet) showed nothing and records nothing.
    await logRead(ctx, 'disputes.print', 'dispute', id, { document });
    return page;
  },
} satisfies Partial<DomainImpls<'disputes'>>;
