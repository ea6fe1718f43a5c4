/** 大屏: the command room's wall (dark, large type, no personal data). */
export default {
  title: '{{name}}矛盾纠纷排查调处态势',
  linkDown: '连接中断，正在重新连接…',
  linkUp: '实时',
  back: '返回工作台',
  kpi: {
    open: '在办纠纷',
    red: '红色预警',
    overdue: '已逾期',
    dueSoon: '即将到期',
    handled: '本年调处',
    successRate: '调处成功率',
    swept: '本年排查',
  },
  map: '在办纠纷分布（按网格）',
  mapLegend: '红 / 黄 / 蓝：网格内最高预警；点大小：在办件数',
  panel: {
    trend: '月度趋势',
    ranking: '各县（区）在办纠纷',
    categories: '纠纷类别',
  },
  ticker: {
    title: '动态',
    red: '红色预警',
    overdue: '逾期{{days}}天',
    none: '暂无红色预警和逾期案件',
  },
  unit: '件',
} as const;
