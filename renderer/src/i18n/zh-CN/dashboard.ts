/** 工作台: the overview figures. */
export default {
  title: '工作台',
  subtitle: '{{name}} 辖区概况',
  counties: '县(区)',
  townships: '乡镇(街道)',
  villages: '村(社区)',
  grids: '网格',
  servicePoints: '服务阵地',
  openDisputes: '在办纠纷',
  unitPlace: '个',
  unitCase: '件',
  clickHint: '点击查看区划网格明细',
  moreSoon: '成绩单图表、三色预警和到期提醒将在后续版本提供。',
} as const;
