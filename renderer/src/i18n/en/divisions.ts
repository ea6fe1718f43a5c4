import type { Messages } from '../zh-CN';

/** 区划网格: the division tree table. */
export default {
  title: 'Divisions & grids',
  searchPlaceholder: 'Search by name or division code (press / to focus)',
  searchLabel: 'Search divisions',
  expandAll: 'Expand all',
  expandToTownship: 'Expand to townships',
  collapseAll: 'Collapse all',
  refresh: 'Refresh',
  totals: 'Totals',
  totalsOf: 'Totals ({{name}})',
  matches: '{{count}} matches',
  noMatch: 'No division whose name or code contains "{{q}}"',
  empty: 'No division data',
  col: {
    name: 'Name',
    code: 'Division code',
    level: 'Level',
    villages: 'Villages',
    grids: 'Grids',
    servicePoints: 'Service points',
    openDisputes: 'Open disputes',
  },
} satisfies Messages['divisions'];
