import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { DirectoryFilter } from '../../../../shared/contract/directory';
import { call } from '../../api/client';
import { SORT_KEYS } from './directoryColumns';

/**
 * AG Grid's infinite rows from directory.list: the grid asks for a row range and a sort, the filter comes
 * from the page's toolbar. `onTotal` reports the filtered count for the toolbar.
 */
export function directoryDatasource(filter: DirectoryFilter, onTotal: (n: number) => void, onError: (e: unknown) => void): IDatasource {
  return {
    getRows(p: IGetRowsParams) {
      const s = p.sortModel[0];
      const sort = s ? SORT_KEYS[s.colId] : undefined;
      call('directory.list', {
        ...filter,
        offset: p.startRow,
        limit: Math.min(500, p.endRow - p.startRow),
        ...(sort ? { sort, desc: s?.sort === 'desc' } : {}),
      }).then(
        (r) => {
          onTotal(r.total);
          p.successCallback(r.rows, r.total);
        },
        (e: unknown) => {
          onError(e);
          p.failCallback();
        },
      );
    },
  };
}
