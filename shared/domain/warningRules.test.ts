import { describe, expect, it } from 'vitest';
import { proposeWarning, warningOverride, warningReasonText } from './warningRules';

const base = { category: '邻里' as const, summary: '邻里因排水发生口角', peopleInvolved: 2, repeatVisits: 0 };

describe('three-colour warning rules', () => {
  it('proposes nothing for an ordinary case', () => {
    expect(proposeWarning(base)).toEqual({ level: 'none', reasons: [], factors: [] });
  });
  it('goes red on threats of violence or self-harm, with the words as the reason', () => {
    const p = proposeWarning({ ...base, summary: '申请人扬言要持刀报复对方' });
    expect(p.level).toBe('red');
    expect(p.reasons[0]).toContain('扬言');
    expect(p.reasons[0]).toContain('持刀');
    expect(proposeWarning({ ...base, summary: '当事人称要自杀' }).level).toBe('red');
  });
  it('yellow for petitions and groups, blue for marriage/family', () => {
    expect(proposeWarning({ ...base, summary: '村民准备集体上访' }).level).toBe('yellow');
    expect(proposeWarning({ ...base, summary: '群体性讨薪' }).level).toBe('yellow');
    expect(proposeWarning({ ...base, category: '婚姻家庭' })).toMatchObject({ level: 'blue', reasons: ['婚姻家庭纠纷易激化'] });
  });
  it('weighs people involved, amount and repeat visits, keeping the highest colour and every reason', () => {
    expect(proposeWarning({ ...base, peopleInvolved: 35 }).level).toBe('red');
    expect(proposeWarning({ ...base, peopleInvolved: 12 }).level).toBe('yellow');
    expect(proposeWarning({ ...base, amountYuan: 150_000 }).level).toBe('yellow');
    expect(proposeWarning({ ...base, amountYuan: 2_000_000 }).level).toBe('red');
    const p = proposeWarning({ ...base, repeatVisits: 3, amountYuan: 30_000 });
    expect(p.level).toBe('yellow');
    expect(p.reasons).toHaveLength(2);
  });
  it('gives each reason as a fact too, in the same order, the words built from it', () => {
    const p = proposeWarning({ ...base, category: '征地拆迁', summary: '村民扬言集体上访', peopleInvolved: 35, amountYuan: 150_000, repeatVisits: 2 });
    expect(p.reasons).toEqual(['案情含“扬言”', '案情含“上访”', '涉及35人（30人以上）', '涉及金额150000元（10万元以上）', '重复来访2次', '征地拆迁纠纷涉及面广']);
    expect(p.factors.map((f) => f.kind)).toEqual(['keywords', 'keywords', 'people', 'amount', 'repeatVisits', 'watchedCategory']);
    expect(p.factors[3]).toEqual({ kind: 'amount', level: 'yellow', yuan: 150_000, threshold: 100_000 });
    expect(p.factors.map(warningReasonText)).toEqual(p.reasons);
  });
  it('calls any colour other than the proposal an override, and says which way', () => {
    expect(warningOverride('red', 'none')).toBe('lowered');
    expect(warningOverride('yellow', 'blue')).toBe('lowered');
    expect(warningOverride('none', 'blue')).toBe('raised');
    expect(warningOverride('red', 'red')).toBeNull();
    expect(warningOverride('none', 'none')).toBeNull();
  });
});
