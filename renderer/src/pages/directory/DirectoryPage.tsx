import { useMemo, useRef, useState } from 'react';
import { Button, Flex, Input, Select, Space, TreeSelect, Typography, message } from 'antd';
import { DownloadOutlined, PlusOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { GridApi } from 'ag-grid-community';
import type { DirectoryFilter, ServicePoint } from '../../../../shared/contract/directory';
import { SERVICE_POINT_CATEGORY_CODES, type ServicePointCategory } from '../../../../shared/domain/servicePoints';
import { useMayCall } from '../../session/sessionContext';
import { useDataChanged } from '../../hooks/useDataChanged';
import { call } from '../../api/client';
import { CallError } from '../../components/CallError';
import { errorText } from '../../lib/errorText';
import { formatCount } from '../../lib/format';
import { servicePointCategoryText } from '../../lib/labels';
import { DirectoryGrid } from './DirectoryGrid';
import { directoryDatasource } from './directoryDatasource';
import { useDivisionTree } from './useDivisionTree';
import { PointDrawer } from './PointDrawer';
import { PointFormModal } from './PointFormModal';
import { ImportDialog } from './ImportDialog';
import { PrintPreview } from './PrintPreview';
import { downloadBase64 } from './fileTransfer';
import './directory.css';

/** 服务阵地: the service-point directory — list, detail, create/edit, Excel in and out, print. */
export function DirectoryPage() {
  const { t, i18n } = useTranslation();
  const may = useMayCall();
  const divisions = useDivisionTree();

  const [q, setQ] = useState('');
  const [categories, setCategories] = useState<ServicePointCategory[]>([]);
  const [divisionCode, setDivisionCode] = useState<string | undefined>(undefined);
  const filter = useMemo(
    (): DirectoryFilter => ({
      ...(q.trim() ? { q: q.trim() } : {}),
      ...(categories.length ? { category: categories } : {}),
      ...(divisionCode ? { divisionCode } : {}),
    }),
    [q, categories, divisionCode],
  );

  const [total, setTotal] = useState<number | null>(null);
  const [listError, setListError] = useState<unknown>(null);
  const datasource = useMemo(
    () =>
      directoryDatasource(
        filter,
        (n) => {
          setTotal(n);
          setListError(null);
        },
        setListError,
      ),
    [filter],
  );
  const apiRef = useRef<GridApi<ServicePoint> | null>(null);
  const refresh = () => apiRef.current?.refreshInfiniteCache();
  useDataChanged(refresh, ['service_point']);

  const [open, setOpen] = useState<ServicePoint | null>(null);
  const [editing, setEditing] = useState<ServicePoint | null | 'new'>(null);
  const [importing, setImporting] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [exporting, setExporting] = useState(false);

  const exportExcel = async () => {
    setExporting(true);
    try {
      const file = await call('directory.exportExcel', filter);
      downloadBase64(file.fileName, file.contentBase64);
      void message.success(t('directory.exported', { rows: formatCount(file.rows) }));
    } catch (err) {
      void message.error(errorText(err, t, i18n.language));
    } finally {
      setExporting(false);
    }
  };

  const remove = async (p: ServicePoint) => {
    try {
      await call('directory.delete', { id: p.id });
      void message.success(t('directory.deleted', { name: p.name }));
      setOpen(null);
      refresh();
    } catch (err) {
      void message.error(errorText(err, t, i18n.language));
    }
  };

  return (
    <Flex vertical gap={8} style={{ flex: 1, minHeight: 0 }} data-testid="directory-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space align="baseline">
          <Typography.Title level={1} className="gc-page-title" style={{ margin: 0 }}>
            {t('directory.title')}
          </Typography.Title>
          {total !== null && (
            <Typography.Text type="secondary" data-testid="directory-total" data-value={total}>
              {t('directory.total', { n: formatCount(total) })}
            </Typography.Text>
          )}
        </Space>
        <Space wrap>
          {may('directory.create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="directory-create">
              {t('directory.create')}
            </Button>
          )}
          {may('directory.importExcel') && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="directory-import">
              {t('directory.importExcel')}
            </Button>
          )}
          {may('directory.exportExcel') && (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportExcel()} data-testid="directory-export">
              {t('directory.exportExcel')}
            </Button>
          )}
          {may('directory.printable') && (
            <Button icon={<PrinterOutlined />} onClick={() => setPrinting(true)} data-testid="directory-print">
              {t('directory.print.button')}
            </Button>
          )}
        </Space>
      </Flex>
      <Flex gap={8} wrap>
        <Input.Search
          allowClear
          style={{ width: 260 }}
          placeholder={t('directory.searchPlaceholder')}
          aria-label={t('directory.searchLabel')}
          onSearch={(v) => setQ(v)}
          onChange={(e) => {
            if (e.target.value === '') setQ('');
          }}
          data-testid="directory-search"
        />
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          style={{ minWidth: 260 }}
          placeholder={t('directory.allCategories')}
          aria-label={t('directory.col.category')}
          value={categories}
          onChange={setCategories}
          options={SERVICE_POINT_CATEGORY_CODES.map((c) => ({ value: c, label: servicePointCategoryText(t, c) }))}
          data-testid="directory-category"
        />
        <TreeSelect
          allowClear
          showSearch
          style={{ width: 260 }}
          placeholder={t('directory.allDivisions')}
          aria-label={t('directory.col.division')}
          treeData={divisions.roots}
          fieldNames={{ label: 'name', value: 'code', children: 'children' }}
          treeNodeFilterProp="name"
          value={divisionCode}
          onChange={(v: string | undefined) => setDivisionCode(v)}
          data-testid="directory-division"
        />
      </Flex>
      {listError !== null && <CallError error={listError} onRetry={refresh} />}
      <DirectoryGrid datasource={datasource} apiRef={apiRef} onOpen={setOpen} />
      <PointDrawer point={open} canEdit={may('directory.update')} canDelete={may('directory.delete')} onClose={() => setOpen(null)} onEdit={(p) => setEditing(p)} onDelete={remove} />
      <PointFormModal
        key={editing === 'new' ? 'new' : (editing?.id ?? 'closed')}
        open={editing !== null}
        point={editing === 'new' ? null : editing}
        divisions={divisions.roots}
        onClose={() => setEditing(null)}
        onSaved={(p) => {
          setEditing(null);
          if (open) setOpen(p);
          refresh();
        }}
      />
      <ImportDialog open={importing} onClose={() => setImporting(false)} onImported={refresh} />
      <PrintPreview filter={filter} open={printing} onClose={() => setPrinting(false)} />
    </Flex>
  );
}
