import { useEffect, useMemo, useRef, useState } from 'react';
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
  /** county, township, village or grid: which levels a search may pick. */
  level: DivisionRow['level'] | 'grid';
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
 * (disputes.gridsOfVillage). Typing filters by name at every level, and a click or Enter on a result picks
 * it (a village found by name, though it has grids below it); Enter alone picks a unique match.
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
          level: row.level,
          isLeaf: !withGrids || (list !== undefined && list.length === 0),
          ...(list && list.length > 0 ? { children: list.map((g) => ({ value: `${GRID_PREFIX}${g.id}`, label: g.name, level: 'grid' as const, isLeaf: true })) } : {}),
        };
      }
      return { value: row.code, label: row.name, level: row.level, ...(row.children ? { children: row.children.map(toOption) } : { isLeaf: true }) };
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

  // Typing: a result is picked where it stands (the menus need changeOnSelect for a village with grids).
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const arrowed = useRef(false);
  const pickable = (path: readonly Option[]) => anyLevel || ['village', 'grid'].includes(path[path.length - 1]?.level ?? '');
  const matches = useMemo(() => (search.trim() ? namedPaths(options, search.trim()).filter(pickable) : []), [options, search, anyLevel]); // eslint-disable-line react-hooks/exhaustive-deps
  const pick = (values: readonly string[]) => onChange(placeFromPath(values, built.byCode));

  return (
    <Cascader<Option>
      id={id}
      aria-label={rest['aria-label']}
      status={status}
      style={style}
      options={options}
      value={path}
      loadData={loadData}
      changeOnSelect={anyLevel || search.trim() !== ''}
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setSearch('');
      }}
      showSearch={{
        searchValue: search,
        onSearch: (text) => {
          arrowed.current = false;
          setSearch(text);
        },
        filter: (input, opts) => pickable(opts) && opts.some((o) => o.label.includes(input.trim())),
        // The places named so first, then the places inside them.
        sort: (a, b, input) => Number(!lastNamed(b, input)) - Number(!lastNamed(a, input)) || a.length - b.length,
      }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') arrowed.current = true;
        // Enter with no result highlighted: a unique match by name is picked, by keyboard alone.
        const only = matches.length === 1 ? matches[0] : undefined;
        if (e.key === 'Enter' && !arrowed.current && only) {
          e.preventDefault();
          pick(only.map((o) => o.value));
          setSearch('');
          setOpen(false);
        }
      }}
      placeholder={placeholder ?? t('queue.filter.place')}
      loading={tree.loading}
      allowClear
      onChange={(values) => pick((values ?? []).map(String))}
    />
  );
}

/** Whether the last place of a path carries the typed name. */
function lastNamed(path: readonly Option[], input: string): boolean {
  return path[path.length - 1]?.label.includes(input.trim()) ?? false;
}

/** Every path (county → … → the place) whose own place is named with the text. */
function namedPaths(options: readonly Option[], text: string): Option[][] {
  const out: Option[][] = [];
  const dig = (list: readonly Option[], above: Option[]) => {
    for (const o of list) {
      const path = [...above, o];
      if (o.label.includes(text)) out.push(path);
      if (o.children) dig(o.children, path);
    }
  };
  dig(options, []);
  return out;
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
