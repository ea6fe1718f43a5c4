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

type Block = { rows: QueueRow[]; total: number };

/**
 * The first block of a view asked for ahead of AG Grid (the quick search knows the new view before React
 * has rendered it and the grid has reset): the grid's first getRows for the same view takes it.
 */
let prefetched: { key: string; answer: Promise<Block> } | null = null;

const blockKey = (filter: QueueFilter, sort: QueueSort, startRow: number, endRow: number) => JSON.stringify([filter, sort, startRow, endRow]);

export function prefetchFirstBlock(filter: QueueFilter, sort: QueueSort, blockSize: number): void {
  const answer = call('disputes.query', { filter, sort, startRow: 0, endRow: blockSize });
  // A refusal is reported by the grid's own request; this copy must not surface as unhandled.
  answer.catch(() => undefined);
  prefetched = { key: blockKey(filter, sort, 0, blockSize), answer };
}

function takePrefetched(key: string): Promise<Block> | null {
  if (prefetched?.key !== key) return null;
  const { answer } = prefetched;
  prefetched = null;
  return answer;
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
      const key = blockKey(filter, sort, params.startRow, params.endRow);
      const answer = takePrefetched(key) ?? call('disputes.query', { filter, sort, startRow: params.startRow, endRow: params.endRow });
      answer.then(
        ({ rows, total }: Block) => {
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
