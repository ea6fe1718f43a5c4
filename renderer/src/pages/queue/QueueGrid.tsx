import { memo, useMemo, useRef, type RefObject } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, ColumnState, GetRowIdFunc, GridApi, IDatasource, RowSelectionOptions, SelectionChangedEvent } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { QueueRow, QueueSort } from '../../../../shared/contract';
import { gridLocale, queueGridTheme } from './agGridSetup';
import { queueColumns, queueRowClassRules } from './queueColumns';
import { sortFromModel } from './queueDatasource';
import './queue.css';

export const QUEUE_BLOCK_SIZE = 100;

interface Props {
  datasource: IDatasource;
  initialSort: QueueSort;
  apiRef: RefObject<GridApi<QueueRow> | null>;
  onSortChange(sort: QueueSort): void;
  onSelectionChange(rows: QueueRow[]): void;
  onOpen(row: QueueRow): void;
}

// Stable option objects: a new object on a re-render would make AG Grid re-apply the option (columns, selection).
const DEFAULT_COL_DEF: ColDef<QueueRow> = { sortable: false, resizable: false, suppressMovable: true };
const ROW_SELECTION: RowSelectionOptions<QueueRow> = { mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false };
/** The checkbox column stays with the pinned case number. */
const SELECTION_COLUMN = { pinned: 'left' as const };
const getRowId: GetRowIdFunc<QueueRow> = (p) => String(p.data.id);

export function sortColumnState(sort: QueueSort): ColumnState[] {
  return [{ colId: sort.field, sort: sort.dir }];
}

/** The queue ledger: AG Grid's infinite row model, 100-row blocks fetched from the core. */
export const QueueGrid = memo(function QueueGrid({ datasource, initialSort, apiRef, onSortChange, onSelectionChange, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const columnDefs = useMemo(() => queueColumns(t, i18n.language), [t, i18n.language]);
  const initialSortRef = useRef(initialSort);
  const localeText = useMemo(() => gridLocale(t), [t]);

  return (
    <div className="gc-queue-grid" style={{ flex: 1, minHeight: 240 }} data-testid="queue-grid">
      <AgGridReact<QueueRow>
        key={i18n.language}
        theme={queueGridTheme}
        loadThemeGoogleFonts={false}
        localeText={localeText}
        columnDefs={columnDefs}
        defaultColDef={DEFAULT_COL_DEF}
        rowModelType="infinite"
        animateRows={false}
        datasource={datasource}
        cacheBlockSize={QUEUE_BLOCK_SIZE}
        maxBlocksInCache={50}
        maxConcurrentDatasourceRequests={2}
        blockLoadDebounceMillis={0}
        infiniteInitialRowCount={1}
        getRowId={getRowId}
        rowClassRules={queueRowClassRules}
        rowSelection={ROW_SELECTION}
        selectionColumnDef={SELECTION_COLUMN}
        tooltipShowDelay={600}
        onGridReady={(e) => {
          apiRef.current = e.api;
          e.api.applyColumnState({ state: sortColumnState(initialSortRef.current), defaultState: { sort: null } });
        }}
        onGridPreDestroyed={() => {
          apiRef.current = null;
        }}
        onSortChanged={(e) => {
          const model = e.api
            .getColumnState()
            .filter((c) => c.sort)
            .map((c) => ({ colId: c.colId, sort: c.sort === 'asc' ? ('asc' as const) : ('desc' as const) }));
          onSortChange(sortFromModel(model));
        }}
        onSelectionChanged={(e: SelectionChangedEvent<QueueRow>) => onSelectionChange(e.api.getSelectedRows())}
        onCellClicked={(e) => {
          // The case number reads as a link: one click opens the case.
          if (e.colDef.field === 'caseNo' && e.data) onOpen(e.data);
        }}
        onRowDoubleClicked={(e) => {
          if (e.data) onOpen(e.data);
        }}
        onCellKeyDown={(e) => {
          const key = e.event instanceof KeyboardEvent ? e.event.key : '';
          if (key === 'Enter' && e.data) onOpen(e.data);
        }}
      />
    </div>
  );
});
