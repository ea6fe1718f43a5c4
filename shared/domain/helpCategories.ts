import type { DisputeCategory } from './disputeStatus';
import type { ServicePointCategory } from './servicePoints';

/** A mediation committee (mediation_orgs) counts as a kind of help next to the service-point categories. */
export const MEDIATION_COMMITTEE = 'mediation_committee' as const;
export type HelpCategory = ServicePointCategory | typeof MEDIATION_COMMITTEE;

/**
 * "Who can help here": for each dispute category, the kinds of place that can take it up, most fitting
 * first. Every category gets mediation and legal service; family and neighbour quarrels also counselling;
 * conflicts that can turn violent also the police room and the governance center.
 */
export const HELP_FOR_DISPUTE: Record<DisputeCategory, readonly HelpCategory[]> = {
  婚姻家庭: [MEDIATION_COMMITTEE, 'counseling_room', 'grid_counseling', 'legal_station', 'legal_point', 'legal_center'],
  邻里: [MEDIATION_COMMITTEE, 'legal_point', 'grid_counseling', 'police_room', 'governance_center'],
  土地山林: [MEDIATION_COMMITTEE, 'legal_station', 'legal_center', 'governance_center'],
  '宅基地/房屋': [MEDIATION_COMMITTEE, 'legal_station', 'legal_point', 'governance_center'],
  '劳动/欠薪': [MEDIATION_COMMITTEE, 'legal_center', 'legal_station', 'legal_volunteer', 'governance_center'],
  医疗: [MEDIATION_COMMITTEE, 'legal_center', 'legal_station', 'counseling_room'],
  交通事故: [MEDIATION_COMMITTEE, 'police_room', 'legal_center', 'legal_station'],
  物业: [MEDIATION_COMMITTEE, 'legal_point', 'legal_station', 'governance_center'],
  消费: [MEDIATION_COMMITTEE, 'legal_station', 'legal_point', 'legal_volunteer'],
  征地拆迁: [MEDIATION_COMMITTEE, 'governance_center', 'legal_center', 'legal_station'],
  环境: [MEDIATION_COMMITTEE, 'governance_center', 'legal_station', 'patrol_team'],
  其他: [MEDIATION_COMMITTEE, 'governance_center', 'legal_station', 'legal_point', 'counseling_room'],
};

export function helpCategoriesFor(category: string | null): readonly HelpCategory[] | null {
  if (category === null) return null;
  return (HELP_FOR_DISPUTE as Record<string, readonly HelpCategory[] | undefined>)[category] ?? null;
}

export function helpCategoryLabel(code: string, servicePointLabel: (c: string) => string): string {
  return code === MEDIATION_COMMITTEE ? '人民调解委员会' : servicePointLabel(code);
}
