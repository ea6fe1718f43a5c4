import { z } from 'zod';
import { handler } from '../define';
import { CASE_WORKERS } from '../roles';
import { DisputeId } from './schemas';

/** Files attached to a case (photos, signed agreements), stored once by their SHA-256. */

/** Largest attachment accepted (the HTTP transport's body limit is 16 MB, and base64 adds a third). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export const disputeFileHandlers = {
  'disputes.addAttachment': handler({
    summary: 'Attach a file (base64, at most 10 MB) to a case; stored once under dataDir/attachments by its SHA-256.',
    input: z
      .object({
        id: DisputeId,
        fileName: z.string().trim().min(1, '请提供文件名').max(200, '文件名过长').refine((n) => !/[\\/\0]/.test(n), '文件名不能包含路径'),
        mime: z.string().trim().max(100).default('application/octet-stream'),
        contentBase64: z.string().min(1, '文件内容为空').max(Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 4, '附件不能超过10MB'),
        note: z.string().trim().max(500).optional(),
      })
      .strict(),
    output: z.object({ attachmentId: z.number().int(), sha256: z.string(), size: z.number().int() }),
    access: CASE_WORKERS,
    writes: true,
  }),
  'disputes.getAttachment': handler({
    summary: 'The content of one attachment (base64), for viewing or saving.',
    input: z.object({ attachmentId: z.number().int().positive() }).strict(),
    output: z.object({ fileName: z.string(), mime: z.string(), contentBase64: z.string() }),
    access: CASE_WORKERS,
    writes: false,
  }),
};
