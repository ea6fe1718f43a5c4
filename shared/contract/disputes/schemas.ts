import { z } from 'zod';
import { IdNumber } from '../../domain/idNumber';
import { isPartyPhone, PARTY_PHONE_MESSAGE } from '../../domain/phoneNumbers';
import { DISPUTE_CATEGORIES, DISPUTE_SOURCES, DISPUTE_STATUSES, WARNING_LEVELS } from '../../domain/disputeStatus';
import { REFERRALS, WORKFLOW_ACTIONS } from '../../domain/workflow';

/** Building blocks shared by the dispute handlers (disputes.ts, disputesAdmin.ts). Messages are zh-CN. */

export const DisputeStatusSchema = z.enum(DISPUTE_STATUSES, '案件状态无效');
export const CategorySchema = z.enum(DISPUTE_CATEGORIES, '纠纷类别无效');
export const SourceSchema = z.enum(DISPUTE_SOURCES, '案件来源无效');
export const WarningSchema = z.enum(WARNING_LEVELS, '预警等级无效');
export const ReferralSchema = z.enum(REFERRALS, '引导去向无效');
export const WorkflowActionSchema = z.enum(WORKFLOW_ACTIONS);

export const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式须为 YYYY-MM-DD');
export const DisputeId = z.number('缺少案件编号').int('案件编号须为整数').positive('案件编号无效');

/** Mobile (11 digits from 13–19) or landline with area code (0731-12345678): shared/domain/phoneNumbers. */
export const Phone = z.string().trim().refine(isPartyPhone, PARTY_PHONE_MESSAGE);

const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label}不能超过${max}字`).optional();

export const PartyInput = z
  .object({
    side: z.enum(['applicant', 'respondent'], '当事人身份须为申请人或被申请人'),
    name: z.string().trim().min(1, '请填写当事人姓名或名称').max(60, '姓名不能超过60字'),
    idNumber: IdNumber.optional(),
    phone: Phone.optional(),
    address: optionalText(200, '住址'),
  })
  .strict();
export type PartyInput = z.infer<typeof PartyInput>;

/** A party as the caller's role may see it: ID numbers and phones masked unless the role may see them in full. */
export const Party = z.object({
  id: z.number().int(),
  side: z.enum(['applicant', 'respondent']),
  name: z.string(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  /** True when idNumber/phone/name were masked for this caller. */
  masked: z.boolean(),
});
export type Party = z.infer<typeof Party>;

export const SORT_FIELDS = ['registered_at', 'deadline', 'warning', 'updated_at', 'case_no'] as const;
export const SortField = z.enum(SORT_FIELDS, '排序字段无效');

/**
 * A queue view: filters + sort. The same object is used by the queue, the export and saved views, so
 * "export exactly what is filtered" holds by construction.
 */
export const QueueFilter = z
  .object({
    /** Omitted = every status. */
    statuses: z.array(DisputeStatusSchema).max(20).optional(),
    categories: z.array(CategorySchema).max(20).optional(),
    warnings: z.array(WarningSchema).max(4).optional(),
    sources: z.array(SourceSchema).max(10).optional(),
    countyCode: z.string().regex(/^\d{12}$/, '区划代码须为12位数字').optional(),
    townshipCode: z.string().regex(/^\d{12}$/, '区划代码须为12位数字').optional(),
    villageCode: z.string().regex(/^\d{12}$/, '区划代码须为12位数字').optional(),
    gridId: z.number().int().positive().optional(),
    mediatorId: z.number().int().positive().optional(),
    /** Cases whose mediator is the caller (mediators always get only their own cases anyway). */
    assignedToMe: z.boolean().optional(),
    /** Open cases past their deadline. */
    overdue: z.boolean().optional(),
    /** Open cases due within the next DUE_SOON_DAYS days (not yet overdue). */
    dueSoon: z.boolean().optional(),
    registeredFrom: DateString.optional(),
    registeredTo: DateString.optional(),
    /** Quick search over party names, summary, case number and address; any length from 1 character. */
    text: z.string().trim().max(50, '搜索词不能超过50字').optional(),
  })
  .strict();
export type QueueFilter = z.infer<typeof QueueFilter>;

export const QueueSort = z
  .object({ field: SortField, dir: z.enum(['asc', 'desc'], '排序方向须为 asc 或 desc') })
  .strict();
export type QueueSort = z.infer<typeof QueueSort>;

export const QueueView = z
  .object({
    filter: QueueFilter.default({}),
    sort: QueueSort.default({ field: 'registered_at', dir: 'desc' }),
  })
  .strict();
export type QueueView = z.infer<typeof QueueView>;

/** One row of the queue (台账 line). Party names are masked for roles that may not see them. */
export const QueueRow = z.object({
  id: z.number().int(),
  caseNo: z.string(),
  status: DisputeStatusSchema,
  category: CategorySchema,
  source: SourceSchema,
  warning: WarningSchema,
  /** "申请人 与 被申请人" (first of each side; "等" when there are more): the ledger's and the exports' words. */
  partiesLabel: z.string(),
  /** The same names apart (masked alike; '' for a side without parties), for a label in the UI's language. */
  partyNames: z.object({ applicant: z.string(), respondent: z.string(), moreApplicants: z.boolean(), moreRespondents: z.boolean() }),
  summary: z.string(),
  countyCode: z.string(),
  townshipCode: z.string(),
  townshipName: z.string().nullable(),
  villageCode: z.string().nullable(),
  villageName: z.string().nullable(),
  gridId: z.number().int().nullable(),
  gridName: z.string().nullable(),
  mediatorId: z.number().int().nullable(),
  mediatorName: z.string().nullable(),
  orgName: z.string().nullable(),
  registeredAt: z.string(),
  acceptedAt: z.string().nullable(),
  /** YYYY-MM-DD */
  deadline: z.string().nullable(),
  updatedAt: z.string(),
  amountYuan: z.number().nullable(),
  peopleInvolved: z.number().int(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
});
export type QueueRow = z.infer<typeof QueueRow>;

/** The outcome of one id in a batch action. */
export const BatchResult = z.object({
  results: z.array(
    z.object({ id: z.number().int(), ok: z.boolean(), error: z.object({ code: z.string(), message: z.string() }).optional() }),
  ),
  succeeded: z.number().int(),
  failed: z.number().int(),
});

export const ReferralInput = ReferralSchema;
export const TextRequired = (label: string, max = 2000) =>
  z.string(`请填写${label}`).trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}字`);
export { optionalText };
