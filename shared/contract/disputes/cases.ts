import { z } from 'zod';
import { CHINA_BOUNDS } from '../../domain/geometry';
import { handler } from '../define';
import { DISPATCH_ROLES, CASE_HANDLERS, CASE_WORKERS, STAFF_ROLES, INTAKE_ROLES, MEDIATING_ROLES, UNMASK_ROLES } from '../roles';
import {
  BatchResult,
  CategorySchema,
  DateString,
  DisputeId,
  DisputeStatusSchema,
  optionalText,
  Party,
  PartyInput,
  QueueRow,
  QueueView,
  ReferralSchema,
  SourceSchema,
  TextRequired,
  WarningSchema,
  WorkflowActionSchema,
} from './schemas';

/**
 * The dispute queue and case workflow (issue 3). The wall never reaches these: it has no business with
 * personal data. Leaders read everything masked; mediators only their own cases; grid workers their grids.
 */

export const IntakeInput = z
  .object({
    source: SourceSchema,
    category: CategorySchema,
    parties: z
      .array(PartyInput)
      .min(1, '至少填写一名当事人')
      .max(50, '当事人最多50名')
      .refine((ps) => ps.some((p) => p.side === 'applicant'), '至少填写一名申请人'),
    /** Picked from the cascading selectors (village → grid); or found from `location`. */
    gridId: z.number().int().positive().optional(),
    /** When the case has no grid (yet): the village it belongs to. */
    villageCode: z.string().regex(/^\d{12}$/, '村（社区）代码须为12位数字').optional(),
    /** WGS-84; when given without gridId the grid is found from the point. */
    location: z.object({ lon: z.number().min(CHINA_BOUNDS.minLon).max(CHINA_BOUNDS.maxLon), lat: z.number().min(CHINA_BOUNDS.minLat).max(CHINA_BOUNDS.maxLat) }).strict().optional(),
    address: optionalText(200, '纠纷发生地址'),
    summary: TextRequired('纠纷简要情况', 4000),
    amountYuan: z.number('涉及金额须为数字').nonnegative('涉及金额不能为负').max(1e12, '涉及金额过大').optional(),
    peopleInvolved: z.number('涉及人数须为数字').int('涉及人数须为整数').min(1, '涉及人数至少为1').max(100000).default(1),
    /** Times these parties came about this matter before (重复来访), for the warning rules. */
    repeatVisits: z.number().int().min(0).max(1000).default(0),
    /**
     * Omitted: the rules' colour (disputes.proposeWarning). A colour other than the rules' proposal is an
     * override: the core computes the proposal and refuses it without warningReason (warningOverride in
     * shared/domain/warningRules.ts), then puts the reason on the timeline.
     */
    warning: WarningSchema.optional(),
    warningReason: optionalText(500, '预警理由'),
    /** Registered at (ISO); defaults to now. Imports and late entry set it. */
    registeredAt: z.string().datetime({ offset: true, message: '登记时间格式无效' }).optional(),
    /** Register even though the same parties already have an open case in this grid. */
    allowDuplicate: z.boolean().default(false),
  })
  .strict()
  .refine((v) => v.gridId !== undefined || v.villageCode !== undefined || v.location !== undefined, {
    message: '请选择村（社区）和网格，或在地图上标注位置',
    path: ['gridId'],
  });
export type IntakeInput = z.infer<typeof IntakeInput>;

export const DuplicateCase = z.object({
  id: z.number().int(),
  caseNo: z.string(),
  status: DisputeStatusSchema,
  registeredAt: z.string(),
  /** Which party matched and how ("身份证号相同" / "姓名和电话相同"), masked for the caller. */
  matchedParty: z.string(),
  reason: z.string(),
});

export const WarningProposal = z.object({
  level: WarningSchema,
  reasons: z.array(z.string()),
});

const TimelineEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string(),
  kind: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});

const MediationRecord = z.object({
  id: z.number().int(),
  sessionAt: z.string(),
  place: z.string().nullable(),
  participants: z.string().nullable(),
  content: z.string(),
  result: z.string().nullable(),
  recordedBy: z.string(),
});

const Attachment = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string(),
  note: z.string().nullable(),
});

