import { useMemo } from 'react';
import { Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useElementHeight } from '../../hooks/useElementHeight';
import { divisionColumns } from './divisionColumns';
import { visibleRowCount, type DivisionRow } from './divisionTree';

/**
 * Above this many open rows the table renders only what is on screen (antd's virtual table handles tree
 * data). Below it, a plain <table> keeps every open row in the DOM: simpler for screen readers, Ctrl+F
 * and tests, and the default view (root, counties, townships: ~110 rows) stays there.
 */
const VIRTUAL_FROM_ROWS = 400;

/** antd's small table header height; the body gets the rest of the space. */
const HEADER_HEIGHT = 40;

interface Props {
  rows: DivisionRow[];
  expandedKeys: string[];
  onExpandedKeysChange: (keys: string[]) => void;
  query: string;
  loading: boolean;
  emptyText: string;
}

export function DivisionTable({ rows, expandedKeys, onExpandedKeysChange, query, loading, emptyText }: Props) {
  const { t, i18n } = useTranslation();
  const [boxRef, boxHeight] = useElementHeight<HTMLDivElement>();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- columns change with the language too
  const columns = useMemo(() => divisionColumns(t, query), [t, query, i18n.language]);
  const scrollX = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), 0);
  const openRows = useMemo(() => visibleRowCount(rows, new Set(expandedKeys)), [rows, expandedKeys]);
  const virtual = openRows > VIRTUAL_FROM_ROWS;

  return (
    <div ref={boxRef} style={{ flex: 1, minHeight: 240, overflow: 'hidden' }} data-testid="division-table" data-virtual={virtual}>
      <Table<DivisionRow>
        size="small"
        bordered
        virtual={virtual}
        rowKey="key"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        showSorterTooltip={false}
        scroll={{ x: scrollX, y: Math.max(200, boxHeight - HEADER_HEIGHT) }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
        expandable={{
          expandedRowKeys: expandedKeys,
          onExpandedRowsChange: (keys) => onExpandedKeysChange(keys.map(String)),
          indentSize: 16,
        }}
        onRow={(row) => ({ className: `gc-level-${row.level}`, 'data-level': row.level })}
      />
    </div>
  );
}
