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
import type { TFunction } from 'i18next';

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

const GRID_TEXT_KEYS = [
  'loadingOoo', 'noRowsToShow', 'loadingError', 'ariaChecked', 'ariaUnchecked', 'ariaRowSelect', 'ariaRowDeselect',
  'ariaRowToggleSelection', 'ariaRowSelectAll', 'ariaSearch', 'ariaSortableColumn', 'ariaLabelGrid', 'ariaLabelRichSelectField',
  'sortAscending', 'sortDescending', 'sortUnSort', 'ariaSortAscending', 'ariaSortDescending', 'ariaSortNone', 'selectAll',
  'blanks', 'to', 'of', 'page', 'more',
] as const;

/** The grid's own texts (those the queue and the directory can show), from the UI's language. */
export function gridLocale(t: TFunction): LocaleText {
  return Object.fromEntries(GRID_TEXT_KEYS.map((k) => [k, t(`queue.grid.${k}`)]));
}
