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

/** One thing the rules saw, with the colour it calls for: the reasons, apart from their Chinese words. */
export type WarningFactor =
  | { kind: 'keywords'; level: WarningLevel; words: string[] }
  | { kind: 'people'; level: WarningLevel; count: number; threshold: number }
  | { kind: 'amount'; level: WarningLevel; yuan: number; threshold: number }
  | { kind: 'repeatVisits'; level: WarningLevel; count: number }
  | { kind: 'watchedCategory'; level: WarningLevel; category: DisputeCategory };

export interface WarningProposal {
  level: WarningLevel;
  /** The reasons in the core's words (stored with the case, printed, exported). */
  reasons: string[];
  /** The same reasons as facts, one per reason, for a label in another language. */
  factors: WarningFactor[];
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

/** A factor in the core's words: 案情含“扬言、持刀”, 涉及35人（30人以上）, 涉及金额150000元（10万元以上）. */
export function warningReasonText(f: WarningFactor): string {
  switch (f.kind) {
    case 'keywords':
      return `案情含“${f.words.join('、')}”`;
    case 'people':
      return `涉及${f.count}人（${f.threshold}人以上）`;
    case 'amount':
      return `涉及金额${f.yuan}元（${f.threshold / 10_000}万元以上）`;
    case 'repeatVisits':
      return `重复来访${f.count}次`;
    case 'watchedCategory':
      return WATCHED_CATEGORIES[f.category] ?? f.category;
  }
}

/** The highest threshold reached, with the colour it calls for. */
function tier(value: number, tiers: ReadonlyArray<readonly [threshold: number, level: WarningLevel]>): readonly [number, WarningLevel] | undefined {
  return tiers.find(([threshold]) => value >= threshold);
}

export function proposeWarning(f: WarningFacts): WarningProposal {
  const factors: WarningFactor[] = [];
  for (const group of WARNING_KEYWORDS) {
    const hits = group.words.filter((w) => f.summary.includes(w));
    if (hits.length > 0) factors.push({ kind: 'keywords', level: group.level, words: hits });
  }
  const people = tier(f.peopleInvolved, [[30, 'red'], [10, 'yellow'], [5, 'blue']]);
  if (people) factors.push({ kind: 'people', level: people[1], count: f.peopleInvolved, threshold: people[0] });
  const amount = f.amountYuan ?? 0;
  const money = tier(amount, [[1_000_000, 'red'], [100_000, 'yellow'], [20_000, 'blue']]);
  if (money) factors.push({ kind: 'amount', level: money[1], yuan: amount, threshold: money[0] });
  const visits = tier(f.repeatVisits, [[3, 'yellow'], [1, 'blue']]);
  if (visits) factors.push({ kind: 'repeatVisits', level: visits[1], count: f.repeatVisits });
  if (WATCHED_CATEGORIES[f.category]) factors.push({ kind: 'watchedCategory', level: 'blue', category: f.category });

  const level = factors.reduce<WarningLevel>((l, x) => higherWarning(l, x.level), 'none');
  return { level, reasons: factors.map(warningReasonText), factors };
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
