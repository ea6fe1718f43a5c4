import { useMemo, type RefObject } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { GridApi, IDatasource } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { ServicePoint } from '../../../../shared/contract/directory';
// The queue's AG Grid setup registers the modules once for the whole app; reuse its theme and texts.
import { gridLocale, queueGridTheme } from '../queue/agGridSetup';
import { directoryColumns } from './directoryColumns';

export const DIRECTORY_BLOCK_SIZE = 100;

interface Props {
  datasource: IDatasource;
  apiRef: RefObject<GridApi<ServicePoint> | null>;
  onOpen(row: ServicePoint): void;
}

/** The directory list: AG Grid's infinite row model, pages of 100 fetched from directory.list. */
export function DirectoryGrid({ datasource, apiRef, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const columnDefs = useMemo(() => directoryColumns(t, i18n.language), [t, i18n.language]);
  const localeText = useMemo(() => ({ ...gridLocale(t), noRowsToShow: t('directory.noRows'), ariaLabelGrid: t('directory.title') }), [t]);

  return (
    <div style={{ flex: 1, minHeight: 240 }} data-testid="directory-grid">
      <AgGridReact<ServicePoint>
        key={i18n.language}
        theme={queueGridTheme}
        loadThemeGoogleFonts={false}
        localeText={localeText}
        columnDefs={columnDefs}
        defaultColDef={{ sortable: false, resizable: true, suppressMovable: true }}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={DIRECTORY_BLOCK_SIZE}
        maxBlocksInCache={40}
        maxConcurrentDatasourceRequests={2}
        blockLoadDebounceMillis={0}
        infiniteInitialRowCount={1}
        getRowId={(p) => String(p.data.id)}
        tooltipShowDelay={600}
        onGridReady={(e) => {
          apiRef.current = e.api;
        }}
        onGridPreDestroyed={() => {
          apiRef.current = null;
        }}
        onRowClicked={(e) => {
          if (e.data) onOpen(e.data);
        }}
        onCellKeyDown={(e) => {
          const key = e.event instanceof KeyboardEvent ? e.event.key : '';
          if (key === 'Enter' && e.data) onOpen(e.data);
        }}
      />
    </div>
  );
}
