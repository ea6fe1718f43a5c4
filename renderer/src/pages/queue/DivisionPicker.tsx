import { useEffect, useMemo, useState } from 'react';
import { Cascader } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../hooks/useCall';
import { buildDivisionTree, type DivisionRow } from '../divisions/divisionTree';

/** Where a case is: any prefix of county → township → village → grid. */
export interface Place {
  countyCode?: string | undefined;
  townshipCode?: string | undefined;
  villageCode?: string | undefined;
  gridId?: number | undefined;
}

interface Option {
  value: string;
  label: string;
  isLeaf?: boolean;
  children?: Option[];
}

type GridItem = { id: number; code: string; name: string };

const GRID_PREFIX = 'grid:';

interface Props {
  value: Place;
  onChange(place: Place): void;
  /** Offer the grids of a village (loaded when the village is opened). */
  withGrids?: boolean;
  /** Any level may be picked (a filter); otherwise only a village or a grid (intake). */
  anyLevel?: boolean;
  id?: string;
  placeholder?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
  status?: 'error';
}

/**
 * Cascading selectors over the node's divisions (from divisions.tree) and, on demand, a village's grids
 * (disputes.gridsOfVillage). Typing filters by name at every level.
 */
export function DivisionPicker({ value, onChange, withGrids = true, anyLevel = true, id, placeholder, style, status, ...rest }: Props) {
  const { t } = useTranslation();
  const tree = useCall('divisions.tree', { depth: 'village' });
  const [grids, setGrids] = useState<ReadonlyMap<string, GridItem[]>>(new Map());

  const built = useMemo(() => buildDivisionTree(tree.data?.nodes ?? []), [tree.data]);
  const options = useMemo(() => {
    const toOption = (row: DivisionRow): Option => {
      if (row.level === 'village') {
        const list = grids.get(row.code);
        return {
          value: row.code,
          label: row.name,
          isLeaf: !withGrids || (list !== undefined && list.length === 0),
          ...(list && list.length > 0 ? { children: list.map((g) => ({ value: `${GRID_PREFIX}${g.id}`, label: g.name, isLeaf: true })) } : {}),
        };
      }
      return { value: row.code, label: row.name, ...(row.children ? { children: row.children.map(toOption) } : { isLeaf: true }) };
    };
    return topRows(built.roots).map(toOption);
  }, [built, grids, withGrids]);

  const path = useMemo(() => {
    const tops = new Set(topRows(built.roots).map((r) => r.code));
    return placePath(value, built.parentOf, tops);
  }, [value, built]);

  const loadGrids = (villageCode: string) => {
    void call('disputes.gridsOfVillage', { villageCode }).then(
      (res) => setGrids((old) => new Map(old).set(villageCode, res.grids)),
      () => setGrids((old) => new Map(old).set(villageCode, [])),
    );
  };
  const loadData = (selected: Option[]) => {
    const last = selected[selected.length - 1];
    if (!last || !withGrids || grids.has(last.value)) return;
    loadGrids(last.value);
  };
  // A grid set from outside (a saved view, a point on the map) needs its village's grids for its name.
  const villageOfGrid = value.gridId !== undefined ? value.villageCode : undefined;
  useEffect(() => {
    if (villageOfGrid && withGrids && !grids.has(villageOfGrid)) loadGrids(villageOfGrid);
  }, [villageOfGrid, withGrids, grids]);

  return (
    <Cascader<Option>
      id={id}
      aria-label={rest['aria-label']}
      status={status}
      style={style}
      options={options}
      value={path}
      loadData={loadData}
      changeOnSelect={anyLevel}
      showSearch={{ filter: (input, opts) => opts.some((o) => o.label.includes(input.trim())) }}
      placeholder={placeholder ?? t('queue.filter.place')}
      loading={tree.loading}
      allowClear
      onChange={(values) => onChange(placeFromPath((values ?? []).map(String), built.byCode))}
    />
  );
}

function placeFromPath(values: readonly string[], byCode: ReadonlyMap<string, DivisionRow>): Place {
  const place: Place = {};
  for (const v of values) {
    if (v.startsWith(GRID_PREFIX)) {
      place.gridId = Number(v.slice(GRID_PREFIX.length));
      continue;
    }
    const level = byCode.get(v)?.level;
    if (level === 'county') place.countyCode = v;
    else if (level === 'township') place.townshipCode = v;
    else if (level === 'village') place.villageCode = v;
  }
  return place;
}

/** The node itself (a city or a county) is not a choice: the picker starts below it. */
function topRows(roots: readonly DivisionRow[]): readonly DivisionRow[] {
  const only = roots.length === 1 ? roots[0] : undefined;
  return only?.children ?? roots;
}

function placePath(place: Place, parentOf: ReadonlyMap<string, string>, tops: ReadonlySet<string>): string[] {
  const deepest = place.villageCode ?? place.townshipCode ?? place.countyCode;
  if (!deepest) return [];
  const chain: string[] = [];
  for (let code: string | undefined = deepest; code !== undefined; code = parentOf.get(code)) {
    chain.unshift(code);
    if (tops.has(code)) break;
  }
  if (place.gridId !== undefined) chain.push(`${GRID_PREFIX}${place.gridId}`);
  return chain;
}
