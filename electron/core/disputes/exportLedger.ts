import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { CoreError } from '../../../shared/contract/errors';
import type { ExportJob, Job } from '../../../shared/contract';
import { QueueView, type QueueRow } from '../../../shared/contract/disputes/schemas';
import { SOURCE_LABELS, STATUS_LABELS, WARNING_LABELS } from '../../../shared/domain/workflow';
import { chinaDate } from '../clock';
import { logRead } from '../privacy/readLog';
import { DATE_FORMAT, dateCell, exportFileName, officeSheetOptions, WRAP } from '../officeSheets';
import type { DomainImpls, HandlerContext } from '../context';
import { callerScope } from '../jurisdiction/cases';
import { defineJobKind } from '../jobs/jobKinds';
import { countView } from './queueEngine';
import { orderBy, viewSql } from './queueSql';
import { queueRows } from './queueRows';

/**
 * Excel export of exactly the filtered ledger (台账): the same view SQL and the same masking as the
 * queue, written by a `disputes.export` job of the jobs service (a streaming workbook, chunk by chunk,
 * with job.progress events). The file holds personal data as the exporter may see it, so only they may
 * download it, and retention removes it.
 */

/** The ledger's columns, in order, with Chinese headers; dates are real date cells (they sort and filter), long texts wrap. */
export const LEDGER_COLUMNS: ReadonlyArray<{
  header: string;
  width: number;
  style?: Partial<ExcelJS.Style>;
  value: (r: QueueRow, i: number) => string | number | Date | null;
}> = [
  { header: '序号', width: 7, value: (_r, i) => i + 1 },
  { header: '案件编号', width: 24, value: (r) => r.caseNo },
  { header: '登记日期', width: 12, style: { numFmt: DATE_FORMAT }, value: (r) => dateCell(chinaDate(new Date(r.registeredAt))) },
  { header: '来源', width: 10, value: (r) => SOURCE_LABELS[r.source] },
  { header: '纠纷类别', width: 12, value: (r) => r.category },
  { header: '当事人', width: 22, style: { alignment: WRAP }, value: (r) => r.partiesLabel },
  { header: '纠纷简要情况', width: 50, style: { alignment: WRAP }, value: (r) => r.summary },
  { header: '乡镇（街道）', width: 14, value: (r) => r.townshipName },
  { header: '村（社区）', width: 14, value: (r) => r.villageName },
  { header: '网格', width: 12, value: (r) => r.gridName },
  { header: '涉及金额（元）', width: 14, value: (r) => r.amountYuan },
  { header: '涉及人数', width: 9, value: (r) => r.peopleInvolved },
  { header: '预警等级', width: 9, value: (r) => WARNING_LABELS[r.warning] },
  { header: '办理状态', width: 10, value: (r) => STATUS_LABELS[r.status] },
  { header: '受理日期', width: 12, style: { numFmt: DATE_FORMAT }, value: (r) => (r.acceptedAt ? dateCell(chinaDate(new Date(r.acceptedAt))) : null) },
  { header: '办理期限', width: 12, style: { numFmt: DATE_FORMAT }, value: (r) => dateCell(r.deadline) },
  { header: '调解组织', width: 22, style: { alignment: WRAP }, value: (r) => r.orgName },
  { header: '调解员', width: 10, value: (r) => r.mediatorName },
  { header: '是否逾期', width: 9, value: (r) => (r.overdue ? '是' : '否') },
];

const CHUNK = 1000;

/** The job: the view as the exporter saw it, their "today" (deadlines and overdue flags), and who they are (ctx.owner). */
export const ledgerExport = defineJobKind({
  kind: 'disputes.export',
  input: z.object({ view: QueueView, today: z.string() }),
  run: async ({ view, today }, ctx) => {
    const scope = await callerScope({ db: ctx.db, node: ctx.node, account: ctx.owner });
    const sql = viewSql(view.filter, scope, today);
    const ids: Array<{ id: number }> = await ctx.db.raw(`SELECT d.id AS id FROM disputes d WHERE ${sql.where} ORDER BY ${orderBy(view.sort)}`, sql.params);
    ctx.progress(0, ids.length);
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: ctx.outputFile(exportFileName('矛盾纠纷台账', today)), useStyles: true });
    const ws = wb.addWorksheet('矛盾纠纷台账', officeSheetOptions(`矛盾纠纷台账（${today}）`));
    ws.columns = LEDGER_COLUMNS.map((c) => ({ header: c.header, width: c.width, ...(c.style ? { style: c.style } : {}) }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_COLUMNS.length } };
    for (let i = 0; i < ids.length; i += CHUNK) {
      ctx.signal.throwIfAborted();
      const rows = await queueRows(ctx.db, scope, ids.slice(i, i + CHUNK).map((r) => r.id), today);
      rows.forEach((r, k) => ws.addRow(LEDGER_COLUMNS.map((c) => c.value(r, i + k))).commit());
      ctx.progress(Math.min(ids.length, i + CHUNK));
    }
    ws.commit();
    await wb.commit();
  },
});

function exportView(j: Job): ExportJob {
  return { jobId: j.jobId, state: j.state, done: j.done, total: j.total, fileName: j.fileName, message: j.message };
}

/** One of the caller's own export jobs; someone else's does not exist for them. */
async function ownExport(ctx: HandlerContext, jobId: string) {
  const job = await ctx.node.jobs.find(ctx.db, jobId);
  if (!job || job.kind !== ledgerExport.kind || job.ownerId !== ctx.account.id) throw new CoreError('NOT_FOUND', '没有这个导出任务', { field: 'jobId' });
  return job;
}

export const exportImpls = {
  'disputes.export.start': async ({ view }, ctx) => {
    // A writing handler: the job row and the audit entry of an export of personal data commit together,
    // and the job runs once they have. The total is counted now, so the dialog can show it at once.
    if (view.filter.text) await ctx.node.search.refresh(ctx.db);
    const scope = await callerScope(ctx);
    const today = chinaDate(ctx.now);
    const total = await countView(ctx.db, viewSql(view.filter, scope, today));
    const job = await ctx.jobs.start(ledgerExport, { view, today }, { total });
    await ctx.audit({ action: 'disputes.export', entity: 'dispute', entityId: null, detail: { jobId: job.jobId, total, view } });
    return exportView(job);
  },

  'disputes.export.status': async ({ jobId }, ctx) => exportView(await ownExport(ctx, jobId)),

  'disputes.export.download': async ({ jobId }, ctx) => {
    const job = await ownExport(ctx, jobId);
    if (job.state !== 'done' || !job.filePath) {
      throw new CoreError('CONFLICT', job.state === 'running' ? `导出尚未完成（${job.done}/${job.total}）` : job.state === 'cancelled' ? '导出已取消，请重新导出' : '导出失败，请重新导出');
    }
    const contentBase64 = readFileSync(job.filePath).toString('base64');
    await logRead(ctx, 'disputes.export.download', 'job', jobId, { fileName: job.fileName, rows: job.total });
    return { fileName: job.fileName ?? 'export.xlsx', contentBase64 };
  },
} satisfies Partial<DomainImpls<'disputes'>>;
