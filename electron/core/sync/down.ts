import type { Knex } from 'knex';
import type { SyncDown } from '../../../shared/contract/sync';
import { isDisputeStatus } from '../../../shared/domain/workflow';
import { auditedWrite, SYSTEM_ACTOR } from '../audit/auditedWrite';

/**
 * Apply the hub's messages at the node, each exactly once: in one audited transaction with the node's
 * `down_seq`, so a message resent (an answer lost, a restart) is skipped. The county's answer to an
 * escalated case does what the workflow's countyAnswer step does — the case returns to where it was
 * before it went up, with the answer on its timeline; a case no longer escalated still gets the answer
 * on its timeline (never dropped). The changes go up again through the outbox like any other.
 */
export async function applyDown(db: Knex, messages: readonly SyncDown[], now: Date): Promise<number> {
  return auditedWrite(db, now, SYSTEM_ACTOR, 'sync.down', async (trx, audit) => {
    const cfg: { down_seq: number } = await trx('sync_client').where({ id: 1 }).first('down_seq');
    let last = cfg.down_seq;
    let applied = 0;
    for (const m of messages) {
      if (m.id <= last) continue;
      last = m.id;
      const row: { id: number; status: string; escalated_from: string | null } | undefined = await trx('disputes').where({ case_no: m.caseNo }).first('id', 'status', 'escalated_from');
      if (!row) {
        await audit({ action: 'sync.down.unknownCase', entity: 'dispute', entityId: null, detail: { messageId: m.id, caseNo: m.caseNo } });
        continue;
      }
      const escalated = row.status === 'escalated';
      const to = escalated ? (row.escalated_from && isDisputeStatus(row.escalated_from) ? row.escalated_from : 'accepted') : row.status;
      await trx('disputes')
        .where({ id: row.id })
        .update({ ...(escalated ? { status: to, escalated_from: null } : {}), updated_at: now.toISOString() });
      await trx('dispute_events').insert({
        dispute_id: row.id,
        at: now.toISOString(),
        actor_id: null,
        actor_name: `${m.by}（上级）`,
        kind: 'countyAnswer',
        from_status: row.status,
        to_status: to,
        note: m.answer,
        data: JSON.stringify({ via: 'sync', messageId: m.id, answeredAt: m.at }),
      });
      await audit({ action: 'disputes.countyAnswer', entity: 'dispute', entityId: row.id, detail: { caseNo: m.caseNo, from: row.status, to, via: 'sync', messageId: m.id } });
      applied += 1;
    }
    if (last === cfg.down_seq) await audit({ action: 'sync.down', entity: 'sync', entityId: null, detail: { skipped: messages.length } });
    await trx('sync_client').where({ id: 1 }).update({ down_seq: last });
    return applied;
  });
}
