import type { DomainImpls } from '../context';
import { detailImpls } from './detail';
import { printDocument } from './printDocuments';

export const printImpls = {
  // The document is built from the same masked detail the caller could read, so it never shows more.
  'disputes.print': async ({ id, document }, ctx) => printDocument(await detailImpls['disputes.detail']({ id }, ctx), document),
} satisfies Partial<DomainImpls<'disputes'>>;
