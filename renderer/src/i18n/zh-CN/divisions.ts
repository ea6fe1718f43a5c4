/** 区划网格: the division tree table. */
export default {
  title: '区划网格',
  searchPlaceholder: '按名称或区划代码搜索（按 / 聚焦）',
  searchLabel: '搜索区划',
  expandAll: '全部展开',
  expandToTownship: '展开到乡镇',
  collapseAll: '全部折叠',
  refresh: '刷新',
  totals: '合计',
  totalsOf: '合计（{{name}}）',
  matches: '匹配 {{count}} 项',
  noMatch: '没有名称或代码包含“{{q}}”的区划',
  empty: '没有区划数据',
  col: {
    name: '名称',
    code: '区划代码',
    level: '级别',
    villages: '村(社区)数',
    grids: '网格数',
    servicePoints: '服务阵地数',
    openDisputes: '在办纠纷数',
  },
} as const;
