import type { ColDef, RowClassRules } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { QueueRow } from '../../../../shared/contract';
import { SORT_FIELDS } from '../../../../shared/contract/disputes/schemas';
import { categoryText, partiesText, sourceText, statusText, warningText } from '../../lib/labels';
import { chinaDay, formatYuan } from './queueFormat';

type SortField = (typeof SORT_FIELDS)[number];

/** Columns whose colId is a core sort field can be sorted (in SQLite); the others cannot. */
export function isSortField(colId: string): colId is SortField {
  return (SORT_FIELDS as readonly string[]).includes(colId);
}

/**
 * The queue's columns (台账 layout). Plain value formatters rather than React cell renderers: a 100-row
 * block paints in one pass, which the keystroke-to-rows budget (300 ms) needs. English titles and values
 * ("Escalated to county", "2021-10-28 overdue") are longer than the Chinese: those columns widen in English
 * rather than cut them.
 */
export function queueColumns(t: TFunction, language: string): ColDef<QueueRow>[] {
  const sortable = (colId: SortField): Partial<ColDef<QueueRow>> => ({ colId, sortable: true });
  const width = (zh: number, other: number) => (language === 'zh-CN' ? zh : other);
  return [
    {
      headerName: t('queue.col.caseNo'),
      field: 'caseNo',
      ...sortable('case_no'),
      // Pinned with the colour and the deadline: on a 1366×768 screen they stay in view while the rest scrolls.
      pinned: 'left',
      width: 196,
      cellClass: 'gc-mono gc-case-no',
    },
    {
      headerName: t('queue.col.warning'),
      field: 'warning',
      ...sortable('warning'),
      pinned: 'left',
      width: width(84, 104),
      valueFormatter: (p) => (p.value ? warningText(t, p.value) : ''),
      cellClass: (p) => (p.value ? `gc-warn-cell gc-warn-${String(p.value)}` : ''),
    },
    { headerName: t('queue.col.status'), field: 'status', width: width(92, 156), valueFormatter: (p) => (p.value ? statusText(t, p.value) : '') },
    { headerName: t('queue.col.category'), field: 'category', width: width(100, 164), valueFormatter: (p) => (p.value ? categoryText(t, p.value) : '') },
    {
      headerName: t('queue.col.parties'),
      colId: 'parties',
      width: width(160, 180),
      valueGetter: (p) => (p.data ? partiesText(t, p.data.partyNames) : ''),
      tooltipValueGetter: (p) => (typeof p.value === 'string' ? p.value : ''),
    },
    { headerName: t('queue.col.summary'), field: 'summary', flex: 1, minWidth: 240, tooltipField: 'summary' },
    {
      headerName: t('queue.col.place'),
      colId: 'place',
      width: 190,
      valueGetter: (p) => (p.data ? placeLabel(p.data) : ''),
      tooltipValueGetter: (p) => (typeof p.value === 'string' ? p.value : ''),
    },
    {
      headerName: t('queue.col.deadline'),
      field: 'deadline',
      ...sortable('deadline'),
      pinned: 'right',
      width: width(150, 168),
      valueFormatter: (p) => {
        if (!p.value || !p.data) return '';
        if (p.data.overdue) return t('queue.overdueMark', { date: p.value });
        if (p.data.dueSoon) return t('queue.dueSoonMark', { date: p.value });
        return p.value;
      },
      cellClass: (p) => (p.data?.overdue ? 'gc-num gc-overdue-cell' : p.data?.dueSoon ? 'gc-num gc-due-soon-cell' : 'gc-num'),
    },
    {
      headerName: t('queue.col.registeredAt'),
      field: 'registeredAt',
      ...sortable('registered_at'),
      width: width(112, 120),
      valueFormatter: (p) => chinaDay(p.value),
      cellClass: 'gc-num',
    },
    { headerName: t('queue.col.source'), field: 'source', width: width(96, 156), valueFormatter: (p) => (p.value ? sourceText(t, p.value) : '') },
    {
      headerName: t('queue.col.mediator'),
      field: 'mediatorName',
      width: 100,
      tooltipValueGetter: (p) => p.data?.orgName ?? '',
    },
    {
      headerName: t('queue.col.amount'),
      field: 'amountYuan',
      width: 116,
      type: 'rightAligned',
      valueFormatter: (p) => formatYuan(p.value, t),
      cellClass: 'gc-num',
    },
    { headerName: t('queue.col.people'), field: 'peopleInvolved', width: 78, type: 'rightAligned', cellClass: 'gc-num' },
    {
      headerName: t('queue.col.updatedAt'),
      field: 'updatedAt',
      ...sortable('updated_at'),
      width: 112,
      valueFormatter: (p) => chinaDay(p.value),
      cellClass: 'gc-num',
    },
  ];
}

/** Row tints: the warning colour, and overdue open cases (a red left rule) whatever their colour. */
export const queueRowClassRules: RowClassRules<QueueRow> = {
  'gc-row-red': (p) => p.data?.warning === 'red',
  'gc-row-yellow': (p) => p.data?.warning === 'yellow',
  'gc-row-blue': (p) => p.data?.warning === 'blue',
  'gc-row-overdue': (p) => p.data?.overdue === true,
};

/** 莲垅镇 / 泰利溪村 / 第3网格: a grid's name repeats its village's, so the grid is shown by its own part. */
export function placeLabel(r: Pick<QueueRow, 'townshipName' | 'villageName' | 'gridName'>): string {
  const grid = r.gridName && r.villageName && r.gridName.startsWith(r.villageName) ? r.gridName.slice(r.villageName.length) : r.gridName;
  return [r.townshipName, r.villageName, grid].filter(Boolean).join(' / ');
}
