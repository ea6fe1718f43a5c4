import { describe, expect, it } from 'vitest';
import type { DivisionNode } from '../../../../shared/contract';
import {
  buildDivisionTree,
  defaultExpandedKeys,
  expandableKeys,
  filterDivisionTree,
  visibleRowCount,
} from './divisionTree';

const counts = { villages: 0, grids: 0, servicePoints: 0, openDisputes: 0 };
const node = (code: string, name: string, level: DivisionNode['level'], parentCode: string | null): DivisionNode => ({
  code,
  name,
  level,
  parentCode,
  counts,
});

// A city, two counties, three townships, four villages; sent in the core's order (not parent-first).
const NODES: DivisionNode[] = [
  node('439900000000', '示例市', 'city', null),
  node('439901000000', '东山区', 'county', '439900000000'),
  node('439902000000', '西河县', 'county', '439900000000'),
  node('439901001000', '青山镇', 'township', '439901000000'),
  node('439901002000', '桃源街道', 'township', '439901000000'),
  node('439902001000', '河口乡', 'township', '439902000000'),
  node('439901001001', '上湾村', 'village', '439901001000'),
  node('439901001002', '山脚村', 'village', '439901001000'),
  node('439902001001', '河口社区', 'village', '439902001000'),
  node('439902001002', '柳树村', 'village', '439902001000'),
];

describe('division tree', () => {
  const tree = buildDivisionTree(NODES);

  it('links every division under its parent, keeping the core order among siblings', () => {
    expect(tree.roots.map((r) => r.name)).toEqual(['示例市']);
    expect(tree.roots[0]?.children?.map((c) => c.name)).toEqual(['东山区', '西河县']);
    expect(tree.byCode.get('439901001000')?.children?.map((c) => c.name)).toEqual(['上湾村', '山脚村']);
  });

  it('gives leaves no children array, so the table shows no expander on a village', () => {
    expect(tree.byCode.get('439901001001')).not.toHaveProperty('children');
    expect(tree.byCode.get('439901002000')).not.toHaveProperty('children');
  });

  it('opens the root and the counties by default (city view shows townships)', () => {
    const keys = defaultExpandedKeys(tree.roots);
    expect(keys).toEqual(['439900000000', '439901000000', '439902000000']);
    expect(visibleRowCount(tree.roots, new Set(keys))).toBe(6);
  });

  it('expands to a level or everything', () => {
    expect(expandableKeys(tree.roots, new Set(['city', 'county'] as const))).toHaveLength(3);
    expect(visibleRowCount(tree.roots, new Set(expandableKeys(tree.roots)))).toBe(NODES.length);
  });

  it('filters by name, keeping the ancestors of every match and opening them', () => {
    const r = filterDivisionTree(tree.roots, '山');
    // 东山区 and 青山镇 and 山脚村 match; 上湾村 stays as a child of matching 青山镇.
    expect(r.matchCount).toBe(3);
    expect(r.rows[0]?.children?.map((c) => c.name)).toEqual(['东山区']);
    expect(r.expandedKeys).toEqual(expect.arrayContaining(['439900000000', '439901000000', '439901001000']));
  });

  it('filters by code and drops branches without a match', () => {
    const r = filterDivisionTree(tree.roots, '439902001002');
    expect(r.matchCount).toBe(1);
    expect(r.rows[0]?.children?.map((c) => c.name)).toEqual(['西河县']);
    expect(r.rows[0]?.children?.[0]?.children?.[0]?.children?.map((c) => c.name)).toEqual(['柳树村']);
  });

  it('returns nothing for a query nobody matches, and everything for an empty one', () => {
    expect(filterDivisionTree(tree.roots, '不存在').rows).toEqual([]);
    expect(filterDivisionTree(tree.roots, '  ').rows).toHaveLength(1);
  });
});
