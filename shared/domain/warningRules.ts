import type { DisputeCategory, WarningLevel } from './disputeStatus';

/**
 * Three-colour warning (三色预警): the rules propose a colour with the reasons; staff may set another by
 * hand, with a reason. Red: risk of violence or mass incidents; yellow: likely to escalate; blue: watch.
 */

export interface WarningFacts {
  category: DisputeCategory;
  summary: string;
  peopleInvolved: number;
  amountYuan?: number | undefined;
  repeatVisits: number;
}

export interface WarningProposal {
  level: WarningLevel;
  reasons: string[];
}

const RANK: Record<WarningLevel, number> = { none: 0, blue: 1, yellow: 2, red: 3 };

export function warningRank(level: WarningLevel): number {
  return RANK[level];
}

export function higherWarning(a: WarningLevel, b: WarningLevel): WarningLevel {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Words in a summary that signal danger, with the colour they call for. */
export const WARNING_KEYWORDS: ReadonlyArray<{ words: readonly string[]; level: WarningLevel }> = [
  { words: ['自杀', '轻生', '扬言', '持刀', '报复', '行凶', '服毒', '跳楼', '极端', '杀人'], level: 'red' },
  { words: ['上访', '群体', '集访', '聚集', '闹事', '堵路', '围堵', '缠访'], level: 'yellow' },
  { words: ['打架', '冲突', '威胁', '辱骂', '家暴'], level: 'blue' },
];

/** Categories that are watched from the start (Yiyang's warning work began with marriage/family disputes). */
const WATCHED_CATEGORIES: Partial<Record<DisputeCategory, string>> = {
  婚姻家庭: '婚姻家庭纠纷易激化',
  征地拆迁: '征地拆迁纠纷涉及面广',
};

export function proposeWarning(f: WarningFacts): WarningProposal {
  let level: WarningLevel = 'none';
  const reasons: string[] = [];
  const raise = (to: WarningLevel, reason: string) => {
    level = higherWarning(level, to);
    reasons.push(reason);
  };

  for (const group of WARNING_KEYWORDS) {
    const hits = group.words.filter((w) => f.summary.includes(w));
    if (hits.length > 0) raise(group.level, `案情含“${hits.join('、')}”`);
  }
  if (f.peopleInvolved >= 30) raise('red', `涉及${f.peopleInvolved}人（30人以上）`);
  else if (f.peopleInvolved >= 10) raise('yellow', `涉及${f.peopleInvolved}人（10人以上）`);
  else if (f.peopleInvolved >= 5) raise('blue', `涉及${f.peopleInvolved}人（5人以上）`);

  const amount = f.amountYuan ?? 0;
  if (amount >= 1_000_000) raise('red', `涉及金额${amount}元（100万元以上）`);
  else if (amount >= 100_000) raise('yellow', `涉及金额${amount}元（10万元以上）`);
  else if (amount >= 20_000) raise('blue', `涉及金额${amount}元（2万元以上）`);

  if (f.repeatVisits >= 3) raise('yellow', `重复来访${f.repeatVisits}次`);
  else if (f.repeatVisits >= 1) raise('blue', `重复来访${f.repeatVisits}次`);

  const watched = WATCHED_CATEGORIES[f.category];
  if (watched) raise('blue', watched);

  return { level, reasons };
}

/**
 * Is the chosen colour an override of the rules' proposal, and which way? Any colour other than the
 * proposal is one: the core then requires a reason and puts it on the timeline with the proposal, and the
 * intake form shows the reason field from this same rule. Lowering is what matters most (a case the rules
 * mark red quietly set to none); raising by hand explains itself too.
 */
export function warningOverride(proposed: WarningLevel, chosen: WarningLevel): 'lowered' | 'raised' | null {
  if (RANK[chosen] < RANK[proposed]) return 'lowered';
  if (RANK[chosen] > RANK[proposed]) return 'raised';
  return null;
}
