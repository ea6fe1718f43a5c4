import { CoreError } from '../../../shared/contract/errors';
import type { DisputeDetail } from '../../../shared/contract/disputes';
import { SOURCE_LABELS, STATUS_LABELS, WARNING_LABELS, REFERRAL_LABELS, REFERRALS, isDisputeStatus, type Referral } from '../../../shared/domain/workflow';

const isReferral = (r: string): r is Referral => REFERRALS.some((x) => x === r);
import { genderOfIdNumber } from '../../../shared/domain/idNumber';

/**
 * Print-ready A4 documents as complete HTML: the 受理登记表, the 调解协议书 with what Art. 29 of the
 * People's Mediation Law (人民调解法) says it records, and the 回访记录. Fonts come from the machine (a
 * local CJK serif stack, never web fonts: stations are offline).
 */

const FONT_STACK = `"Noto Serif CJK SC", "Source Han Serif SC", SimSun, "Songti SC", serif`;

const esc = (s: string | number | null | undefined): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
const para = (s: string | null | undefined) => esc(s).replace(/\n/g, '<br>');
/** The sentence we append to ends with 。 itself: a clerk's own closing stop would double it (。。). */
const withoutFinalStop = (text: string) => text.replace(/[。．.；;，,\s]+$/u, '');

/** 2021-10-29 or an ISO time → 2021年10月29日 (China date). */
export function chineseDate(value: string | null | undefined): string {
  if (!value) return '&nbsp;&nbsp;&nbsp;&nbsp;年&nbsp;&nbsp;&nbsp;月&nbsp;&nbsp;&nbsp;日';
  const day = value.length > 10 ? new Date(new Date(value).getTime() + 8 * 3600_000).toISOString().slice(0, 10) : value;
  const [y, m, d] = day.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
@page { size: A4; margin: 22mm 20mm 20mm 20mm; }
* { box-sizing: border-box; }
body { font-family: ${FONT_STACK}; font-size: 12pt; line-height: 1.8; color: #000; margin: 0; }
h1 { font-size: 20pt; text-align: center; letter-spacing: 0.3em; margin: 0 0 4mm; font-weight: bold; }
.no { text-align: right; margin-bottom: 4mm; }
table { width: 100%; border-collapse: collapse; page-break-inside: auto; }
th, td { border: 1px solid #000; padding: 2mm 3mm; vertical-align: top; text-align: left; }
th { width: 25mm; font-weight: normal; text-align: center; vertical-align: middle; }
tr { page-break-inside: avoid; }
.section { margin: 3mm 0; text-indent: 2em; }
.label { font-weight: bold; }
.sign { margin-top: 10mm; display: grid; grid-template-columns: 1fr 1fr; gap: 8mm 12mm; }
.sign div { min-height: 14mm; }
.note { font-size: 10.5pt; margin-top: 6mm; }
@media screen { body { width: 210mm; margin: 10mm auto; padding: 22mm 20mm; background: #fff; box-shadow: 0 0 4mm #aaa; } }
</style></head><body>
${body}
</body></html>`;
}

function partyLine(p: DisputeDetail['parties'][number]): string {
  const gender = p.idNumber && /^\d{17}[\dX]$/.test(p.idNumber) ? (genderOfIdNumber(p.idNumber) === 'M' ? '男' : '女') : '';
  return [`姓名（名称）：${esc(p.name)}`, gender && `性别：${gender}`, p.idNumber && `身份证号码：${esc(p.idNumber)}`, p.phone && `联系电话：${esc(p.phone)}`, p.address && `住址：${esc(p.address)}`]
    .filter(Boolean)
    .join('\u3000');
}

function partiesBlock(d: DisputeDetail): string {
  const side = (s: 'applicant' | 'respondent', label: string) =>
    d.parties
      .filter((p) => p.side === s)
      .map((p) => `<p><span class="label">${label}：</span>${partyLine(p)}</p>`)
      .join('');
  return side('applicant', '申请人') + side('respondent', '被申请人');
}

function registration(d: DisputeDetail): string {
  const rows: Array<[string, string]> = [
    ['案件编号', esc(d.caseNo)],
    ['来源', esc(SOURCE_LABELS[d.source])],
    ['登记时间', chineseDate(d.registeredAt)],
    ['纠纷类别', esc(d.category)],
    ['当事人', partiesBlock(d)],
    ['发生地点', esc([d.townshipName, d.villageName, d.gridName].filter(Boolean).join(' ')) + (d.address ? `<br>${esc(d.address)}` : '')],
    ['涉及人数', esc(d.peopleInvolved)],
    ['涉及金额', d.amountYuan === null ? '—' : `${esc(d.amountYuan.toLocaleString('zh-CN'))}元`],
    ['纠纷简要情况', para(d.summary)],
    ['预警等级', `${esc(WARNING_LABELS[d.warning])}${d.warningReason ? `（${esc(d.warningReason)}）` : ''}`],
    ['当前状态', esc(isDisputeStatus(d.status) ? STATUS_LABELS[d.status] : d.status)],
    ['受理时间', d.acceptedAt ? chineseDate(d.acceptedAt) : '—'],
    ['办理期限', d.deadlines.mediation ? `${chineseDate(d.deadlines.mediation)}（${esc(d.deadlines.basis)}）` : '—'],
    ['承办调解组织', esc(d.orgName ?? '')],
    ['调解员', esc(d.mediatorName ?? '')],
  ];
  return page(`受理登记表 ${d.caseNo}`, `<h1>人民调解受理登记表</h1><div class="no">编号：${esc(d.caseNo)}</div>
<table>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}
<tr><th>受理意见</th><td style="height:28mm"><div style="margin-top:16mm;text-align:right">登记人：__________\u3000\u3000${chineseDate(null)}</div></td></tr></table>`);
}

function agreement(d: DisputeDetail): string {
  const a = d.agreement;
  if (!a) throw new CoreError('CONFLICT', '本案尚未达成调解协议，无法打印调解协议书');
  const copies = d.parties.length + 1;
  return page(`人民调解协议书 ${d.caseNo}`, `<h1>人民调解协议书</h1><div class="no">编号：${esc(d.caseNo)}</div>
<div>${partiesBlock(d)}</div>
<p class="label">纠纷的主要事实、争议事项：</p>
<div class="section">${para(a.facts)}</div>
<div class="section">争议事项：${para(a.issues)}</div>
${a.responsibilities ? `<p class="label">各方当事人的责任：</p><div class="section">${para(a.responsibilities)}</div>` : ''}
<p class="label">经${esc(d.orgName ?? '人民调解委员会')}主持调解，当事人自愿达成如下协议：</p>
<div class="section">${para(a.content)}</div>
<p class="label">履行方式、期限：</p>
<div class="section">${para(withoutFinalStop(a.performanceMethod))}${a.performanceDeadline ? `，于${chineseDate(a.performanceDeadline)}前履行完毕` : ''}。</div>
<div class="section">本协议一式${copies}份，当事人各执一份，人民调解委员会留存一份。本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。</div>
<div class="section">经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。双方当事人认为有必要的，可以自调解协议生效之日起三十日内（即${chineseDate(a.judicialConfirmationDeadline)}前）共同向人民法院申请司法确认。</div>
<div class="sign">
${d.parties.map((p) => `<div>${p.side === 'applicant' ? '申请人' : '被申请人'}（签名、盖章或按指印）：<br>${esc(p.name)}\u3000\u3000__________</div>`).join('\n')}
<div>人民调解员（签名）：<br>${esc(d.mediatorName ?? '')}\u3000\u3000__________</div>
<div>${esc(d.orgName ?? '人民调解委员会')}（印章）<br><br>${chineseDate(a.agreedAt)}</div>
</div>`);
}

function followUp(d: DisputeDetail): string {
  const f = d.followUps[d.followUps.length - 1];
  if (!f) throw new CoreError('CONFLICT', '本案尚无回访记录');
  const satisfaction = f.satisfaction === null ? '—' : ['', '不满意', '基本满意', '满意'][f.satisfaction] ?? '—';
  const outcome = d.outcome === 'agreement' ? '调解成功' : d.referral ? `调解不成（${esc(isReferral(d.referral) ? REFERRAL_LABELS[d.referral] : d.referral)}）` : '—';
  const rows: Array<[string, string]> = [
    ['案件编号', esc(d.caseNo)],
    ['纠纷类别', esc(d.category)],
    ['当事人', d.parties.map((p) => esc(p.name)).join('、')],
    ['调解结果', outcome],
    ['协议履行', d.agreement ? `${para(d.agreement.performanceMethod)}${d.agreement.performanceDeadline ? `（期限${chineseDate(d.agreement.performanceDeadline)}）` : ''}` : '—'],
    ['回访时间', chineseDate(f.visitedAt)],
    ['回访方式', esc({ visit: '上门回访', phone: '电话回访', other: '其他' }[f.method ?? ''] ?? '—')],
    ['是否回访', f.performed ? '已回访' : '未能回访'],
    ['当事人满意度', satisfaction],
    [f.performed ? '回访情况' : '未回访原因', para(f.note)],
    ['回访人', esc(f.byName)],
  ];
  return page(`回访记录 ${d.caseNo}`, `<h1>人民调解回访记录</h1><div class="no">编号：${esc(d.caseNo)}</div>
<table>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>`);
}

export function printDocument(d: DisputeDetail, document: 'registration' | 'agreement' | 'followUp'): { title: string; html: string } {
  switch (document) {
    case 'registration':
      return { title: `受理登记表 ${d.caseNo}`, html: registration(d) };
    case 'agreement':
      return { title: `人民调解协议书 ${d.caseNo}`, html: agreement(d) };
    case 'followUp':
      return { title: `回访记录 ${d.caseNo}`, html: followUp(d) };
  }
}
