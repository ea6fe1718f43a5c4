import { SERVICE_POINT_CATEGORIES } from '../../../shared/domain/servicePoints';
import { LEVEL_ZH } from './validate';

/**
 * The directory's spreadsheet layout, shared by export and import so an exported file imports back
 * unchanged. 编号 is the point's id: a row with one updates that point, a row without adds a new one.
 */
export const SHEET_COLUMNS = [
  { header: '编号', key: 'id', width: 8 },
  { header: '名称', key: 'name', width: 30 },
  { header: '类别', key: 'category', width: 20 },
  { header: '层级', key: 'level', width: 8 },
  { header: '所属区划代码', key: 'divisionCode', width: 15 },
  { header: '所属区划', key: 'divisionName', width: 14 },
  { header: '地址', key: 'address', width: 30 },
  { header: '经度', key: 'lon', width: 12 },
  { header: '纬度', key: 'lat', width: 12 },
  { header: '电话', key: 'phone', width: 16 },
  { header: '开放时间', key: 'hours', width: 20 },
  { header: '联系人', key: 'contactName', width: 10 },
  { header: '工作人员数', key: 'staffCount', width: 10 },
  { header: '备注', key: 'notes', width: 30 },
] as const;
export type SheetKey = (typeof SHEET_COLUMNS)[number]['key'];

export const HEADER_OF: Record<string, string> = Object.fromEntries(SHEET_COLUMNS.map((c) => [c.key, c.header]));

const CATEGORY_BY_LABEL = new Map<string, string>(SERVICE_POINT_CATEGORIES.flatMap((c) => [[c.zh, c.code], [c.code, c.code]]));
const LEVEL_BY_LABEL = new Map<string, string>(Object.entries(LEVEL_ZH).flatMap(([code, zh]) => [[zh, code], [code, code], [`${zh}级`, code]]));

/** Accept the Chinese label or the code; unknown text passes through for the schema to refuse by name. */
export const categoryFromCell = (text: string) => CATEGORY_BY_LABEL.get(text) ?? text;
export const levelFromCell = (text: string) => LEVEL_BY_LABEL.get(text) ?? text;
