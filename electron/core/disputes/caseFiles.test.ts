import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QueueView } from '../../../shared/contract';
import { disputeWorld, ID_A, intakeInput, type DisputeWorld } from '../../../tests/support/disputeWorld';

describe('case page files: printed documents, attachments, saved views, calendar', () => {
  let w: DisputeWorld;
  let id: number;
  beforeEach(async () => {
    w = await disputeWorld();
    id = (await w.call('dispatcher', 'disputes.intake', intakeInput(w))).id;
  });
  afterEach(async () => w.cleanup());

  it('prints the registration form, the agreement with the Art. 29 content, and the follow-up record as A4 HTML with local CJK fonts', async () => {
    const reg = await w.call('dispatcher', 'disputes.print', { id, document: 'registration' });
    expect(reg.html).toMatch(/^<!DOCTYPE html>/);
    expect(reg.html).toContain('size: A4');
    expect(reg.html).toContain('"Noto Serif CJK SC", "Source Han Serif SC", SimSun, "Songti SC", serif');
    expect(reg.html).not.toMatch(/@font-face|https?:\/\//);
    expect(reg.html).toContain('人民调解受理登记表');
    expect(reg.html).toContain(ID_A);
    expect(await w.attempt('dispatcher', 'disputes.print', { id, document: 'agreement' })).toMatchObject({ ok: false, code: 'CONFLICT' });

    await w.call('dispatcher', 'disputes.batchAssign', { ids: [id], orgId: w.orgId, mediatorId: w.mediatorId });
    await w.call('mediator', 'disputes.transition', { action: 'startMediation', id });
    await w.call('mediator', 'disputes.transition', { action: 'reachAgreement', id, facts: '双方因宅基地界址发生争执', issues: '东侧围墙位置', responsibilities: '张强越界建墙负主要责任', content: '张强于十日内拆除越界围墙<script>', performanceMethod: '张强自行拆除，刘伟配合测量。', performanceDeadline: '2021-11-08' });
    const a = await w.call('mediator', 'disputes.print', { id, document: 'agreement' });
    for (const text of ['人民调解协议书', '申请人', '被申请人', '纠纷的主要事实、争议事项', '各方当事人的责任', '自愿达成如下协议', '履行方式、期限', '2021年11月8日', '司法确认', '2021年11月28日', '印章', '按指印', '刘伟', ID_A]) {
      expect(a.html, text).toContain(text);
    }
    expect(a.html).not.toContain('<script>');
    // The clerk's own closing stop does not double the template's (。。).
    expect(a.html).toContain('刘伟配合测量，于2021年11月8日前履行完毕。');
    expect(a.html).not.toContain('。。');
    await w.call('mediator', 'disputes.transition', { action: 'followUp', id, performed: true, satisfaction: 3, method: 'phone', note: '已履行完毕' });
    const f = await w.call('mediator', 'disputes.print', { id, document: 'followUp' });
    expect(f.html).toContain('电话回访');
    expect(f.html).toContain('满意');
    expect(await w.attempt('leader', 'disputes.print', { id, document: 'agreement' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('stores attachments by SHA-256 under the data folder, size-limited, and detects a tampered file', async () => {
    const content = Buffer.from('现场照片（测试）');
    const r = await w.call('dispatcher', 'disputes.addAttachment', { id, fileName: '现场照片.jpg', mime: 'image/jpeg', contentBase64: content.toString('base64') });
    expect(r.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    const file = path.join(w.dir, 'attachments', r.sha256.slice(0, 2), r.sha256);
    expect(existsSync(file)).toBe(true);
    const back = await w.call('dispatcher', 'disputes.getAttachment', { attachmentId: r.attachmentId });
    expect(Buffer.from(back.contentBase64, 'base64').equals(content)).toBe(true);
    const detail = await w.call('director', 'disputes.detail', { id });
    expect(detail.attachments.map((x) => x.fileName)).toEqual(['现场照片.jpg']);
    expect(detail.timeline.map((e) => e.kind)).toContain('attachment');

    expect(await w.attempt('dispatcher', 'disputes.addAttachment', { id, fileName: '../evil', contentBase64: 'AAAA' })).toMatchObject({ ok: false, field: 'fileName' });
    expect(await w.attempt('dispatcher', 'disputes.addAttachment', { id, fileName: 'a.bin', contentBase64: '!!!!' })).toMatchObject({ ok: false, field: 'contentBase64' });
    const big = Buffer.alloc(10 * 1024 * 1024 + 1).toString('base64');
    expect(await w.attempt('dispatcher', 'disputes.addAttachment', { id, fileName: 'big.bin', contentBase64: big })).toMatchObject({ ok: false, field: 'contentBase64' });
    expect(await w.attempt('mediator', 'disputes.getAttachment', { attachmentId: r.attachmentId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    writeFileSync(file, 'tampered');
    expect(await w.attempt('dispatcher', 'disputes.getAttachment', { attachmentId: r.attachmentId })).toMatchObject({ ok: false, code: 'INTERNAL' });
  });

  it('keeps saved views per account', async () => {
    const view: QueueView = { filter: { statuses: ['registered'], warnings: ['red'] }, sort: { field: 'warning', dir: 'desc' } };
    const saved = await w.call('director', 'disputes.views.save', { name: '红色预警', view });
    await w.call('director', 'disputes.views.save', { name: '红色预警', view: { ...view, sort: { field: 'deadline', dir: 'asc' } } });
    const mine = await w.call('director', 'disputes.views.list', {});
    expect(mine.views).toHaveLength(1);
    expect(mine.views[0]).toMatchObject({ id: saved.id, name: '红色预警', view: { sort: { field: 'deadline' } } });
    expect((await w.call('dispatcher', 'disputes.views.list', {})).views).toEqual([]);
    expect(await w.attempt('dispatcher', 'disputes.views.delete', { viewId: saved.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await w.call('director', 'disputes.views.delete', { viewId: saved.id });
    expect((await w.call('director', 'disputes.views.list', {})).views).toEqual([]);
    expect(await w.attempt('director', 'disputes.views.save', { name: '', view })).toMatchObject({ ok: false, field: 'name' });
  });

  it('lets only the admin override the calendar and the deadline rules, which acceptance then uses', async () => {
    expect(await w.attempt('director', 'calendar.overrides.set', { date: '2021-11-01', isWorkday: false })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.attempt('admin', 'calendar.overrides.set', { date: '2021-02-30', isWorkday: false })).toMatchObject({ ok: false, field: 'date' });
    await w.call('admin', 'disputes.deadlineRules.set', { category: '宅基地/房屋', warning: null, days: 3, workingDays: true });
    await w.call('admin', 'calendar.overrides.set', { date: '2021-11-01', isWorkday: false, note: '地方假日（测试）' });
    expect((await w.call('leader', 'calendar.overrides.list', { year: 2021 })).overrides).toEqual([{ date: '2021-11-01', isWorkday: false, note: '地方假日（测试）' }]);
    // Accepted Friday 2021-10-29: 3 working days skipping the weekend and the overridden Monday.
    const r = await w.call('dispatcher', 'disputes.transition', { action: 'accept', id });
    expect(r.deadline).toBe('2021-11-04');
    const rules = await w.call('dispatcher', 'disputes.deadlineRules.list', {});
    expect(rules.rules).toEqual([expect.objectContaining({ category: '宅基地/房屋', days: 3, workingDays: true })]);
  });
});
