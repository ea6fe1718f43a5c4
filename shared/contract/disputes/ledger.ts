import { z } from 'zod';
import { handler } from '../define';
import { DISPATCH_ROLES, STAFF_ROLES, LEDGER_READERS } from '../roles';
import { QueueView, TextRequired } from './schemas';
import { Job } from '../jobs';

/** The ledger (台账) behind the queue: saved views, Excel export and import of cases. */


export const SavedView = z.object({
  id: z.number().int(),
  name: z.string(),
  view: QueueView,
  createdAt: z.string(),
});
export type SavedView = z.infer<typeof SavedView>;

export const ImportRowReport = z.object({
  /** 1-based data row number as the user sees it in the sheet (header is row 1, first data row is 2). */
  row: z.number().int(),
  ok: z.boolean(),
  errors: z.array(z.object({ column: z.string(), message: z.string() })),
  caseNo: z.string().nullable(),
});

/** An export as the queue's export dialog follows it: a job of kind `disputes.export` (jobs.ts). */
export const ExportJob = Job.pick({ jobId: true, state: true, done: true, total: true, fileName: true, message: true });
export type ExportJob = z.infer<typeof ExportJob>;

/** Who may take the ledger out of the system (grid workers and the wall may not). */

export const disputeLedgerHandlers = {
  'disputes.views.list': handler({
    summary: 'The caller’s saved queue views.',
    input: z.object({}).strict(),
    output: z.object({ views: z.array(SavedView) }),
    access: STAFF_ROLES,
    writes: false,
  }),
  'disputes.views.save': handler({
    summary: 'Save (or overwrite by name) a queue view for the caller.',
    input: z.object({ name: TextRequired('视图名称', 40), view: QueueView }).strict(),
    output: SavedView,
    access: STAFF_ROLES,
    writes: true,
  }),
  'disputes.views.delete': handler({
    summary: 'Delete one of the caller’s saved views.',
    input: z.object({ viewId: z.number().int().positive() }).strict(),
    output: z.object({ ok: z.literal(true) }),
    access: STAFF_ROLES,
    writes: true,
  }),
  'disputes.export.start': handler({
    summary:
      'Start exporting exactly the filtered ledger (台账) as .xlsx with Chinese headers: a `disputes.export` job of the jobs service, progress as job.progress events. Writes: the job and the audit entry of an export of personal data.',
    input: z.object({ view: QueueView }).strict(),
    output: ExportJob,
    access: LEDGER_READERS,
    writes: true,
  }),
  'disputes.export.status': handler({
    summary: 'Where one of the caller’s export jobs stands.',
    input: z.object({ jobId: z.string().min(1).max(64) }).strict(),
    output: ExportJob,
    access: LEDGER_READERS,
    writes: false,
  }),
  'disputes.export.download': handler({
    summary: 'The finished .xlsx of an export job (base64); only the account that started it may fetch it, until the retention period removes it.',
    input: z.object({ jobId: z.string().min(1).max(64) }).strict(),
    output: z.object({ fileName: z.string(), contentBase64: z.string() }),
    access: LEDGER_READERS,
    writes: false,
  }),
  'disputes.import': handler({
    summary:
      'Import cases from a 网小格 or 12345 export (CSV or XLSX, base64). Every row is checked; nothing is imported unless all rows are valid, or mode is validRowsOnly. dryRun checks only.',
    input: z
      .object({
        fileName: z.string().trim().min(1).max(200).refine((n) => /\.(csv|xlsx)$/i.test(n), '仅支持 .csv 或 .xlsx 文件'),
        contentBase64: z.string().min(1, '文件内容为空').max(20 * 1024 * 1024, '导入文件不能超过15MB'),
        source: z.enum(['wxg_app', 'hotline_12345'], '导入来源须为网小格或12345'),
        mode: z.enum(['allOrNothing', 'validRowsOnly']).default('allOrNothing'),
        dryRun: z.boolean().default(false),
      })
      .strict(),
    output: z.object({
      totalRows: z.number().int(),
      validRows: z.number().int(),
      imported: z.number().int(),
      rows: z.array(ImportRowReport),
    }),
    access: DISPATCH_ROLES,
    writes: true,
  }),
};
