import { z } from 'zod';
import { handler } from './define';
import { ADMIN_ONLY, CASE_WORKERS, DISPATCH_ROLES, LEDGER_READERS, STAFF_ROLES } from './roles';
import { CategorySchema, DateString, DisputeId, QueueView, TextRequired, WarningSchema } from './disputesSchemas';

/** Attachments, saved views, export/import and the deadline calendar of the dispute queue (issue 3). */

/** Largest attachment accepted (the HTTP transport's body limit is 16 MB, and base64 adds a third). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

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

export const ExportJob = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  fileName: z.string().nullable(),
  message: z.string().nullable(),
});
export type ExportJob = z.infer<typeof ExportJob>;

export const DeadlineRule = z.object({
  id: z.number().int(),
  /** null = every category */
  category: CategorySchema.nullable(),
  /** null = every warning level */
  warning: WarningSchema.nullable(),
  days: z.number().int(),
  workingDays: z.boolean(),
});

export const disputeAdminHandlers = {
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
      'Start exporting exactly the filtered ledger (台账) as .xlsx with Chinese headers, in the background; progress arrives as job.progress events.',
    input: z.object({ view: QueueView }).strict(),
    output: ExportJob,
    access: LEDGER_READERS,
    // Reads (so the job may outlive the call); the export itself is audited by the handler.
    writes: false,
  }),
  'disputes.export.status': handler({
    summary: 'Where an export job stands.',
    input: z.object({ jobId: z.string().min(1).max(64) }).strict(),
    output: ExportJob,
    access: LEDGER_READERS,
    writes: false,
  }),
  'disputes.export.download': handler({
    summary: 'The finished .xlsx of an export job (base64); only the account that started it may fetch it.',
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
  'calendar.overrides.list': handler({
    summary: 'Working-day overrides the admin set on top of the built-in holiday calendar (chinese-days), for a year.',
    input: z.object({ year: z.number().int().min(2000).max(2100) }).strict(),
    output: z.object({ overrides: z.array(z.object({ date: z.string(), isWorkday: z.boolean(), note: z.string().nullable() })) }),
    access: STAFF_ROLES,
    writes: false,
  }),
  'calendar.overrides.set': handler({
    summary: 'Declare a date a working day or a day off (e.g. a newly announced holiday); removes with remove: true.',
    input: z
      .object({ date: DateString, isWorkday: z.boolean('请选择是否为工作日'), note: z.string().trim().max(100).optional(), remove: z.boolean().default(false) })
      .strict(),
    output: z.object({ ok: z.literal(true) }),
    access: ADMIN_ONLY,
    writes: true,
  }),
  'disputes.deadlineRules.list': handler({
    summary: 'Mediation deadline rules per category and warning level (most specific wins; default 30 calendar days).',
    input: z.object({}).strict(),
    output: z.object({ rules: z.array(DeadlineRule) }),
    access: STAFF_ROLES,
    writes: false,
  }),
  'disputes.deadlineRules.set': handler({
    summary: 'Create or replace the rule for a (category, warning) pair; remove: true deletes it.',
    input: z
      .object({
        category: CategorySchema.nullable(),
        warning: WarningSchema.nullable(),
        days: z.number('请填写期限天数').int().min(1, '期限至少1天').max(365, '期限不能超过365天'),
        workingDays: z.boolean().default(false),
        remove: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ ok: z.literal(true) }),
    access: ADMIN_ONLY,
    writes: true,
  }),
};
