import {
  CellStyleModule,
  ColumnApiModule,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
  RowSelectionModule,
  RowStyleModule,
  themeQuartz,
  TooltipModule,
  type LocaleText,
} from 'ag-grid-community';

/**
 * AG Grid 36 is modular: only what the queue uses is registered (infinite rows, selection, row classes,
 * tooltips for long summaries, locale text, column state for the sort of a saved view). Sorting and filtering happen in the core, so no filter or
 * client-side sort module is loaded.
 */
ModuleRegistry.registerModules([
  InfiniteRowModelModule,
  RowSelectionModule,
  RowStyleModule,
  CellStyleModule,
  TooltipModule,
  LocaleModule,
  ColumnApiModule,
]);

/** Dense office look in the page's own (system, Chinese-capable) fonts: nothing is downloaded. */
export const queueGridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  rowHeight: 32,
  headerHeight: 34,
  spacing: 5,
  borderRadius: 2,
  wrapperBorderRadius: 4,
  headerBackgroundColor: '#fafafa',
  accentColor: '#1668dc',
  selectedRowBackgroundColor: '#e6f0ff',
});

/** The grid's own texts in Chinese (the queue is a Chinese ledger; English falls back to AG Grid's). */
export const GRID_LOCALE_ZH: LocaleText = {
  loadingOoo: '加载中…',
  noRowsToShow: '没有符合条件的案件',
  loadingError: '加载失败',
  ariaChecked: '已选',
  ariaUnchecked: '未选',
  ariaRowSelect: '按空格键选中此行',
  ariaRowDeselect: '按空格键取消选中',
  ariaRowToggleSelection: '按空格键切换选中',
  ariaRowSelectAll: '按空格键全选',
  ariaSearch: '搜索',
  ariaSortableColumn: '按回车键排序',
  ariaLabelGrid: '矛盾纠纷台账',
  ariaLabelRichSelectField: '选择',
  sortAscending: '升序',
  sortDescending: '降序',
  sortUnSort: '取消排序',
  ariaSortAscending: '升序',
  ariaSortDescending: '降序',
  ariaSortNone: '未排序',
  selectAll: '全选',
  blanks: '（空）',
  to: '至',
  of: '共',
  page: '页',
  more: '更多',
};
