import type { TFunction } from 'i18next';
import type { ColDef } from 'ag-grid-community';
import type { ServicePoint } from '../../../../shared/contract/directory';
import { SERVICE_POINT_LEVELS, type ServicePointLevel } from '../../../../shared/domain/servicePoints';
import { formatChinaDateTime } from '../../lib/format';
import { servicePointCategoryText } from '../../lib/labels';

/** Sortable columns and the core's sort key for each (directory.list `sort`). */
export const SORT_KEYS: Record<string, 'name' | 'category' | 'division' | 'updated'> = {
  name: 'name',
  categoryName: 'category',
  divisionName: 'division',
  updatedAt: 'updated',
};

/** 市级 / 县级 / 乡镇级 / 村级 / 网格级; an unknown level as it came. */
export function pointLevelLabel(t: TFunction, level: string): string {
  return (SERVICE_POINT_LEVELS as readonly string[]).includes(level) ? t(`directory.level.${level as ServicePointLevel}`) : level;
}

/** The directory's columns; the category's English names are longer than the Chinese, so it widens. */
export function directoryColumns(t: TFunction, language: string): ColDef<ServicePoint>[] {
  return [
    { colId: 'name', field: 'name', headerName: t('directory.col.name'), flex: 2, minWidth: 200, sortable: true, cellClass: 'gc-dir-name' },
    {
      colId: 'categoryName',
      headerName: t('directory.col.category'),
      width: language === 'zh-CN' ? 160 : 220,
      sortable: true,
      valueGetter: (p) => (p.data ? servicePointCategoryText(t, p.data.category, p.data.categoryName) : ''),
    },
    { colId: 'level', field: 'level', headerName: t('directory.col.level'), width: 90, valueFormatter: (p) => pointLevelLabel(t, String(p.value ?? '')) },
    { colId: 'divisionName', field: 'divisionName', headerName: t('directory.col.division'), width: 150, sortable: true },
    { colId: 'address', field: 'address', headerName: t('directory.col.address'), flex: 2, minWidth: 180, tooltipField: 'address' },
    { colId: 'phone', field: 'phone', headerName: t('directory.col.phone'), width: 140, cellClass: 'gc-mono' },
    { colId: 'hours', field: 'hours', headerName: t('directory.col.hours'), width: 150, tooltipField: 'hours' },
    { colId: 'contactName', field: 'contactName', headerName: t('directory.col.contact'), width: 100 },
    {
      colId: 'updatedAt',
      field: 'updatedAt',
      headerName: t('directory.col.updatedAt'),
      width: 160,
      sortable: true,
      valueFormatter: (p) => (p.value ? formatChinaDateTime(String(p.value)) : ''),
    },
  ];
}
