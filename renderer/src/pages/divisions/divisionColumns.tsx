import type { TableColumnType } from 'antd';
import type { TFunction } from 'i18next';
import type { DivisionRow } from './divisionTree';
import { Highlight } from '../../components/Highlight';
import { formatCount } from '../../lib/format';
import { levelLabel } from '../../lib/labels';

type CountKey = keyof DivisionRow['counts'];

const COUNT_COLUMNS: readonly CountKey[] = ['villages', 'grids', 'servicePoints', 'openDisputes'];

const byPinyin = new Intl.Collator('zh-CN');

/**
 * The division table's columns. Every cell carries `data-col` (name, code, level, villages, grids,
 * servicePoints, openDisputes) so tests and assistive tools can address a figure by what it is.
 */
export function divisionColumns(t: TFunction, query: string): TableColumnType<DivisionRow>[] {
  const cell = (col: string) => () => ({ className: `gc-col-${col}`, 'data-col': col });
  return [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('divisions.col.name'),
      width: 280,
      fixed: 'left',
      ellipsis: true,
      sorter: (a, b) => byPinyin.compare(a.name, b.name),
      onCell: cell('name'),
      render: (_, row) => <Highlight text={row.name} query={query} />,
    },
    {
      key: 'code',
      dataIndex: 'code',
      title: t('divisions.col.code'),
      width: 130,
      onCell: cell('code'),
      render: (_, row) => (
        <span className="gc-mono">
          <Highlight text={row.code} query={/^\d+$/.test(query.trim()) ? query : ''} />
        </span>
      ),
    },
    {
      key: 'level',
      dataIndex: 'level',
      title: t('divisions.col.level'),
      width: 110,
      onCell: cell('level'),
      render: (_, row) => levelLabel(t, row.level),
    },
    ...COUNT_COLUMNS.map(
      (key): TableColumnType<DivisionRow> => ({
        key,
        title: t(`divisions.col.${key}`),
        width: 120,
        align: 'right',
        sorter: (a, b) => a.counts[key] - b.counts[key],
        sortDirections: ['descend', 'ascend'],
        onCell: cell(key),
        render: (_, row) =>
          // A village's "villages" figure would only count itself.
          key === 'villages' && row.level === 'village' ? (
            <span className="gc-num">—</span>
          ) : (
            <span className="gc-num">{formatCount(row.counts[key])}</span>
          ),
      }),
    ),
  ];
}