const Agreement = z.object({
  facts: z.string(),
  issues: z.string(),
  responsibilities: z.string().nullable(),
  content: z.string(),
  performanceMethod: z.string(),
  performanceDeadline: z.string().nullable(),
  agreedAt: z.string(),
  /** Last day to apply to the court for judicial confirmation (司法确认): 30 days after the agreement. */
  judicialConfirmationDeadline: z.string(),
});

const FollowUp = z.object({
  id: z.number().int(),
  performed: z.boolean(),
  visitedAt: z.string(),
  method: z.string().nullable(),
  satisfaction: z.number().int().nullable(),
  note: z.string().nullable(),
  byName: z.string(),
});

export const DisputeDetail = QueueRow.extend({
  address: z.string().nullable(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  warningReason: z.string().nullable(),
  orgId: z.number().int().nullable(),
  outcome: z.string().nullable(),
  referral: z.string().nullable(),
  concludedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  parties: z.array(Party),
  timeline: z.array(TimelineEvent),
  mediationRecords: z.array(MediationRecord),
  attachments: z.array(Attachment),
  agreement: Agreement.nullable(),
  followUps: z.array(FollowUp),
  deadlines: z.object({
    /** Mediation deadline (YYYY-MM-DD) and how it was counted. */
    mediation: z.string().nullable(),
    basis: z.string().nullable(),
    daysLeft: z.number().int().nullable(),
    judicialConfirmation: z.string().nullable(),
    /** When the follow-up visit is due (agreed or failed cases not yet visited). */
    followUpDue: z.string().nullable(),
  }),
  /** Workflow actions the caller may take now (for the buttons). */
  actions: z.array(WorkflowActionSchema),
});
export type DisputeDetail = z.infer<typeof DisputeDetail>;

const note = optionalText(2000, '备注');
const byId = { id: DisputeId, note };

/** One workflow step; `action` picks the fields. */
export const TransitionInput = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('accept'), ...byId }).strict(),
    z.object({ action: z.literal('decline'), id: DisputeId, reason: TextRequired('不予受理的理由', 1000) }).strict(),
    z
      .object({
        action: z.literal('assign'),
        ...byId,
        orgId: z.number('请选择调解组织').int().positive(),
        mediatorId: z.number('请选择调解员').int().positive(),
      })
      .strict(),
    z
      .object({
        action: z.literal('reassign'),
        id: DisputeId,
        orgId: z.number('请选择调解组织').int().positive(),
        mediatorId: z.number('请选择调解员').int().positive(),
        reason: TextRequired('改派理由', 1000),
      })
      .strict(),
    z.object({ action: z.literal('startMediation'), ...byId }).strict(),
    z
      .object({
        action: z.literal('reachAgreement'),
        ...byId,
        /** 纠纷的主要事实 */
        facts: TextRequired('纠纷的主要事实', 4000),
        /** 争议事项 */
        issues: TextRequired('争议事项', 2000),
        /** 各方当事人的责任 */
        responsibilities: optionalText(2000, '各方责任'),
        /** 达成调解协议的内容 */
        content: TextRequired('协议内容', 4000),
        /** 履行方式 */
        performanceMethod: TextRequired('履行方式', 1000),
        /** 履行期限 */
        performanceDeadline: DateString.optional(),
      })
      .strict(),
    z
      .object({
        action: z.literal('fail'),
        ...byId,
        referral: ReferralSchema,
        referralBody: optionalText(200, '移交机构'),
        reason: TextRequired('调解不成的原因', 2000),
      })
      .strict(),
    z
      .object({
        action: z.literal('followUp'),
        ...byId,
        performed: z.boolean('请选择是否已回访'),
        visitedAt: DateString.optional(),
        method: z.enum(['visit', 'phone', 'other'], '回访方式无效').optional(),
        /** 1 不满意, 2 基本满意, 3 满意; required when performed. */
        satisfaction: z.number().int().min(1, '满意度为1-3').max(3, '满意度为1-3').optional(),
        /** Why no visit took place (required when not performed). */
        reason: optionalText(1000, '未回访原因'),
      })
      .strict()
      .refine((v) => !v.performed || v.satisfaction !== undefined, { message: '已回访须选择满意度', path: ['satisfaction'] })
      .refine((v) => v.performed || (v.reason ?? '').length > 0, { message: '未回访须说明原因', path: ['reason'] }),
    z.object({ action: z.literal('close'), ...byId }).strict(),
    z.object({ action: z.literal('escalate'), id: DisputeId, reason: TextRequired('上报理由', 2000) }).strict(),
    z.object({ action: z.literal('countyAnswer'), id: DisputeId, answer: TextRequired('县级答复意见', 4000) }).strict(),
    z.object({ action: z.literal('reopen'), id: DisputeId, reason: TextRequired('重新启动的理由', 2000) }).strict(),
  ],
  { error: '未知的流程操作' },
);
export type TransitionInput = z.infer<typeof TransitionInput>;

