import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Flex, Space, Switch, Typography, type InputRef } from 'antd';
import { ClearOutlined, PlusOutlined } from '@ant-design/icons';
import type { GridApi } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { QueueFilter, QueueRow, QueueSort, QueueView } from '../../../../shared/contract';
import { CallError } from '../../components/CallError';
import { useDataChanged } from '../../hooks/useDataChanged';
import { formatCount } from '../../lib/format';
import { useAccount, useMayCall } from '../../session/sessionContext';
import { CaseDrawer } from '../case/CaseDrawer';
import { BatchActions } from './BatchActions';
import { ExportButton } from './ExportButton';
import { ImportButton } from './ImportDialog';
import { QueueFilterBar } from './QueueFilterBar';
import { QUEUE_BLOCK_SIZE, QueueGrid, sortColumnState } from './QueueGrid';
import { DEFAULT_SORT, prefetchFirstBlock, queueDatasource, type BlockInfo } from './queueDatasource';
import { conditionsBeyond, defaultView, initialView, rememberView, RED_ON_TOP } from './queueViewState';
import { QuickSearch } from './QuickSearch';
import { SavedViews } from './SavedViews';
import { useQueueKeys } from './useQueueKeys';

const DISPUTE_ENTITY = ['dispute'];

/** 矛盾纠纷: the dispute ledger with filters, quick search, saved views, batch actions, export and import. */
export function QueuePage() {
  const { t } = useTranslation();
  const account = useAccount();
  const may = useMayCall();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [filter, setFilter] = useState<QueueFilter>(() => initialView(account.id, account.role, params.get('filter')).filter);
  const [sort, setSort] = useState<QueueSort>(() => initialView(account.id, account.role, params.get('filter')).sort);
  const [block, setBlock] = useState<BlockInfo | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<QueueRow[]>([]);
  const [openCase, setOpenCase] = useState<number | null>(null);
  const apiRef = useRef<GridApi<QueueRow> | null>(null);
  const searchRef = useRef<InputRef>(null);

  const view: QueueView = useMemo(() => ({ filter, sort }), [filter, sort]);
  useEffect(() => rememberView(account.id, view), [account.id, view]);

  const datasource = useMemo(
    () =>
      queueDatasource(
        filter,
        (info) => {
          setBlock(info);
          setError(null);
        },
        setError,
      ),
    [filter],
  );

  const applySort = useCallback((next: QueueSort) => {
    setSort(next);
    apiRef.current?.applyColumnState({ state: sortColumnState(next), defaultState: { sort: null } });
  }, []);
  const loadView = useCallback(
    (v: QueueView) => {
      setFilter(v.filter);
      applySort(v.sort);
    },
    [applySort],
  );
  const search = (text: string) => {
    const next = withText(filter, text);
    // Ask the core now, while React renders and the grid resets: the grid's first request takes this answer.
    prefetchFirstBlock(next, sort, QUEUE_BLOCK_SIZE);
    setFilter(next);
  };
  const openRow = useCallback((row: QueueRow) => setOpenCase(row.id), []);
  // The pick-list bar does not show the search term: it keeps its own render when only the term changes.
  const { text: _text, ...barFilter } = filter;
  const barKey = JSON.stringify(barFilter);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableBarFilter = useMemo(() => barFilter, [barKey]);
  const changeBarFilter = useCallback((next: QueueFilter) => setFilter((f) => (f.text ? { ...next, text: f.text } : next)), []);
  /** After our own batch action or import: fresh rows, nothing selected. */
  const refresh = useCallback(() => {
    apiRef.current?.deselectAll();
    apiRef.current?.refreshInfiniteCache();
  }, []);
  // Someone else changed a case: fresh rows, but the clerk's selection stays (rows are kept by id).
  const refreshKeepSelection = useCallback(() => apiRef.current?.refreshInfiniteCache(), []);
  useDataChanged(refreshKeepSelection, DISPUTE_ENTITY);
  useQueueKeys({ searchRef, onNewCase: may('disputes.intake') ? () => void navigate('/queue/new') : undefined });

  const redOnTop = sort.field === RED_ON_TOP.field && sort.dir === RED_ON_TOP.dir;
  const conditions = conditionsBeyond(filter, defaultView(account.role).filter);
  return (
    <Flex vertical gap={8} style={{ flex: 1, minHeight: 0 }} data-testid="queue-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space align="baseline" size={16} wrap>
          <Typography.Title level={1} className="gc-page-title" style={{ margin: 0 }}>
            {t('queue.title')}
          </Typography.Title>
          <Typography.Text data-testid="queue-total" data-value={block?.total ?? ''} role="status">
            {block ? t('queue.total', { n: formatCount(block.total) }) : t('queue.loading')}
          </Typography.Text>
        </Space>
        <Space wrap>
          <SavedViews view={view} onLoad={loadView} />
          <Space size={4}>
            <Switch
              size="small"
              id="queue-red-on-top"
              data-testid="queue-red-on-top"
              checked={redOnTop}
              onChange={(on) => applySort(on ? RED_ON_TOP : DEFAULT_SORT)}
            />
            <label htmlFor="queue-red-on-top">{t('queue.redOnTop')}</label>
          </Space>
          <BatchActions selected={selected} onDone={refresh} />
          {may('disputes.intake') && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="queue-new" onClick={() => void navigate('/queue/new')} title="Alt+N">
              {t('queue.newCase')}
            </Button>
          )}
          {may('disputes.import') && <ImportButton onImported={refresh} />}
          {may('disputes.export.start') && <ExportButton view={view} total={block?.total ?? null} />}
        </Space>
      </Flex>
      <QueueFilterBar
        filter={stableBarFilter}
        onChange={changeBarFilter}
        leading={<QuickSearch inputRef={searchRef} value={filter.text ?? ''} onSearch={search} />}
        trailing={
          // Back to the role's starting view (the open cases), not to every case ever registered.
          <Button icon={<ClearOutlined />} disabled={conditions === 0} onClick={() => setFilter(defaultView(account.role).filter)} data-testid="queue-clear">
            {t('queue.clearFilters', { count: conditions })}
          </Button>
        }
      />
      {error !== null && <CallError error={error} onRetry={refresh} />}
      <QueueGrid
        datasource={datasource}
        initialSort={sort}
        apiRef={apiRef}
        onSortChange={setSort}
        onSelectionChange={setSelected}
        onOpen={openRow}
      />
      {openCase !== null && <CaseDrawer id={openCase} onClose={() => setOpenCase(null)} />}
    </Flex>
  );
}

function withText(filter: QueueFilter, text: string): QueueFilter {
  const next = { ...filter };
  if (text) next.text = text;
  else delete next.text;
  return next;
}
