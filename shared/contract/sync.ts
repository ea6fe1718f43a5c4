import { z } from 'zod';
import { handler } from './define';
import { ADMIN_ONLY, LEAD_ROLES, STAFF_ROLES } from './roles';

/**
 * Upward sync, township → county hub (docs/architecture.md "How sync works"). Two halves of one core:
 * a node connects to its hub (`sync.connect`) and pushes its outbox in rounds (`sync.now`, `sync.status`);
 * a hub registers the nodes below it (`sync.nodes.register`, `sync.nodes.list`) and keeps what its merge
 * rule cannot settle for a person (`sync.conflicts.list`). The wire format of `POST /sync/push` is here
 * too, so both sides validate with the same schemas.
 */

// ─── the wire ──────────────────────────────────────────────────────────────────────────────────────────

export const SYNC_PUSH_PATH = '/sync/push';
/** Headers of a push: the registration's key, the sender's Unix ms, HMAC-SHA256(secret, `${time}.` + body) in hex. */
export const SYNC_HEADERS = { node: 'x-sync-node', time: 'x-sync-time', signature: 'x-sync-signature' } as const;

export const SYNC_ENTITIES = ['case', 'event', 'mediation'] as const;
export const SyncEntity = z.enum(SYNC_ENTITIES);
export type SyncEntity = z.infer<typeof SyncEntity>;

/** A hybrid logical clock reading: wall ms (15 digits) - counter (6 digits) - node UUID; compares as a string. */
export const Hlc = z.string().regex(/^\d{15}-\d{6}-[0-9a-f-]{36}$/, 'HLC 格式无效');

const Scalar = z.union([z.string().max(100_000), z.number(), z.null()]);

export const SyncOp = z
  .object({
    /** Outbox sequence at the node: (nodeId, seq) is the operation's unique id. */
    seq: z.number().int().positive(),
    hlc: Hlc,
    entity: SyncEntity,
    op: z.enum(['upsert', 'delete']),
    localId: z.number().int(),
    /** The case the record belongs to (a case: its own number). */
    caseNo: z.string().min(1).max(64),
    /** The columns the change touched (all of them for an insert). */
    fields: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/).max(64)).max(200),
    row: z.record(z.string(), Scalar),
  })
  .strict();
export type SyncOp = z.infer<typeof SyncOp>;

export const SyncBatch = z
  .object({
    protocol: z.literal(1),
    nodeId: z.string().uuid(),
    /** The node holds demo data: a hub refuses it whatever the registration says. */
    demo: z.boolean(),
    /** The node's checkpoint: every op up to here the hub has already committed. */
    afterSeq: z.number().int().min(0),
    /** The last message from the hub this node applied (the hub resends what comes after). */
    downAcked: z.number().int().min(0),
    ops: z.array(SyncOp).max(5000),
  })
  .strict()
  .superRefine((b, ctx) => {
    let prev = b.afterSeq;
    for (const [i, op] of b.ops.entries()) {
      if (op.seq <= prev) ctx.addIssue({ code: 'custom', path: ['ops', i, 'seq'], message: '序号须严格递增且大于检查点' });
      if (!op.hlc.endsWith(b.nodeId)) ctx.addIssue({ code: 'custom', path: ['ops', i, 'hlc'], message: 'HLC 不属于该节点' });
      prev = op.seq;
    }
  });
export type SyncBatch = z.infer<typeof SyncBatch>;

export const SYNC_REFUSALS = ['BAD_SIGNATURE', 'UNKNOWN_NODE', 'CLOCK_SKEW', 'MALFORMED', 'OUT_OF_SCOPE', 'DEMO_NODE', 'NODE_MISMATCH', 'CHECKPOINT_AHEAD', 'NOT_READY'] as const;

/** A message from the hub to a node: today the county's answer to an escalated case. */
export const SyncDown = z
  .object({
    id: z.number().int().positive(),
    kind: z.literal('countyAnswer'),
    caseNo: z.string().min(1).max(64),
    answer: z.string().min(1).max(4000),
    by: z.string().max(100),
    at: z.string(),
  })
  .strict();
export type SyncDown = z.infer<typeof SyncDown>;

/** The hub's answer to a push. */
export const SyncPushAnswer = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** The highest seq of this node the hub has committed: the node may save it as its checkpoint. */
    ackedSeq: z.number().int().min(0),
    applied: z.number().int().min(0),
    skipped: z.number().int().min(0),
    /** Messages for this node it has not yet said it applied, oldest first. */
    down: z.array(SyncDown),
  }),
  z.object({
    ok: z.literal(false),
    code: z.enum(SYNC_REFUSALS),
    message: z.string(),
    /** On CHECKPOINT_AHEAD (a hub restored from an older backup): where the hub stands for this node. */
    hubSeq: z.number().int().min(0).optional(),
  }),
]);
export type SyncPushAnswer = z.infer<typeof SyncPushAnswer>;

// ─── the handlers ──────────────────────────────────────────────────────────────────────────────────────

