import type { TFunction } from 'i18next';
import type { Role } from '../../../shared/contract/roles';
import type { DivisionLevel } from '../../../shared/domain/divisionCodes';
import { DIVISION_LEVELS } from '../../../shared/domain/divisionCodes';

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
