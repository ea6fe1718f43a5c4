import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { disputeWorld, intakeInput, type DisputeWorld } from '../../../tests/support/disputeWorld';

describe('case workflow, intake to closed', () => {
  let w: DisputeWorld;
  beforeEach(async () => {
    w = await disputeWorld();
  });
  afterEach(async () => w.cleanup());

  it('walks a case from intake to closed as the right roles, each step on the timeline and in the audit log', async () => {
    const { id, caseNo } = await w.call('gridworker', 'disputes.intake', intakeInput(w));
    expect(caseNo).toMatch(/^2021-999901001-\d{5}$/);
    const auditBefore = Number((await w.core.db('audit_log').count({ n: '*' }))[0]!.n);

    await w.call('dispatcher', 'disputes.transition', { action: 'accept', id });
    await w.call('dispatcher', 'disputes.transition', { action: 'assign', id, orgId: w.orgId, mediatorId: w.mediatorId });
    await w.call('mediator', 'disputes.transition', { action: 'startMediation', id });
    await w.call('mediator', 'disputes.recordMediation', { id, sessionAt: '2021-10-29T10:00:00+08:00', place: '镇调委会', participants: '刘伟、张强', content: '双方陈述意见，同意以原界址为准', result: '达成初步意向' });
    await w.call('mediator', 'disputes.transition', {
      action: 'reachAgreement',
      id,
      facts: '双方因宅基地界址发生争执',
      issues: '界址位置',
      content: '以1998年确权界址为准，张强拆除越界围墙',
      performanceMethod: '张强自行拆除',
      performanceDeadline: '2021-11-15',
    });
    const agreed = await w.call('mediator', 'disputes.detail', { id });
    expect(agreed.deadlines.followUpDue).toBe('2021-11-30'); // 15 days after the agreed performance date
    await w.call('gridworker', 'disputes.transition', { action: 'followUp', id, performed: true, satisfaction: 3, method: 'visit' });
    await w.call('mediator', 'disputes.transition', { action: 'close', id });

    const d = await w.call('director', 'disputes.detail', { id });
    expect(d.status).toBe('closed');
    expect(d.deadline).toBe('2021-11-28'); // accepted 2021-10-29 + 30 calendar days
    expect(d.agreement?.judicialConfirmationDeadline).toBe('2021-11-28');
    const steps = d.timeline.filter((e) => e.toStatus !== null).map((e) => `${e.fromStatus ?? ''}→${e.toStatus}`);
    expect(steps).toEqual(['→registered', 'registered→accepted', 'accepted→assigned', 'assigned→mediating', 'mediating→agreed', 'agreed→followed_up', 'followed_up→closed']);
    expect(d.timeline.some((e) => e.kind === 'mediation_record')).toBe(true);
    expect(d.actions).toEqual(['reopen']);
    const audit: Array<{ action: string; entity_id: string }> = await w.core.db('audit_log').where('seq', '>', auditBefore).andWhere('entity', 'dispute').select('action', 'entity_id');
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['disputes.accept', 'disputes.assign', 'disputes.startMediation', 'disputes.mediation_record', 'disputes.reachAgreement', 'disputes.followUp', 'disputes.close']),
    );
  });

  it('refuses the wrong roles with FORBIDDEN and illegal steps with CONFLICT naming the current status, changing nothing', async () => {
    const { id } = await w.call('dispatcher', 'disputes.intake', intakeInput(w));
    expect(await w.attempt('mediator', 'disputes.transition', { action: 'accept', id })).toMatchObject({ ok: false, code: expect.stringMatching(/FORBIDDEN|NOT_FOUND/) });
    expect(await w.attempt('leader', 'disputes.transition', { action: 'accept', id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.attempt('wall', 'disputes.transition', { action: 'accept', id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.attempt('gridworker', 'disputes.transition', { action: 'accept', id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const conflict = await w.attempt('dispatcher', 'disputes.transition', { action: 'close', id });
    expect(conflict).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(conflict.message).toContain('已登记');

    await w.call('dispatcher', 'disputes.transition', { action: 'accept', id });
    await w.call('dispatcher', 'disputes.transition', { action: 'assign', id, orgId: w.orgId, mediatorId: w.otherMediatorId });
    // Assigned to someone else: the mediator cannot even see it.
    expect(await w.attempt('mediator', 'disputes.transition', { action: 'startMediation', id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.attempt('mediator', 'disputes.detail', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await w.call('dispatcher', 'disputes.transition', { action: 'reassign', id, orgId: w.orgId, mediatorId: w.mediatorId, reason: '原调解员休假' });
    await w.call('mediator', 'disputes.transition', { action: 'startMediation', id });
    const events = Number((await w.core.db('dispute_events').where({ dispute_id: id }).count({ n: '*' }))[0]!.n);
    const bad = await w.attempt('mediator', 'disputes.transition', { action: 'reachAgreement', id, facts: '', issues: 'x', content: 'y', performanceMethod: 'z' });
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'facts' });
    expect(Number((await w.core.db('dispute_events').where({ dispute_id: id }).count({ n: '*' }))[0]!.n)).toBe(events);
  });

  it('declines with a reason, reopens with a reason, escalates to the county and takes its answer', async () => {
    const { id } = await w.call('dispatcher', 'disputes.intake', intakeInput(w));
    expect(await w.attempt('dispatcher', 'disputes.transition', { action: 'decline', id })).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'reason' });
    await w.call('dispatcher', 'disputes.transition', { action: 'decline', id, reason: '不属于人民调解受理范围' });
    expect(await w.attempt('dispatcher', 'disputes.transition', { action: 'reopen', id, reason: 'x' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await w.call('director', 'disputes.transition', { action: 'reopen', id, reason: '当事人补充材料' });
    await w.call('dispatcher', 'disputes.transition', { action: 'accept', id });
    await w.call('director', 'disputes.transition', { action: 'escalate', id, reason: '涉及多个乡镇' });
    expect((await w.call('director', 'disputes.detail', { id })).status).toBe('escalated');
    // The test director sits at city level, which answers for the county.
    await w.call('director', 'disputes.transition', { action: 'countyAnswer', id, answer: '由镇调委会继续调解，县司法局派员指导' });
    const d = await w.call('director', 'disputes.detail', { id });
    expect(d.status).toBe('accepted');
    expect(d.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['decline', 'reopen', 'escalate', 'countyAnswer']));
  });

  it('fails mediation with a referral, and the follow-up records a visit that did not happen', async () => {
    const { id } = await w.call('dispatcher', 'disputes.intake', intakeInput(w));
    await w.call('dispatcher', 'disputes.batchAssign', { ids: [id], orgId: w.orgId, mediatorId: w.mediatorId });
    await w.call('mediator', 'disputes.transition', { action: 'startMediation', id });
    await w.call('mediator', 'disputes.transition', { action: 'fail', id, referral: 'litigation', reason: '被申请人拒绝调解' });
    expect(await w.attempt('mediator', 'disputes.transition', { action: 'followUp', id, performed: false })).toMatchObject({ ok: false, field: 'reason' });
    await w.call('mediator', 'disputes.transition', { action: 'followUp', id, performed: false, reason: '当事人外出务工，电话无法接通' });
    await w.call('dispatcher', 'disputes.transition', { action: 'close', id });
    const d = await w.call('dispatcher', 'disputes.detail', { id });
    expect(d.status).toBe('closed');
    expect(d.followUps).toHaveLength(1);
  });
});

describe('warning colours the rules propose, and overrides of them', () => {
  let w: DisputeWorld;
  beforeEach(async () => {
    w = await disputeWorld();
  });
  afterEach(async () => w.cleanup());

  // The rules mark this red: a threat of violence in the summary.
  const threatened = { summary: '被申请人扬言要持刀报复申请人一家' };
  const warningEvents = async (id: number) =>
    (await w.call('director', 'disputes.detail', { id })).timeline.filter((e) => e.kind === 'warning');

  it('refuses a red-proposed case registered as none without a reason, with a field message, writing nothing', async () => {
    const count = async () => Number((await w.core.db('disputes').count({ n: '*' }))[0]!.n);
    const before = await count();
    const r = await w.attempt('dispatcher', 'disputes.intake', intakeInput(w, { ...threatened, warning: 'none' }));
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'warningReason' });
    expect(r.message).toContain('红色');
    expect(await count()).toBe(before);
    // A blank reason is no reason.
    expect(await w.attempt('dispatcher', 'disputes.intake', intakeInput(w, { ...threatened, warning: 'none', warningReason: '   ' }))).toMatchObject({ ok: false, field: 'warningReason' });
  });

  it('stores the override with its reason and puts it on the timeline with the rules’ proposal', async () => {
    const reason = '双方已当场和解，派出所民警在场确认无危险';
    const out = await w.call('dispatcher', 'disputes.intake', intakeInput(w, { ...threatened, warning: 'none', warningReason: reason }));
    expect(out).toMatchObject({ warning: 'none', warningReasons: [reason] });
    const d = await w.call('director', 'disputes.detail', { id: out.id });
    expect(d).toMatchObject({ warning: 'none', warningReason: reason });
    expect(await warningEvents(out.id)).toEqual([expect.objectContaining({ note: reason, data: expect.objectContaining({ to: 'none', by: 'hand', proposed: 'red', override: 'lowered' }) })]);
  });

  it('takes the rules’ colour without a reason, and keeps asking for one on every hand change', async () => {
    const { id, warning } = await w.call('dispatcher', 'disputes.intake', intakeInput(w, threatened));
    expect(warning).toBe('red');
    expect(await warningEvents(id)).toEqual([expect.objectContaining({ data: expect.objectContaining({ to: 'red', by: 'rules' }) })]);
    expect(await w.attempt('dispatcher', 'disputes.setWarning', { id, level: 'none', reason: '' })).toMatchObject({ ok: false, field: 'reason' });
    await w.call('dispatcher', 'disputes.setWarning', { id, level: 'none', reason: '经核实系气话，双方已和好' });
    const events = await warningEvents(id);
    expect(events.at(-1)).toMatchObject({ note: '经核实系气话，双方已和好', data: { from: 'red', to: 'none', by: 'hand', proposed: 'red', override: 'lowered' } });
    const batch = await w.call('dispatcher', 'disputes.batchSetWarning', { ids: [id], level: 'red', reason: '当事人再次扬言' });
    expect(batch.succeeded).toBe(1);
    // Back at the rules' colour: a hand change, but no longer an override.
    expect((await warningEvents(id)).at(-1)?.data).toEqual({ from: 'none', to: 'red', by: 'hand' });
  });

  it('refuses a colour change on a closed case (the button is hidden by the same rule)', async () => {
    const { id } = await w.call('dispatcher', 'disputes.intake', intakeInput(w));
    await w.call('dispatcher', 'disputes.transition', { action: 'decline', id, reason: '不属于受理范围' });
    await w.core.db('disputes').where({ id }).update({ status: 'closed' });
    expect(await w.attempt('dispatcher', 'disputes.setWarning', { id, level: 'red', reason: '补记' })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('lets only a county (or city) center record the county’s answer, and offers the button only there', async () => {
    const { id } = await w.call('dispatcher', 'disputes.intake', intakeInput(w));
    await w.call('dispatcher', 'disputes.transition', { action: 'accept', id });
    await w.call('director', 'disputes.transition', { action: 'escalate', id, reason: '涉及两个乡镇' });
    expect((await w.call('director', 'disputes.detail', { id })).actions).toContain('countyAnswer');
    // The same director, now at the township's center that escalated the case.
    await w.core.db('accounts').where({ username: 'director' }).update({ division_code: '999901001000' });
    expect((await w.call('director', 'disputes.detail', { id })).actions).not.toContain('countyAnswer');
    const r = await w.attempt('director', 'disputes.transition', { action: 'countyAnswer', id, answer: '同意' });
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(r.message).toContain('县级');
  });
});
