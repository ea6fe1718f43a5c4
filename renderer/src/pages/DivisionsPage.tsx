import { useDeferredValue, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { Button, Flex, Input, Space, Typography, type InputRef } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCall } from '../hooks/useCall';
import { useDataChanged } from '../hooks/useDataChanged';
import { CallError } from '../components/CallError';
import { DivisionTotals } from './divisions/DivisionTotals';
import { DivisionTable } from './divisions/DivisionTable';
import {
  buildDivisionTree,
  defaultExpandedKeys,
  expandableKeys,
  filterDivisionTree,
} from './divisions/divisionTree';

const TO_TOWNSHIP = new Set(['province', 'city', 'county'] as const);

/** 区划网格: the account's division down to villages, with counts, as an expandable table. */
export function DivisionsPage() {
  const { t } = useTranslation();
  const tree = useCall('divisions.tree', { depth: 'village' });
  useDataChanged(tree.reload);

  const built = useMemo(() => buildDivisionTree(tree.data?.nodes ?? []), [tree.data]);
  const levelCounts = useMemo(() => {
    const m = new Map<string, number>();
    for (const n of tree.data?.nodes ?? []) m.set(n.level, (m.get(n.level) ?? 0) + 1);
    return m;
  }, [tree.data]);

  const [query, setQuery] = useState('');
  // Typing stays responsive while a large filter result renders.
  const deferredQuery = useDeferredValue(query);
  const filtered = useMemo(() => filterDivisionTree(built.roots, deferredQuery), [built, deferredQuery]);

  const [browseKeys, setBrowseKeys] = useState<string[] | null>(null);
  // A new query opens the way to its matches; the user may still open and close rows afterwards.
  const [searchKeys, setSearchKeys] = useState<{ query: string; keys: string[] } | null>(null);
  const searching = deferredQuery.trim() !== '';
  const expandedKeys = searching
    ? searchKeys?.query === deferredQuery
      ? searchKeys.keys
      : filtered.expandedKeys
    : (browseKeys ?? defaultExpandedKeys(built.roots));
  const setExpandedKeys = (keys: string[]) => (searching ? setSearchKeys({ query: deferredQuery, keys }) : setBrowseKeys(keys));

  const searchRef = useRef<InputRef>(null);
  useSlashToSearch(searchRef);

  if (tree.error && !tree.data) return <CallError error={tree.error} onRetry={tree.reload} />;
  const root = built.roots[0];

  return (
    <Flex vertical gap={8} style={{ flex: 1, minHeight: 0 }} data-testid="divisions-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} className="gc-page-title" style={{ margin: 0 }}>
          {t('divisions.title')}
        </Typography.Title>
        {root && <DivisionTotals root={root} levelCounts={levelCounts} />}
      </Flex>
      {tree.error ? <CallError error={tree.error} onRetry={tree.reload} /> : null}
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <Input.Search
            ref={searchRef}
            allowClear
            size="middle"
            style={{ width: 340 }}
            placeholder={t('divisions.searchPlaceholder')}
            aria-label={t('divisions.searchLabel')}
            data-testid="division-search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setQuery('');
            }}
          />
          {searching && (
            <Typography.Text type="secondary" data-testid="division-match-count" role="status">
              {t('divisions.matches', { count: filtered.matchCount })}
            </Typography.Text>
          )}
        </Space>
        <Space wrap>
          <Button onClick={() => setExpandedKeys(expandableKeys(filtered.rows, TO_TOWNSHIP))}>{t('divisions.expandToTownship')}</Button>
          <Button onClick={() => setExpandedKeys(expandableKeys(filtered.rows))}>{t('divisions.expandAll')}</Button>
          <Button onClick={() => setExpandedKeys([])}>{t('divisions.collapseAll')}</Button>
          <Button icon={<ReloadOutlined />} onClick={tree.reload} loading={tree.loading && !!tree.data}>
            {t('divisions.refresh')}
          </Button>
        </Space>
      </Flex>
      <DivisionTable
        rows={filtered.rows}
        expandedKeys={expandedKeys}
        onExpandedKeysChange={setExpandedKeys}
        query={deferredQuery}
        loading={tree.loading && !tree.data}
        emptyText={searching ? t('divisions.noMatch', { q: deferredQuery.trim() }) : t('divisions.empty')}
      />
    </Flex>
  );
}

/** "/" anywhere outside a text field jumps to the search box, as in many web tools. */
function useSlashToSearch(ref: RefObject<InputRef | null>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.altKey || e.metaKey) return;
      const target = e.target;
      if (target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      e.preventDefault();
      ref.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ref]);
}
