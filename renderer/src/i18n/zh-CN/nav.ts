/** The left menu and the breadcrumb. */
export default {
  home: '首页',
  breadcrumb: '当前位置',
  dashboard: '工作台',
  divisions: '区划网格',
  map: '网格地图',
  queue: '矛盾纠纷',
  directory: '服务阵地',
  wall: '大屏',
  settings: '设置',
  accounts: '账号管理',
  stats: '统计报表',
  shortcutHint: 'Alt+{{key}}',
} as const;
