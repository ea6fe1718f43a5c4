import type { IDatasource, SortModelItem } from 'ag-grid-community';
import type { QueueFilter, QueueRow, QueueSort } from '../../../../shared/contract';
import { call } from '../../api/client';
import { isSortField } from './queueColumns';

export const DEFAULT_SORT: QueueSort = { field: 'registered_at', dir: 'desc' };

/** AG Grid's sort model (one column at most: the core sorts by one field) as the core's sort. */
export function sortFromModel(model: readonly SortModelItem[]): QueueSort {
  const first = model[0];
  if (!first || !isSortField(first.colId)) return DEFAULT_SORT;
  return { field: first.colId, dir: first.sort };
}

export interface BlockInfo {
  total: number;
  /** When the block arrived (performance.now()), for the page's status line. */
  at: number;
}

/**
 * The infinite row model's data source over `disputes.query`: AG Grid asks for blocks of 100 rows, the
 * core filters and sorts in SQLite and returns the block with the total, so the scrollbar is exact.
 * A new filter makes a new data source (AG Grid then drops its cache).
 */
export function queueDatasource(
  filter: QueueFilter,
  onBlock: (info: BlockInfo) => void,
  onError: (error: unknown) => void,
): IDatasource {
  return {
    getRows(params) {
      const sort = sortFromModel(params.sortModel);
      call('disputes.query', { filter, sort, startRow: params.startRow, endRow: params.endRow }).then(
        ({ rows, total }: { rows: QueueRow[]; total: number }) => {
          params.successCallback(rows, total);
          onBlock({ total, at: performance.now() });
        },
        (error: unknown) => {
          params.failCallback();
          onError(error);
        },
      );
    },
  };
}
