import { z } from 'zod';
import { handler } from './define';
import { CASE_WORKERS, STAFF_ROLES } from './roles';
import { DivisionCode } from '../domain/divisionCodes';

/**
 * Sweeps (矛盾纠纷排查): a grid worker or a mediation committee goes through its grids or village looking
 * for disputes, and records what it found and the cases it opened. The statistics count them (the source's
 * "全市共开展矛盾纠纷排查3268次" for Jan–Sep 2021).
 */
const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式须为 YYYY-MM-DD');

export const Sweep = z.object({
  id: z.number().int(),
  sweptOn: z.string(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  gridIds: z.array(z.number().int()),
  /** Who went (names of staff, as recorded; not parties' personal data). */
  participants: z.string(),
  findings: z.string(),
  disputesFound: z.number().int(),
  caseIds: z.array(z.number().int()),
  recordedBy: z.string(),
  createdAt: z.string(),
});
export type Sweep = z.infer<typeof Sweep>;

export const SweepInput = z
  .object({
    sweptOn: DateString,
    /** The village swept; every grid given must lie in it. */
    villageCode: DivisionCode,
    gridIds: z.array(z.number().int().positive()).max(50).default([]),
    participants: z.string().trim().min(1, '请填写排查人员').max(200, '排查人员不能超过200字'),
    findings: z.string().trim().min(1, '请填写排查情况').max(2000, '排查情况不能超过2000字'),
    /** How many disputes the sweep found (some may be settled on the spot without a case). */
    disputesFound: z.number().int().min(0).max(1000).default(0),
    /** Cases registered from this sweep (must be cases the caller can see). */
    caseIds: z.array(z.number().int().positive()).max(100).default([]),
  })
  .strict()
  .refine((v) => v.disputesFound >= v.caseIds.length, { message: '发现纠纷数不能少于登记的案件数', path: ['disputesFound'] });

export const sweepHandlers = {
  'sweeps.record': handler({
    summary: 'Record a sweep (排查): date, village and grids, who went, what was found, the cases it opened. Audited.',
    input: SweepInput,
    output: Sweep,
    // Grid workers and the committees' mediators sweep; the desk records for them.
    access: CASE_WORKERS,
    writes: true,
  }),
  'sweeps.list': handler({
    summary: 'Sweeps in the caller’s jurisdiction (newest first), optionally for one division and a date range.',
    input: z
      .object({
        divisionCode: DivisionCode.optional(),
        from: DateString.optional(),
        to: DateString.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ total: z.number().int(), rows: z.array(Sweep) }),
    access: STAFF_ROLES,
    writes: false,
  }),
};
