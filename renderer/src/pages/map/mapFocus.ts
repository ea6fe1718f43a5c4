/**
 * The drill-down state of the map: which division is in focus, what its children are and how much
 * geometry detail to ask the core for. The focus lives in the URL (#/map?focus=<code>&grid=<gridCode>),
 * so the browser's Back goes up a level and a link can open the map anywhere.
 */
import type { MapLevel } from '../../../../shared/contract/map';
import { codePrefix, DivisionCode, GridCode, levelOfCode, parentOfCode, type DivisionLevel } from '../../../../shared/domain/divisionCodes';

/** The layer drawn (and clicked) inside a focused division: a city's counties, …, a village's grids. */
export function childLevel(focusLevel: DivisionLevel): MapLevel {
  switch (focusLevel) {
    case 'province':
    case 'city':
      return 'county';
    case 'county':
      return 'township';
    case 'township':
      return 'village';
    case 'village':
      return 'grid';
  }
}

/**
 * The zoom whose simplification tier the core should use for a focus (topology tiers 9/11/13/15): a whole
 * city is drawn coarse, a village with every vertex that matters.
 */
export function detailZoom(focusLevel: DivisionLevel): number {
  switch (focusLevel) {
    case 'province':
    case 'city':
      return 9;
    case 'county':
      return 11;
    case 'township':
      return 13;
    case 'village':
      return 15;
  }
}

/** The codes from the root down to the focus (both included); just the root if focus is not inside it. */
export function focusChain(root: string, focus: string): string[] {
  if (!focus.startsWith(codePrefix(root))) return [root];
  const chain: string[] = [];
  for (let c: string | null = focus; c && c !== root; c = parentOfCode(c)) chain.unshift(c);
  return [root, ...chain];
}

/** A focus code from the URL, or the root when it is missing, malformed or outside the account's area. */
export function parseFocus(raw: string | null, root: string): string {
  if (!raw || !DivisionCode.safeParse(raw).success) return root;
  return raw.startsWith(codePrefix(root)) ? raw : root;
}

export function parseGridCode(raw: string | null): string | null {
  return raw && GridCode.safeParse(raw).success ? raw : null;
}

/** The village a grid belongs to (its first 12 digits). */
export function villageOfGrid(gridCode: string): string {
  return gridCode.slice(0, 12);
}

export function focusLevelOf(code: string): DivisionLevel {
  return levelOfCode(code);
}