export const SyncStatus = z.object({
  connected: z.boolean(),
  hubUrl: z.string().nullable(),
  nodeId: z.string(),
  lastSuccessAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** Changes recorded but not yet acknowledged by the hub. */
  pending: z.number().int(),
  ackedSeq: z.number().int(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SyncNode = z.object({
  nodeKey: z.string(),
  divisionCode: z.string(),
  label: z.string(),
  nodeId: z.string().nullable(),
  lastSeq: z.number().int(),
  createdAt: z.string(),
  lastContactAt: z.string().nullable(),
  lastError: z.string().nullable(),
  revoked: z.boolean(),
});

export const SyncConflict = z.object({
  id: z.number().int(),
  entity: z.string(),
  key: z.string(),
  fieldSet: z.string(),
  kept: z.object({ hlc: z.string(), node: z.string(), values: z.record(z.string(), z.unknown()) }),
  other: z.object({ hlc: z.string(), node: z.string(), values: z.record(z.string(), z.unknown()) }),
  createdAt: z.string(),
});

export const EscalatedCase = z.object({
  caseNo: z.string(),
  nodeLabel: z.string(),
  townshipCode: z.string().nullable(),
  category: z.string().nullable(),
  summary: z.string().nullable(),
  registeredAt: z.string().nullable(),
  /** Answered here already, waiting for the node to receive it. */
  answered: z.boolean(),
  timeline: z.array(z.object({ at: z.string().nullable(), kind: z.string().nullable(), actorName: z.string().nullable(), note: z.string().nullable() })),
});

const DivisionCode = z.string().regex(/^\d{12}$/, '区划代码应为 12 位数字');

export const syncHandlers = {
  'sync.connect': handler({
    summary:
      'Connect this node to its hub with the key and secret the hub issued. Switches the outbox on and records every current case, timeline event and mediation record in it, in one transaction. A demo node is refused.',
    input: z
      .object({
        hubUrl: z.string().url().max(300).refine((u) => /^https?:\/\//.test(u), '须为 http(s) 地址'),
        nodeKey: z.string().min(8).max(64),
        secret: z.string().min(32).max(128),
      })
      .strict(),
    output: z.object({ recorded: z.number().int() }),
    access: ADMIN_ONLY,
    writes: true,
  }),
  'sync.now': handler({
    summary: 'Ask for a sync round as soon as possible (it runs in the background); answers the status as it is now.',
    input: z.object({}).strict(),
    output: SyncStatus,
    access: STAFF_ROLES,
    writes: false,
  }),
  'sync.status': handler({
    summary: 'Where sync stands for the status bar: last success, pending changes, last error.',
    input: z.object({}).strict(),
    output: SyncStatus,
    access: STAFF_ROLES,
    writes: false,
  }),
  'sync.nodes.register': handler({
    summary:
      "Hub: register a node below this one (its division, inside the hub's own). Answers the key and the secret once; the node's admin enters them in sync.connect.",
    input: z.object({ divisionCode: DivisionCode, label: z.string().min(1).max(80) }).strict(),
    output: z.object({ nodeKey: z.string(), secret: z.string() }),
    access: ADMIN_ONLY,
    writes: true,
  }),
  'sync.nodes.rotate': handler({
    summary: "Hub: issue a new secret for a registered node (the old one stops working at once); the node's admin enters it in sync.connect. Shown once.",
    input: z.object({ nodeKey: z.string().min(8).max(64) }).strict(),
    output: z.object({ nodeKey: z.string(), secret: z.string() }),
    access: ADMIN_ONLY,
    writes: true,
  }),
  'sync.nodes.revoke': handler({
    summary: 'Hub: revoke a registration; every later push with its key is refused (UNKNOWN_NODE). What it sent before stays.',
    input: z.object({ nodeKey: z.string().min(8).max(64) }).strict(),
    output: z.object({ nodeKey: z.string(), revoked: z.literal(true) }),
    access: ADMIN_ONLY,
    writes: true,
  }),
  'sync.escalations.list': handler({
    summary: "Hub: the cases the nodes below escalated and that wait for this center's answer, each with its timeline as received.",
    input: z.object({}).strict(),
    output: z.object({ cases: z.array(EscalatedCase) }),
    access: LEAD_ROLES,
    writes: false,
  }),
  'sync.escalations.answer': handler({
    summary: "Hub: answer an escalated case. The answer travels down with the node's next sync round and arrives there as the county's answer on the case's timeline.",
    input: z.object({ caseNo: z.string().min(1).max(64), answer: z.string().trim().min(1, '请填写答复意见').max(4000) }).strict(),
    output: z.object({ caseNo: z.string(), messageId: z.number().int() }),
    access: LEAD_ROLES,
    writes: true,
  }),
  'sync.nodes.list': handler({
    summary: 'Hub: the nodes registered below, with their last contact, the highest change committed and the last error.',
    input: z.object({}).strict(),
    output: z.object({ nodes: z.array(SyncNode) }),
    access: ADMIN_ONLY,
    writes: false,
  }),
  'sync.conflicts.list': handler({
    summary: 'Hub: changes the merge rule could not settle (two nodes wrote the workflow of one case), kept for a person.',
    input: z.object({ includeResolved: z.boolean().default(false) }).strict(),
    output: z.object({ conflicts: z.array(SyncConflict) }),
    access: LEAD_ROLES,
    writes: false,
  }),
};
