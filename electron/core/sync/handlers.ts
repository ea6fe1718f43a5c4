import { CoreError } from '../../../shared/contract/errors';
import { isWithin } from '../../../shared/domain/divisionCodes';
import type { DomainImpls } from '../context';
import { backfillOutbox } from '../db/migrations/0010_sync';
import { getMeta } from '../meta';
import { newCredentials } from './auth';
import { syncStatus } from './client';
import { SYNC_ROUND } from './round';

export const syncImpls: DomainImpls<'sync'> = {
  'sync.connect': async ({ hubUrl, nodeKey, secret }, ctx) => {
    if ((await getMeta(ctx.db, 'demo')) === '1') throw new CoreError('CONFLICT', '演示数据节点不能连接上级（演示数据不得进入真实台账）');
    const clock: { enabled: number } = await ctx.db('sync_clock').where({ id: 1 }).first('enabled');
    const existing: { hub_url: string; node_key: string } | undefined = await ctx.db('sync_client').where({ id: 1 }).first('hub_url', 'node_key');
    const now = ctx.now.toISOString();
    let recorded = 0;
    if (existing) {
      // New credentials or address for the same hub: the checkpoint stands (the hub keeps its own).
      await ctx.db('sync_client').where({ id: 1 }).update({ hub_url: hubUrl, node_key: nodeKey, secret, last_error: null });
    } else {
      await ctx.db('sync_client').insert({ id: 1, hub_url: hubUrl, node_key: nodeKey, secret, acked_seq: 0, connected_at: now });
    }
    if (clock.enabled !== 1) {
      // The same transaction switches the triggers on and records what exists: nothing falls in between.
      await ctx.db('sync_clock').where({ id: 1 }).update({ enabled: 1 });
      recorded = await backfillOutbox(ctx.db);
    }
    await ctx.audit({ action: 'sync.connect', entity: 'sync', entityId: nodeKey, detail: { hubUrl, recorded, reconnect: Boolean(existing) } });
    return { recorded };
  },

  'sync.now': async (_input, ctx) => {
    ctx.node.jobs.schedule.runNow(SYNC_ROUND.name);
    return syncStatus(ctx.db);
  },

  'sync.status': async (_input, ctx) => syncStatus(ctx.db),

  'sync.nodes.register': async ({ divisionCode, label }, ctx) => {
    const division: { code: string } | undefined = await ctx.db('divisions').where({ code: divisionCode }).first('code');
    if (!division) throw new CoreError('NOT_FOUND', `没有区划 ${divisionCode}`, { field: 'divisionCode' });
    const own = await getMeta(ctx.db, 'node_division_code');
    if (own && (divisionCode === own || !isWithin(divisionCode, own))) {
      throw new CoreError('FORBIDDEN', '只能登记本级辖区之下的节点', { field: 'divisionCode' });
    }
    const { nodeKey, secret } = newCredentials();
    await ctx.db('sync_nodes').insert({ node_key: nodeKey, division_code: divisionCode, label, secret, created_at: ctx.now.toISOString() });
    await ctx.audit({ action: 'sync.nodes.register', entity: 'sync_node', entityId: nodeKey, detail: { divisionCode, label } });
    return { nodeKey, secret };
  },

  'sync.nodes.rotate': async ({ nodeKey }, ctx) => {
    const { secret } = newCredentials();
    const n = await ctx.db('sync_nodes').where({ node_key: nodeKey, revoked: 0 }).update({ secret });
    if (n === 0) throw new CoreError('NOT_FOUND', '没有该节点登记（或已吊销）', { field: 'nodeKey' });
    await ctx.audit({ action: 'sync.nodes.rotate', entity: 'sync_node', entityId: nodeKey });
    return { nodeKey, secret };
  },

  'sync.nodes.revoke': async ({ nodeKey }, ctx) => {
    const n = await ctx.db('sync_nodes').where({ node_key: nodeKey }).update({ revoked: 1 });
    if (n === 0) throw new CoreError('NOT_FOUND', '没有该节点登记', { field: 'nodeKey' });
    await ctx.audit({ action: 'sync.nodes.revoke', entity: 'sync_node', entityId: nodeKey });
    return { nodeKey, revoked: true as const };
  },

  'sync.escalations.list': async (_input, ctx) => {
    const rows: Array<{ key: string; data: string; origin_node: string; label: string | null; division_code: string | null }> = await ctx.db('sync_replica as r')
      .leftJoin('sync_nodes as n', 'n.node_id', 'r.origin_node')
      .where({ 'r.entity': 'case', 'r.deleted': 0 })
      .andWhereRaw("json_extract(r.data, '$.status') = 'escalated'")
      .orderBy('r.key')
      .limit(500)
      .select('r.key', 'r.data', 'r.origin_node', 'n.label', 'r.division_code');
    const keys = rows.map((r) => r.key);
    const events: Array<{ case_no: string; data: string }> = keys.length ? await ctx.db('sync_replica').where({ entity: 'event', deleted: 0 }).whereIn('case_no', keys).select('case_no', 'data') : [];
    const answered = new Set(
      (keys.length ? ((await ctx.db('sync_downbox').whereIn('case_no', keys).select('case_no')) as Array<{ case_no: string }>) : []).map((r) => r.case_no),
    );
    const str = (v: unknown) => (typeof v === 'string' ? v : null);
    return {
      cases: rows.map((r) => {
        const d = JSON.parse(r.data) as Record<string, unknown>;
        const timeline = events
          .filter((e) => e.case_no === r.key)
          .map((e) => JSON.parse(e.data) as Record<string, unknown>)
          .sort((a, b) => String(a.at).localeCompare(String(b.at)))
          .map((e) => ({ at: str(e.at), kind: str(e.kind), actorName: str(e.actor_name), note: str(e.note) }));
        return { caseNo: r.key, nodeLabel: r.label ?? r.origin_node, townshipCode: r.division_code, category: str(d.category), summary: str(d.summary), registeredAt: str(d.registered_at), answered: answered.has(r.key), timeline };
      }),
    };
  },

  'sync.escalations.answer': async ({ caseNo, answer }, ctx) => {
    const row: { data: string; origin_node: string } | undefined = await ctx.db('sync_replica').where({ entity: 'case', key: caseNo, deleted: 0 }).first('data', 'origin_node');
    if (!row) throw new CoreError('NOT_FOUND', `下级尚未上报案件 ${caseNo}`, { field: 'caseNo' });
    if ((JSON.parse(row.data) as { status?: unknown }).status !== 'escalated') throw new CoreError('CONFLICT', `案件 ${caseNo} 不在上报待答复状态`);
    const node: { node_key: string } | undefined = await ctx.db('sync_nodes').where({ node_id: row.origin_node, revoked: 0 }).first('node_key');
    if (!node) throw new CoreError('CONFLICT', '上报该案件的节点已吊销，答复无法送达');
    const by = ctx.account.displayName || ctx.account.username;
    const [id] = await ctx.db('sync_downbox').insert({
      node_key: node.node_key,
      kind: 'countyAnswer',
      case_no: caseNo,
      payload: JSON.stringify({ answer, by, at: ctx.now.toISOString() }),
      created_at: ctx.now.toISOString(),
    });
    await ctx.audit({ action: 'sync.escalations.answer', entity: 'dispute', entityId: caseNo, detail: { nodeKey: node.node_key, messageId: Number(id) } });
    return { caseNo, messageId: Number(id) };
  },

  'sync.nodes.list': async (_input, ctx) => {
    const rows: Array<{ node_key: string; division_code: string; label: string; node_id: string | null; last_seq: number; created_at: string; last_contact_at: string | null; last_error: string | null; revoked: number }> =
      await ctx.db('sync_nodes').orderBy('division_code').orderBy('created_at');
    return {
      nodes: rows.map((r) => ({
        nodeKey: r.node_key,
        divisionCode: r.division_code,
        label: r.label,
        nodeId: r.node_id,
        lastSeq: Number(r.last_seq),
        createdAt: r.created_at,
        lastContactAt: r.last_contact_at,
        lastError: r.last_error,
        revoked: r.revoked === 1,
      })),
    };
  },

  'sync.conflicts.list': async ({ includeResolved }, ctx) => {
    const q = ctx.db('sync_conflicts').orderBy('id', 'desc').limit(500);
    if (!includeResolved) q.whereNull('resolved_at');
    const rows: Array<{ id: number; entity: string; key: string; field_set: string; kept: string; other: string; created_at: string }> = await q;
    return {
      conflicts: rows.map((r) => ({
        id: r.id,
        entity: r.entity,
        key: r.key,
        fieldSet: r.field_set,
        kept: JSON.parse(r.kept) as { hlc: string; node: string; values: Record<string, unknown> },
        other: JSON.parse(r.other) as { hlc: string; node: string; values: Record<string, unknown> },
        createdAt: r.created_at,
      })),
    };
  },
};
