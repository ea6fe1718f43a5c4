import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Knex } from 'knex';
import { CoreError } from '../../../shared/contract/errors';
import type { ExportJob } from '../../../shared/contract/disputesAdmin';
import type { QueueRow, QueueView } from '../../../shared/contract/disputesSchemas';
import { SOURCE_LABELS, STATUS_LABELS, WARNING_LABELS } from '../../../shared/domain/workflow';
import { appendAudit } from '../audit/auditLog';
import { chinaDate } from '../clock';
import type { HandlerContext, HandlerImpls } from '../context';
import { dataVersion, countView } from './queueEngine';
import { orderBy, viewSql } from './queueSql';
import { queueRows } from './queueRows';
import { callerScope, type CallerScope } from './scope';
import { refreshSearchIndex } from './searchIndex';
import { backgroundEmit } from './jobEvents';

/**
 * Excel export of exactly the filtered ledger (台账): the same view SQL and the same masking as the
 * queue, written in the background (a streaming workbook, chunk by chunk) with job.progress events.
 */

/** The ledger's columns, in order, with Chinese headers. */
export const LEDGER_COLUMNS: ReadonlyArray<{ header: string; width: number; value: (r: QueueRow, i: number) => string | number | null }> = [
  { header: '序号', width: 7, value: (_r, i) => i + 1 },
  { header: '案件编号', width: 24, value: (r) => r.caseNo },
  { header: '登记日期', width: 12, value: (r) => chinaDate(new Date(r.registeredAt)) },
  { header: '来源', width: 10, value: (r) => SOURCE_LABELS[r.source] },
  { header: '纠纷类别', width: 12, value: (r) => r.category },
  { header: '当事人', width: 20, value: (r) => r.partiesLabel },
  { header: '纠纷简要情况', width: 50, value: (r) => r.summary },
  { header: '乡镇（街道）', width: 14, value: (r) => r.townshipName },
  { header: '村（社区）', width: 14, value: (r) => r.villageName },
  { header: '网格', width: 12, value: (r) => r.gridName },
  { header: '涉及金额（元）', width: 14, value: (r) => r.amountYuan },
  { header: '涉及人数', width: 9, value: (r) => r.peopleInvolved },
  { header: '预警等级', width: 9, value: (r) => WARNING_LABELS[r.warning] },
  { header: '办理状态', width: 10, value: (r) => STATUS_LABELS[r.status] },
  { header: '受理日期', width: 12, value: (r) => (r.acceptedAt ? chinaDate(new Date(r.acceptedAt)) : null) },
  { header: '办理期限', width: 12, value: (r) => r.deadline },
  { header: '调解组织', width: 22, value: (r) => r.orgName },
  { header: '调解员', width: 10, value: (r) => r.mediatorName },
  { header: '是否逾期', width: 9, value: (r) => (r.overdue ? '是' : '否') },
];

interface Job extends ExportJob {
  accountId: number;
  file: string;
}

const jobs = new Map<string, Job>();
const CHUNK = 1000;

function publicJob(j: Job): ExportJob {
  return { jobId: j.jobId, state: j.state, done: j.done, total: j.total, fileName: j.fileName, message: j.message };
}

async function writeLedger(db: Knex, scope: CallerScope, view: QueueView, today: string, job: Job, progress: () => void): Promise<void> {
  const sql = viewSql(view.filter, scope, today);
  const ids: Array<{ id: number }> = await db.raw(`SELECT d.id AS id FROM disputes d WHERE ${sql.where} ORDER BY ${orderBy(view.sort)}`, sql.params);
  job.total = ids.length;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: job.file, useStyles: true });
  const ws = wb.addWorksheet('矛盾纠纷台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = LEDGER_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await queueRows(db, scope, ids.slice(i, i + CHUNK).map((r) => r.id), today);
    rows.forEach((r, k) => ws.addRow(LEDGER_COLUMNS.map((c) => c.value(r, i + k))).commit());
    job.done = Math.min(ids.length, i + CHUNK);
    progress();
  }
  ws.commit();
  await wb.commit();
}

export const exportImpls = {
  'disputes.export.start': async ({ view }, ctx: HandlerContext) => {
    // A read handler (the export reads), so ctx.db is the database itself and the job can outlive this
    // call; the export of personal data is still audited, in its own transaction, before it starts.
    if (view.filter.text) await refreshSearchIndex(ctx.db);
    const version = await dataVersion(ctx.db);
    const scope = await callerScope(ctx.db, ctx.account, version);
    const today = chinaDate(ctx.now);
    const total = await countView(ctx.db, viewSql(view.filter, scope, today));
    const jobId = randomUUID();
    const dir = path.join(ctx.env.dataDir, 'exports');
    mkdirSync(dir, { recursive: true });
    const fileName = `矛盾纠纷台账_${today}.xlsx`;
    const job: Job = { jobId, state: 'running', done: 0, total, fileName, message: null, accountId: ctx.account.id, file: path.join(dir, `${jobId}.xlsx`) };
    jobs.set(jobId, job);
    const account = ctx.account;
    await ctx.db.transaction((trx) =>
      appendAudit(trx, ctx.now, { actorId: account.id, actorName: account.username, action: 'disputes.export', entity: 'dispute', entityId: null, detail: { jobId, total, view } }),
    );
    const progress = () =>
      backgroundEmit(ctx.db, 'job.progress', { jobId, kind: 'disputes.export', accountId: account.id, state: job.state, done: job.done, total: job.total, message: job.message });
    const db = ctx.db;
    const log = ctx.env.log;
    setImmediate(() => {
      writeLedger(db, scope, view, today, job, progress)
        .then(() => {
          job.state = 'done';
        })
        .catch((err: unknown) => {
          job.state = 'failed';
          job.message = '导出失败，请重试';
          log.error('ledger export failed', { jobId, error: err instanceof Error ? err.message : String(err) });
        })
        .finally(progress);
    });
    return publicJob(job);
  },

  'disputes.export.status': async ({ jobId }, ctx) => publicJob(ownJob(jobId, ctx.account.id)),

  'disputes.export.download': async ({ jobId }, ctx) => {
    const job = ownJob(jobId, ctx.account.id);
    if (job.state !== 'done') throw new CoreError('CONFLICT', job.state === 'failed' ? '导出失败，请重新导出' : `导出尚未完成（${job.done}/${job.total}）`);
    return { fileName: job.fileName ?? 'export.xlsx', contentBase64: readFileSync(job.file).toString('base64') };
  },
} satisfies Partial<HandlerImpls>;

function ownJob(jobId: string, accountId: number): Job {
  const job = jobs.get(jobId);
  // Someone else's job does not exist for this caller.
  if (!job || job.accountId !== accountId) throw new CoreError('NOT_FOUND', '没有这个导出任务', { field: 'jobId' });
  return job;
}
