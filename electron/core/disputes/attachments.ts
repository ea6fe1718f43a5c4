import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CoreError } from '../../../shared/contract/errors';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/contract/disputes';
import { logRead } from '../privacy/readLog';
import type { DomainImpls } from '../context';
import { isOwnCase } from '../jurisdiction/cases';
import { loadVisibleCase, recordEvent } from './timeline';

/**
 * Attachments live in dataDir/attachments/<first two hex>/<sha256>: stored once however often attached,
 * named by content so a file cannot be swapped unnoticed (the hash is checked again on every read).
 */
function blobPath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const attachmentImpls = {
  'disputes.addAttachment': async (input, ctx) => {
    const { row, scope } = await loadVisibleCase(ctx, input.id);
    if ((ctx.account.role === 'mediator' || ctx.account.role === 'grid_worker') && !isOwnCase(scope, row)) throw new CoreError('FORBIDDEN', '只能为本人负责的案件上传附件');
    const b64 = input.contentBase64.replace(/\s+/g, '');
    if (b64.length % 4 !== 0 || !BASE64.test(b64)) throw new CoreError('INVALID_INPUT', '输入有误：contentBase64：文件内容不是有效的 Base64 编码', { field: 'contentBase64' });
    const bytes = Buffer.from(b64, 'base64');
    if (bytes.length === 0) throw new CoreError('INVALID_INPUT', '输入有误：contentBase64：文件内容为空', { field: 'contentBase64' });
    if (bytes.length > ATTACHMENT_MAX_BYTES) throw new CoreError('INVALID_INPUT', `输入有误：contentBase64：附件不能超过${ATTACHMENT_MAX_BYTES / 1024 / 1024}MB`, { field: 'contentBase64' });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const file = blobPath(ctx.env.dataDir, sha256);
    if (!existsSync(file)) {
      // Write then rename, so a crash never leaves a half file under a valid name. If the transaction
      // rolls back the blob stays, unreferenced and harmless (content-addressed).
      mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, file);
    }
    const [id] = await ctx.db('dispute_attachments').insert({
      dispute_id: row.id,
      file_name: input.fileName,
      mime: input.mime,
      size: bytes.length,
      sha256,
      note: input.note ?? null,
      uploaded_by: ctx.account.id,
      uploaded_by_name: ctx.account.displayName || ctx.account.username,
      uploaded_at: ctx.now.toISOString(),
    });
    await recordEvent(ctx, row.id, row.case_no, { kind: 'attachment', note: input.fileName, data: { attachmentId: Number(id), sha256, size: bytes.length } });
    ctx.emit('data.changed', { entity: 'dispute', ids: [row.id] });
    return { attachmentId: Number(id), sha256, size: bytes.length };
  },

  'disputes.getAttachment': async ({ attachmentId }, ctx) => {
    const a: { dispute_id: number; file_name: string; mime: string; sha256: string } | undefined = await ctx.db('dispute_attachments').where({ id: attachmentId }).first('dispute_id', 'file_name', 'mime', 'sha256');
    if (!a) throw new CoreError('NOT_FOUND', `附件 ${attachmentId} 不存在`, { field: 'attachmentId' });
    await loadVisibleCase(ctx, a.dispute_id);
    const file = blobPath(ctx.env.dataDir, a.sha256);
    if (!existsSync(file)) throw new CoreError('NOT_FOUND', `附件文件缺失（${a.file_name}），请从备份恢复`);
    const bytes = readFileSync(file);
    if (createHash('sha256').update(bytes).digest('hex') !== a.sha256) throw new CoreError('INTERNAL', `附件文件已被改动（${a.file_name}），校验不符`);
    await logRead(ctx, 'disputes.getAttachment', 'attachment', attachmentId, { disputeId: a.dispute_id, fileName: a.file_name });
    return { fileName: a.file_name, mime: a.mime, contentBase64: bytes.toString('base64') };
  },
} satisfies Partial<DomainImpls<'disputes'>>;