export const disputeCaseHandlers = {
  'disputes.intake': handler({
    summary:
      'Register a new case (登记). Refused with CONFLICT when the same parties (ID number, or name+phone) already have an open case in the grid, unless allowDuplicate.',
    input: IntakeInput,
    output: z.object({ id: z.number().int(), caseNo: z.string(), warning: WarningSchema, warningReasons: z.array(z.string()) }),
    access: INTAKE_ROLES,
    writes: true,
  }),
  'disputes.findDuplicates': handler({
    summary: 'Open cases in the grid (or village) with any of these parties — the duplicate warning, as the clerk types.',
    input: z
      .object({
        gridId: z.number().int().positive().optional(),
        villageCode: z.string().regex(/^\d{12}$/).optional(),
        parties: z
          .array(z.object({ name: z.string().trim().max(60).optional(), idNumber: z.string().trim().max(18).optional(), phone: z.string().trim().max(20).optional() }).strict())
          .max(50),
      })
      .strict(),
    output: z.object({ duplicates: z.array(DuplicateCase) }),
    access: INTAKE_ROLES,
    writes: false,
  }),
  'disputes.proposeWarning': handler({
    summary: 'The warning colour the rules propose (category, people involved, amount, repeat visits, keywords), with reasons.',
    input: z
      .object({
        category: CategorySchema,
        summary: z.string().max(4000).default(''),
        peopleInvolved: z.number().int().min(1).default(1),
        amountYuan: z.number().nonnegative().optional(),
        repeatVisits: z.number().int().min(0).default(0),
      })
      .strict(),
    output: WarningProposal,
    access: INTAKE_ROLES,
    writes: false,
  }),
  'disputes.query': handler({
    summary:
      'One block (startRow..endRow, at most 500 rows) of a filtered, sorted queue view with its total count. Fast at any depth (see electron/core/disputes/queue).',
    input: QueueView.extend({
      startRow: z.number().int().min(0, 'startRow 不能为负'),
      endRow: z.number().int().min(1),
    })
      .strict()
      .refine((v) => v.endRow > v.startRow && v.endRow - v.startRow <= 500, { message: '每次最多取500行，且 endRow 须大于 startRow', path: ['endRow'] }),
    output: z.object({
      rows: z.array(QueueRow),
      total: z.number().int(),
      /** Changes whenever a case changes: a client may keep blocks while it stays the same. */
      dataVersion: z.string(),
    }),
    access: STAFF_ROLES,
    writes: false,
  }),
  'disputes.detail': handler({
    summary: 'The case page: parties (masked by role), timeline, mediation records, attachments, agreement, follow-ups, deadlines, available actions.',
    input: z.object({ id: DisputeId }).strict(),
    output: DisputeDetail,
    access: STAFF_ROLES,
    writes: false,
  }),
  'disputes.unmask': handler({
    summary:
      "One case's parties in full for a role that sees them masked (查看完整信息): its own permission, a reason required, recorded in the audit log and the read log.",
    input: z.object({ id: DisputeId, reason: z.string().trim().min(4, '请填写查看原因（至少4个字）').max(200, '查看原因最多200字') }).strict(),
    output: z.object({ id: z.number().int(), caseNo: z.string(), parties: z.array(Party) }),
    access: UNMASK_ROLES,
    writes: true,
  }),
  'disputes.transition': handler({
    summary:
      'One workflow step (accept, decline, assign, reassign, startMediation, reachAgreement, fail, followUp, close, escalate, countyAnswer, reopen). FORBIDDEN for a wrong role, CONFLICT naming the current status for an illegal step.',
    input: TransitionInput,
    output: z.object({ id: z.number().int(), status: DisputeStatusSchema, deadline: z.string().nullable() }),
    // Who may take some step; the state machine (shared/domain/workflow.ts) decides which.
    access: CASE_WORKERS,
    writes: true,
  }),
  'disputes.recordMediation': handler({
    summary: 'Record one mediation session (调解记录) on a case being mediated.',
    input: z
      .object({
        id: DisputeId,
        sessionAt: z.string().datetime({ offset: true, message: '调解时间格式无效' }),
        place: optionalText(200, '调解地点'),
        participants: optionalText(500, '参加人员'),
        content: TextRequired('调解情况', 8000),
        result: optionalText(1000, '调解结果'),
      })
      .strict(),
    output: z.object({ recordId: z.number().int() }),
    access: MEDIATING_ROLES,
    writes: true,
  }),
  'disputes.setWarning': handler({
    summary: 'Set the warning colour by hand, with a reason (on the timeline, with the rules’ proposal when the colour differs from it). Refused on a closed case.',
    input: z.object({ id: DisputeId, level: WarningSchema, reason: TextRequired('预警理由', 500) }).strict(),
    output: z.object({ id: z.number().int(), warning: WarningSchema }),
    access: CASE_HANDLERS,
    writes: true,
  }),
  'disputes.addNote': handler({
    summary: 'A note on the case timeline.',
    input: z.object({ id: DisputeId, note: TextRequired('备注内容', 4000) }).strict(),
    output: z.object({ eventId: z.number().int() }),
    access: CASE_WORKERS,
    writes: true,
  }),
  'disputes.batchAssign': handler({
    summary: 'Assign many accepted (or registered: accepted on the way) cases to one committee and mediator; a result per id.',
    input: z
      .object({
        ids: z.array(DisputeId).min(1, '请至少选择一件案件').max(1000, '一次最多1000件'),
        orgId: z.number('请选择调解组织').int().positive(),
        mediatorId: z.number('请选择调解员').int().positive(),
      })
      .strict(),
    output: BatchResult,
    access: DISPATCH_ROLES,
    writes: true,
  }),
  'disputes.batchSetWarning': handler({
    summary: 'Set the warning colour of many cases, with one reason (each on its timeline, as disputes.setWarning); a result per id.',
    input: z
      .object({ ids: z.array(DisputeId).min(1, '请至少选择一件案件').max(1000, '一次最多1000件'), level: WarningSchema, reason: TextRequired('预警理由', 500) })
      .strict(),
    output: BatchResult,
    access: DISPATCH_ROLES,
    writes: true,
  }),
  'disputes.mediators': handler({
    summary:
      'Mediators (and their committees) that can take cases in a division, with their open-case load, least loaded first. `search` matches name or committee across all of them (not only the first page); `include` adds given people (a picker’s current value) whatever the page.',
    input: z
      .object({
        divisionCode: z.string().regex(/^\d{12}$/, '区划代码须为12位数字').optional(),
        search: z.string().trim().max(50, '搜索词最多50个字').optional(),
        include: z.array(z.number().int().positive()).max(50).optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
    output: z.object({
      /** How many mediators match (the list holds at most `limit` of them). */
      total: z.number().int(),
      mediators: z.array(
        z.object({
          personId: z.number().int(),
          name: z.string(),
          orgId: z.number().int().nullable(),
          orgName: z.string().nullable(),
          orgType: z.string().nullable(),
          divisionCode: z.string(),
          openCases: z.number().int(),
        }),
      ),
    }),
    access: DISPATCH_ROLES,
    writes: false,
  }),
  'disputes.gridsOfVillage': handler({
    summary: 'The grids of a village, for the intake form’s cascading selector.',
    input: z.object({ villageCode: z.string().regex(/^\d{12}$/, '村（社区）代码须为12位数字') }).strict(),
    output: z.object({ grids: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })) }),
    access: STAFF_ROLES,
    writes: false,
  }),
  'disputes.print': handler({
    summary:
      'A print-ready A4 HTML document: registration (受理登记表), agreement (调解协议书, 人民调解法 Art. 29) or followUp (回访记录). Local CJK font stack only.',
    input: z.object({ id: DisputeId, document: z.enum(['registration', 'agreement', 'followUp'], '文书类型无效') }).strict(),
    output: z.object({ title: z.string(), html: z.string() }),
    access: CASE_WORKERS,
    writes: false,
  }),
};

export { DateString, DisputeId };
