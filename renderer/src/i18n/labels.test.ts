import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { DISPUTE_CATEGORIES, DISPUTE_SOURCES, DISPUTE_STATUSES, WARNING_LEVELS } from '../../../shared/domain/disputeStatus';
import { deadlineBasis } from '../../../shared/domain/deadlines';
import { ID_NUMBER_PROBLEM_ZH } from '../../../shared/domain/idNumber';
import { proposeWarning } from '../../../shared/domain/warningRules';
import { PARTY_PHONE_MESSAGE, PHONE_MESSAGE } from '../../../shared/domain/phoneNumbers';
import { SERVICE_POINT_CATEGORY_CODES, servicePointLabel } from '../../../shared/domain/servicePoints';
import { ACTION_LABELS, REFERRAL_LABELS, REFERRALS, SOURCE_LABELS, STATUS_LABELS, WARNING_LABELS, WORKFLOW_ACTIONS } from '../../../shared/domain/workflow';
import { CATEGORY_KEYS, categoryText, deadlineBasisText, warningFactorText, outcomeText, partiesText, referralText, servicePointCategoryText, sourceText, statusText, warningName } from '../lib/labels';
import { en } from './en';
import { zhCN } from './zh-CN';

/** Every key path of a messages object ("queue.col.caseNo"). */
function keyPaths(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keyPaths(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function stringsOf(o: object): Array<[string, string]> {
  return Object.entries(o).flatMap(([k, v]): Array<[string, string]> => (typeof v === 'object' && v !== null ? stringsOf(v).map(([p, s]) => [`${k}.${p}`, s]) : [[k, String(v)]]));
}

async function tFor(lng: 'zh-CN' | 'en'): Promise<TFunction> {
  const i = createInstance();
  await i.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng, interpolation: { escapeValue: false }, showSupportNotice: false });
  return i.t;
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

describe('the label files', () => {
  it('English has exactly the keys of Chinese', () => {
    expect(keyPaths(en).sort()).toEqual(keyPaths(zhCN).sort());
  });

  it('English has no Chinese, except the languages’ own names in the language switch', () => {
    const chinese = stringsOf(en).filter(([path, s]) => CJK.test(s) && path !== 'language.zh-CN');
    expect(chinese).toEqual([]);
  });

  it('Chinese uses the core’s own words for its codes', () => {
    expect(zhCN.queue.status).toEqual(STATUS_LABELS);
    expect(zhCN.queue.source).toEqual(SOURCE_LABELS);
    expect(zhCN.queue.warning).toEqual(WARNING_LABELS);
    expect(zhCN.case.action).toEqual(ACTION_LABELS);
    expect(zhCN.case.referralKind).toEqual(REFERRAL_LABELS);
    // The ledgers' category names are the data's own codes.
    for (const c of DISPUTE_CATEGORIES) expect(zhCN.queue.category[CATEGORY_KEYS[c]]).toBe(c);
    expect(Object.keys(zhCN.queue.category).sort()).toEqual(Object.values(CATEGORY_KEYS).sort());
    for (const code of SERVICE_POINT_CATEGORY_CODES) expect(zhCN.directory.category[code]).toBe(servicePointLabel(code));
    expect(Object.keys(zhCN.directory.category).sort()).toEqual([...SERVICE_POINT_CATEGORY_CODES].sort());
    // The printed 调解结果 says 调解成功 / 调解不成, the statuses' words.
    expect(zhCN.case.outcomeKind).toEqual({ agreement: '调解成功', failed: '调解不成' });
    expect(zhCN.intake.phoneInvalid).toBe(PARTY_PHONE_MESSAGE);
    expect(zhCN.intake.idProblem).toEqual(ID_NUMBER_PROBLEM_ZH);
    expect(zhCN.directory.form.phoneRule).toBe(PHONE_MESSAGE);
  });
});

describe('labels through t()', () => {
  it('says every code in both languages, never the code itself', async () => {
    for (const lng of ['zh-CN', 'en'] as const) {
      const t = await tFor(lng);
      const said = [
        ...DISPUTE_STATUSES.map((s) => [s, statusText(t, s)]),
        ...DISPUTE_SOURCES.map((s) => [s, sourceText(t, s)]),
        ...WARNING_LEVELS.map((w) => [w, warningName(t, w)]),
        ...REFERRALS.map((r) => [r, referralText(t, r)]),
        ...['agreement', 'failed'].map((o) => [o, outcomeText(t, o)]),
        ...SERVICE_POINT_CATEGORY_CODES.map((c) => [c, servicePointCategoryText(t, c)]),
        ...WORKFLOW_ACTIONS.map((a) => [a, t(`case.action.${a}`)]),
      ];
      for (const [code, text] of said) {
        expect(text, `${lng} ${code}`).not.toBe(code);
        expect(CJK.test(text ?? ''), `${lng} ${code}: ${text}`).toBe(lng === 'zh-CN');
      }
      for (const c of DISPUTE_CATEGORIES) expect(CJK.test(categoryText(t, c)), `${lng} ${c}`).toBe(lng === 'zh-CN');
    }
  });

  it('writes the parties as the core does in Chinese (“刘* 与 张*等”), and in English words in English', async () => {
    const names = { applicant: '刘*', respondent: '张*', moreApplicants: false, moreRespondents: true };
    expect(partiesText(await tFor('zh-CN'), names)).toBe('刘* 与 张*等');
    expect(partiesText(await tFor('zh-CN'), { ...names, respondent: '', moreRespondents: false })).toBe('刘*');
    expect(partiesText(await tFor('en'), names)).toBe('刘* v. 张* et al.');
    expect((await tFor('en'))('map.legend.warning', { level: (await tFor('en'))('queue.warning.blue') })).toBe('Blue warning');
  });

  it('says what the warning rules saw: the core’s reasons word for word in Chinese, English words in English', async () => {
    const p = proposeWarning({ category: '婚姻家庭', summary: '扬言持刀，准备上访', peopleInvolved: 12, amountYuan: 2_000_000, repeatVisits: 3 });
    expect(p.factors).toHaveLength(p.reasons.length);
    const zh = await tFor('zh-CN');
    expect(p.factors.map((f) => warningFactorText(zh, f))).toEqual(p.reasons);
    const en = await tFor('en');
    for (const f of p.factors) expect(CJK.test(warningFactorText(en, f).replace(/“.*”/, '')), JSON.stringify(f)).toBe(false);
    expect(warningFactorText(en, p.factors.at(-1)!)).toBe('Marriage & family disputes are watched from the start');
    expect(p.factors.map((f) => warningFactorText(en, f))).toContain('2,000,000 yuan at stake (1,000,000 or more)');
  });

  it('says how a deadline was counted: the core’s words in Chinese, English words in English', async () => {
    for (const rule of [{ days: 30, workingDays: false }, { days: 15, workingDays: true }]) {
      expect(deadlineBasisText(await tFor('zh-CN'), deadlineBasis(rule))).toBe(deadlineBasis(rule));
    }
    expect(deadlineBasisText(await tFor('en'), deadlineBasis({ days: 15, workingDays: true }))).toBe('15 working days from acceptance');
    expect(deadlineBasisText(await tFor('en'), '另行约定')).toBe('另行约定');
  });
});
