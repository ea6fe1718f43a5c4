import type { DivisionNode } from '../../../../shared/contract';

/** One row of the division table: a division with its sub-divisions (absent on a leaf, so no expander). */
export interface DivisionRow {
  key: string;
  code: string;
  name: string;
  level: DivisionNode['level'];
  counts: DivisionNode['counts'];
  children?: DivisionRow[];
}

export interface DivisionTree {
  roots: DivisionRow[];
  /** Every row by code. */
  byCode: Map<string, DivisionRow>;
  /** Parent code of every row that has a parent in the tree. */
  parentOf: Map<string, string>;
}

/** Link the flat list from divisions.tree into rows; siblings keep the core's order (official sort). */
export function buildDivisionTree(nodes: readonly DivisionNode[]): DivisionTree {
  const byCode = new Map<string, DivisionRow>();
  for (const n of nodes) byCode.set(n.code, { key: n.code, code: n.code, name: n.name, level: n.level, counts: n.counts });
  const roots: DivisionRow[] = [];
  const parentOf = new Map<string, string>();
  for (const n of nodes) {
    const row = byCode.get(n.code);
    if (!row) continue;
    const parent = n.parentCode === null ? undefined : byCode.get(n.parentCode);
    if (parent) {
      (parent.children ??= []).push(row);
      parentOf.set(n.code, parent.code);
    } else {
      // The root, or a division whose parent lies outside what we were sent.
      roots.push(row);
    }
  }
  return { roots, byCode, parentOf };
}

/** Keys of every row with children at one of the given levels (what "expand to …" opens). */
export function expandableKeys(rows: readonly DivisionRow[], levels?: ReadonlySet<DivisionRow['level']>): string[] {
  const keys: string[] = [];
  const walk = (list: readonly DivisionRow[]) => {
    for (const row of list) {
      if (!row.children) continue;
      if (!levels || levels.has(row.level)) keys.push(row.key);
      walk(row.children);
    }
  };
  walk(rows);
  return keys;
}

/** The default view: the roots and their children open (a city shows its counties and their townships). */
export function defaultExpandedKeys(roots: readonly DivisionRow[]): string[] {
  const keys: string[] = [];
  for (const root of roots) {
    if (!root.children) continue;
    keys.push(root.key);
    for (const child of root.children) if (child.children) keys.push(child.key);
  }
  return keys;
}

export interface DivisionFilterResult {
  rows: DivisionRow[];
  /** How many divisions match themselves (not counting the ancestors kept for context). */
  matchCount: number;
  /** Rows to open so that every match is visible: the ancestors of the matches. */
  expandedKeys: string[];
}

/** Does a division's name or code contain the query? Latin letters compare case-insensitively. */
export function matchesDivision(row: Pick<DivisionRow, 'name' | 'code'>, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return row.name.toLowerCase().includes(q) || row.code.includes(q);
}

/**
 * Keep the divisions whose name or code contains the query, with their ancestors (for context) and their
 * own sub-divisions (collapsed, so a county found by name can still be opened).
 */
export function filterDivisionTree(roots: readonly DivisionRow[], query: string): DivisionFilterResult {
  const q = query.trim();
  if (!q) return { rows: [...roots], matchCount: 0, expandedKeys: [] };
  let matchCount = 0;
  const expandedKeys: string[] = [];

  const visit = (row: DivisionRow): DivisionRow | null => {
    if (matchesDivision(row, q)) {
      matchCount += 1;
      // Still look inside: matches deeper down must be counted and their ancestors opened.
      if (row.children) for (const child of row.children) visit(child);
      if (row.children?.some((c) => containsMatch(c, q))) expandedKeys.push(row.key);
      return row;
    }
    if (!row.children) return null;
    const kept: DivisionRow[] = [];
    for (const child of row.children) {
      const k = visit(child);
      if (k) kept.push(k);
    }
    if (kept.length === 0) return null;
    expandedKeys.push(row.key);
    return { ...row, children: kept };
  };

  const rows: DivisionRow[] = [];
  for (const root of roots) {
    const kept = visit(root);
    if (kept) rows.push(kept);
  }
  return { rows, matchCount, expandedKeys };
}

function containsMatch(row: DivisionRow, q: string): boolean {
  if (matchesDivision(row, q)) return true;
  return row.children?.some((c) => containsMatch(c, q)) ?? false;
}

/** How many rows the table renders with these rows open. */
export function visibleRowCount(rows: readonly DivisionRow[], expanded: ReadonlySet<string>): number {
  let n = 0;
  const walk = (list: readonly DivisionRow[]) => {
    for (const row of list) {
      n += 1;
      if (row.children && expanded.has(row.key)) walk(row.children);
    }
  };
  walk(rows);
  return n;
}
