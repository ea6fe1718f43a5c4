import type { TFunction } from 'i18next';
import type { QueueRow } from '../../../shared/contract';
import type { Role } from '../../../shared/contract/roles';
import type { DivisionLevel } from '../../../shared/domain/divisionCodes';
import { DIVISION_LEVELS } from '../../../shared/domain/divisionCodes';
import { DISPUTE_CATEGORIES, type DisputeCategory, type DisputeSource, type DisputeStatus, type WarningLevel } from '../../../shared/domain/disputeStatus';
import { isServicePointCategory } from '../../../shared/domain/servicePoints';
import { basisRule } from '../../../shared/domain/deadlines';
import { warningReasonText, type WarningFactor } from '../../../shared/domain/warningRules';
import { REFERRALS, type Referral } from '../../../shared/domain/workflow';

/*
 * The words for the core's codes, through t(): every status, source, colour, category, outcome, referral
 * and role the UI shows comes from here, in the UI's language. A code this version does not know (from a
 * newer node) is shown as it came.
 */

export function roleLabel(t: TFunction, role: Role): string {
  return t(`role.${role}`);
}

function isDivisionLevel(level: string): level is DivisionLevel {
  return (DIVISION_LEVELS as readonly string[]).includes(level);
}

/** 市 / 县(区) / 乡镇(街道) / 村(社区); an unknown level is shown as it came. */
export function levelLabel(t: TFunction, level: string): string {
  return isDivisionLevel(level) ? t(`level.${level}`) : level;
}

export const statusText = (t: TFunction, s: DisputeStatus): string => t(`queue.status.${s}`);
export const sourceText = (t: TFunction, s: DisputeSource): string => t(`queue.source.${s}`);
export const warningText = (t: TFunction, w: WarningLevel): string => t(`queue.warning.${w}`);

/** "红色预警" / "Red warning"; "无预警" / "No warning" for none. */
export function warningName(t: TFunction, w: WarningLevel): string {
  return w === 'none' ? t('map.legend.noWarning') : t('map.legend.warning', { level: warningText(t, w) });
}

/** Categories are the ledgers' own Chinese names (the data's codes); each has a key for its label. */
export const CATEGORY_KEYS = {
  婚姻家庭: 'marriage',
  邻里: 'neighbour',
  土地山林: 'land',
  '宅基地/房屋': 'homestead',
  '劳动/欠薪': 'labour',
  医疗: 'medical',
  交通事故: 'traffic',
  物业: 'property',
  消费: 'consumer',
  征地拆迁: 'expropriation',
  环境: 'environment',
  其他: 'other',
} as const satisfies Record<DisputeCategory, string>;

export function isDisputeCategory(c: string): c is DisputeCategory {
  return (DISPUTE_CATEGORIES as readonly string[]).includes(c);
}

export const categoryText = (t: TFunction, c: DisputeCategory): string => t(`queue.category.${CATEGORY_KEYS[c]}`);

/** A category as stored (a string from the core): its label when known. */
export function anyCategoryText(t: TFunction, c: string): string {
  return isDisputeCategory(c) ? categoryText(t, c) : c;
}

const isReferral = (r: string): r is Referral => (REFERRALS as readonly string[]).includes(r);

/** Where a failed case was referred (the core's code). */
export function referralText(t: TFunction, referral: string): string {
  return isReferral(referral) ? t(`case.referralKind.${referral}`) : referral;
}

/** What a concluded case came to (the core's outcome code: agreement | failed). */
export function outcomeText(t: TFunction, outcome: string): string {
  return outcome === 'agreement' || outcome === 'failed' ? t(`case.outcomeKind.${outcome}`) : outcome;
}

/** How a case's deadline was counted (stored as the core's words: 受理之日起30日). */
export function deadlineBasisText(t: TFunction, basis: string): string {
  const rule = basisRule(basis);
  if (!rule) return basis;
  return rule.workingDays ? t('case.basisWorkingDays', { count: rule.days }) : t('case.basisDays', { count: rule.days });
}

/** One thing the warning rules saw ("案情含“扬言”" / "the summary says “扬言”"). */
export function warningFactorText(t: TFunction, f: WarningFactor): string {
  switch (f.kind) {
    case 'keywords':
      return t('intake.warning.factor.keywords', { words: f.words.join(t('intake.warning.wordJoin')) });
    case 'people':
      return t('intake.warning.factor.people', { count: f.count, threshold: String(f.threshold) });
    case 'amount':
      return t('intake.warning.factor.amount', { yuan: String(f.yuan), threshold: String(f.threshold), wan: String(f.threshold / 10_000) });
    case 'repeatVisits':
      return t('intake.warning.factor.repeatVisits', { count: f.count });
    case 'watchedCategory':
      // Chinese says the rule's own sentence; other languages name the category.
      return t('intake.warning.factor.watchedCategory', { category: categoryText(t, f.category), reason: warningReasonText(f) });
  }
}

/** A service point's category by its code (the core's categoryName is Chinese only). */
export function servicePointCategoryText(t: TFunction, code: string, fallback = code): string {
  return isServicePointCategory(code) ? t(`directory.category.${code}`) : fallback;
}

/** "刘伟 与 张强" / "Liu Wei v. Zhang Qiang": the queue's parties, in the UI's words. */
export function partiesText(t: TFunction, p: QueueRow['partyNames']): string {
  const side = (name: string, more: boolean) => (more ? t('queue.parties.more', { name }) : name);
  const a = side(p.applicant, p.moreApplicants);
  const r = side(p.respondent, p.moreRespondents);
  return r ? t('queue.parties.join', { applicant: a, respondent: r }) : a;
}
