import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { SearchHit } from '../../../../shared/contract/map';
import type { GridCard } from '../../../../shared/contract/grids';
import { levelOfCode, parentOfCode } from '../../../../shared/domain/divisionCodes';
import { SERVICE_POINT_CATEGORY_CODES } from '../../../../shared/domain/servicePoints';
import { useAccount } from '../../session/sessionContext';
import { useCall } from '../../hooks/useCall';
import { useDataChanged } from '../../hooks/useDataChanged';
import { CallError } from '../../components/CallError';
import { L } from './leaflet';
import './map.css';
import { MapView } from './MapView';
import { childLevel, detailZoom, focusChain, parseFocus, parseGridCode, villageOfGrid } from './mapFocus';
import { quantileScale, type Measure } from './mapColors';
import type { Bbox } from '../../../../shared/domain/geometry';
import { useBoundaryData } from './useBoundaryData';
import { useDisputePoints, useServicePoints } from './useMapPoints';
import { useBaseMap } from './useBaseMap';
import { MapSearch } from './MapSearch';
import { MapBreadcrumb } from './MapBreadcrumb';
import { MapLegend } from './MapLegend';
import { MapLayerPanel, type DisputeFilterState, type LayerKey } from './MapLayerPanel';
import { GridCardDrawer } from './GridCardDrawer';
import { GridFillLayer } from './layers/GridFillLayer';
import { OutlineLayer } from './layers/OutlineLayer';
import { LabelLayer } from './layers/LabelLayer';
import { ServicePointLayer } from './layers/ServicePointLayer';
import { DisputeLayer } from './layers/DisputeLayer';
import { BaseMapLayer } from './layers/BaseMapLayer';
import { HighlightLayer } from './layers/HighlightLayer';
import { PointPopup, type PointSelection } from './layers/PointPopup';

const ALL_LAYERS: readonly LayerKey[] = ['grids', 'disputes', 'servicePoints'];
const NO_FILTER: DisputeFilterState = { statuses: [], categories: [], warnings: [] };

function toBounds(b: Bbox): L.LatLngBounds {
  return L.latLngBounds([b[1], b[0]], [b[3], b[2]]);
}

/**
 * 网格地图: the account's area drawn from our own boundaries, drilled down city → county → township →
 * village (the focus is in the URL), grids coloured by a measure, open disputes and service points on top,
 * and a grid's card on click.
 */
export function MapPage() {
  const { t } = useTranslation();
  const account = useAccount();
  const root = account.divisionCode;
  const [params, setParams] = useSearchParams();
  const focus = parseFocus(params.get('focus'), root);
  const gridCode = parseGridCode(params.get('grid'));
  const focusLevel = levelOfCode(focus);
  const atVillage = focusLevel === 'village';
  const zoom = detailZoom(focusLevel);

  const [measure, setMeasure] = useState<Measure>('openDisputes');
  const [layers, setLayers] = useState<Set<LayerKey>>(() => new Set(ALL_LAYERS));
  const [filter, setFilter] = useState<DisputeFilterState>(NO_FILTER);
  const [categories, setCategories] = useState<Set<string>>(() => new Set(SERVICE_POINT_CATEGORY_CODES));
  const [selection, setSelection] = useState<PointSelection | null>(null);
  const [pointsIndexed, setPointsIndexed] = useState(false);
  const baseMap = useBaseMap(t('map.baseMap.none'), t('map.baseMap.tianditu'));

  // Geometry: the focus's grids and children, and around them the focus's siblings (the other townships
  // of its county, …) so the view is never an island.
  const grids = useBoundaryData('grid', focus, zoom);
  const children = useBoundaryData(childLevel(focusLevel), focus, zoom, !atVillage);
  const parent = parentOfCode(focus) ?? focus;
  const siblingLevel = focus !== root && focusLevel !== 'province' && focusLevel !== 'city' ? focusLevel : null;
  const siblings = useBoundaryData(siblingLevel ?? 'county', parent, detailZoom(levelOfCode(parent)), siblingLevel !== null);
  const measures = useCall('map.measures', { level: 'grid', parentCode: focus });
  useDataChanged(measures.reload, ['dispute', 'grid']);
  const tree = useCall('divisions.tree', { depth: 'township' });
  const servicePoints = useServicePoints(layers.has('servicePoints'));
  const disputes = useDisputePoints(filter, layers.has('disputes'));

  const names = useMemo(() => {
    const m = new Map<string, string>([[root, account.divisionName]]);
    for (const n of tree.data?.nodes ?? []) m.set(n.code, n.name);
    for (const d of [siblings.data, children.data, grids.data]) for (const [c, n] of d?.names ?? []) m.set(c, n);
    return m;
  }, [root, account.divisionName, tree.data, children.data, siblings.data, grids.data]);

  // The grid fill: one colour class per quantile of the chosen measure over the grids in view.
  const values = useMemo(() => {
    const m = measures.data;
    const out = new Map<string, number>();
    if (m) m.codes.forEach((code, i) => out.set(code, m[measure][i] ?? 0));
    return out;
  }, [measures.data, measure]);
  const scale = useMemo(() => (measures.data ? quantileScale(measure, [...values.values()]) : null), [measures.data, measure, values]);
  const colorOf = useCallback((code: string) => (scale ? scale.colorOf(values.get(code) ?? 0) : '#f4f4f0'), [scale, values]);

  // ---------------------------------------------------------------- navigation
  const mapRef = useRef<L.Map | null>(null);
  const flyToGrid = useRef<string | null>(null);
  const go = useCallback(
    (nextFocus: string, nextGrid: string | null = null) => {
      const p = new URLSearchParams();
      if (nextFocus !== root) p.set('focus', nextFocus);
      if (nextGrid) p.set('grid', nextGrid);
      setSelection(null);
      setParams(p);
    },
    [root, setParams, setSelection],
  );
  const openGrid = useCallback((code: string) => go(villageOfGrid(code), code), [go]);

  const onPick = useCallback(
    (hit: SearchHit) => {
      const map = mapRef.current;
      if (hit.kind === 'grid') {
        flyToGrid.current = hit.key;
        openGrid(hit.key);
        if (map && hit.bbox) map.flyToBounds(toBounds(hit.bbox), { maxZoom: 16, duration: 0.8 });
      } else if (hit.kind === 'division') {
        go(hit.level === 'city' || hit.level === 'province' ? root : hit.key);
      } else if (hit.center && map) {
        map.flyTo([hit.center[1], hit.center[0]], 16, { duration: 0.8 });
        setSelection({ kind: 'servicePoint', id: Number(hit.key), at: [hit.center[1], hit.center[0]] });
      }
    },
    [go, openGrid, root, setSelection],
  );

  // Fit the view once per focus, when its geometry arrives (or to the grid a search picked).
  const fittedFocus = useRef<string | null>(null);
  useEffect(() => {
    const map = mapRef.current;
    const data = grids.data ?? children.data;
    if (!map || !data) return;
    const wantGrid = flyToGrid.current;
    if (fittedFocus.current === focus && !wantGrid) return;
    const first = fittedFocus.current === null;
    fittedFocus.current = focus;
    const gridBox = wantGrid ? grids.data?.boxes.get(wantGrid) : undefined;
    flyToGrid.current = null;
    const box = gridBox ?? children.data?.bbox ?? data.bbox;
    if (!box) return;
    if (first) map.fitBounds(toBounds(box), { padding: [16, 16] });
    else map.flyToBounds(toBounds(box), { padding: [24, 24], duration: 0.6, ...(gridBox ? { maxZoom: 16 } : {}) });
  }, [focus, grids.data, children.data]);

  const locateCard = useCallback((c: GridCard) => mapRef.current?.flyToBounds(toBounds(c.bbox), { maxZoom: 16, duration: 0.6 }), []);

  // ---------------------------------------------------------------- readiness (tests and the bench)
  const drawn =
    !!grids.data &&
    (atVillage || !!children.data) &&
    !!measures.data &&
    (!layers.has('disputes') || !!disputes.points) &&
    (!layers.has('servicePoints') || (!!servicePoints.points && pointsIndexed));
  const [drawnAt, setDrawnAt] = useState<number | null>(null);
  useEffect(() => {
    if (!drawn || drawnAt !== null) return;
    // After the canvases have painted: Leaflet redraws on the next animation frame.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const raf = requestAnimationFrame(() => {
      timer = setTimeout(() => setDrawnAt(performance.now()), 0);
    });
    return () => {
      cancelAnimationFrame(raf);
      if (timer) clearTimeout(timer);
    };
  }, [drawn, drawnAt]);

  const chain = focusChain(root, focus);
  const gridFeature = gridCode ? grids.data?.features.find((f) => f.code === gridCode) : undefined;
  const loadError = grids.error ?? children.error ?? measures.error ?? null;
  const visibleCategories = SERVICE_POINT_CATEGORY_CODES.filter((c) => categories.has(c));

  return (
    <Flex vertical gap={8} style={{ flex: 1, minHeight: 0 }} data-testid="map-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={1} className="gc-page-title" style={{ margin: 0 }}>
            {t('map.title')}
          </Typography.Title>
          <MapBreadcrumb chain={chain} nameOf={(c) => names.get(c)} gridName={gridFeature?.name ?? (gridCode ? gridCode : null)} onPick={(c) => go(c)} />
        </Flex>
        <MapSearch onPick={onPick} />
      </Flex>
      {loadError !== null && !grids.data && <CallError error={loadError} onRetry={grids.reload} />}
      {(servicePoints.withoutLocation > 0 || disputes.withoutLocation > 0) && (
        <Alert
          type="info"
          showIcon
          closable
          title={t('map.withoutLocation', {
            what: [
              servicePoints.withoutLocation > 0 ? t('map.pointsCount', { count: servicePoints.withoutLocation }) : null,
              disputes.withoutLocation > 0 ? t('map.disputesCount', { count: disputes.withoutLocation }) : null,
            ]
              .filter((part) => part !== null)
              .join(t('map.listJoin')),
          })}
        />
      )}
      <div
        className="gc-map-frame"
        data-testid="map"
        data-focus={focus}
        data-focus-level={focusLevel}
        data-ready={drawn ? 'true' : 'false'}
        data-drawn-ms={drawnAt !== null ? drawnAt.toFixed(1) : undefined}
        data-grids={grids.data?.features.length ?? 0}
        data-points={servicePoints.points?.length ?? 0}
        data-disputes={disputes.points?.length ?? 0}
      >
        <MapView onReady={(m) => (mapRef.current = m)}>
          <BaseMapLayer choice={baseMap.choice} />
          {siblings.data && <OutlineLayer data={siblings.data} pane="context" color="#8c8c8c" weight={1.2} onSelect={(c) => go(c)} skipCode={focus} />}
          {grids.data && layers.has('grids') && (
            <GridFillLayer data={grids.data} colorOf={colorOf} {...(atVillage ? { onClick: openGrid } : {})} />
          )}
          {grids.data && !layers.has('grids') && atVillage && <OutlineLayer data={grids.data} pane="children" color="#1f3a5f" weight={1.5} onSelect={openGrid} />}
          {children.data && <OutlineLayer data={children.data} pane="children" color="#1f3a5f" weight={focusLevel === 'city' || focusLevel === 'province' ? 2 : 1.6} onSelect={(c) => go(c)} />}
          {children.data && <LabelLayer data={children.data} minZoom={mapMinLabelZoom(focusLevel)} onClick={(c) => go(c)} testIdPrefix="map-label" />}
          {siblings.data && (
            <LabelLayer data={siblings.data} minZoom={mapMinLabelZoom(levelOfCode(parent))} onClick={(c) => go(c)} testIdPrefix="map-sibling-label" muted skipCode={focus} />
          )}
          {grids.data && atVillage && (
            <LabelLayer data={grids.data} minZoom={13} text={(code, name) => name || code.slice(-3)} onClick={openGrid} testIdPrefix="map-grid-label" />
          )}
          <HighlightLayer feature={gridFeature} />
          {layers.has('servicePoints') && servicePoints.points && (
            <ServicePointLayer
              points={servicePoints.points}
              visible={categories}
              onClick={(id, at) => setSelection({ kind: 'servicePoint', id, at: [at.lat, at.lng] })}
              onLoaded={() => setPointsIndexed(true)}
            />
          )}
          {layers.has('disputes') && disputes.points && (
            <DisputeLayer points={disputes.points} onClick={(point, at) => setSelection({ kind: 'dispute', point, at: [at.lat, at.lng] })} />
          )}
          <PointPopup selection={selection} onClose={() => setSelection(null)} />
        </MapView>
        <MapLayerPanel
          measure={measure}
          onMeasure={setMeasure}
          layers={layers}
          onLayers={setLayers}
          filter={filter}
          onFilter={setFilter}
          categories={categories}
          onCategories={setCategories}
          baseMaps={baseMap.options}
          baseMap={baseMap.activeKey}
          onBaseMap={baseMap.select}
        />
        <MapLegend
          measure={measure}
          scale={scale}
          showDisputes={layers.has('disputes')}
          showPoints={layers.has('servicePoints')}
          categories={visibleCategories}
        />
        {!drawn && (
          <div className="gc-map-loading" data-testid="map-loading">
            <Spin />
          </div>
        )}
      </div>
      <GridCardDrawer gridCode={gridCode} onClose={() => go(focus)} onLocate={locateCard} />
    </Flex>
  );
}

/** Labels of a focus's children appear from about the zoom at which the focus fills the map. */
function mapMinLabelZoom(focusLevel: string): number {
  switch (focusLevel) {
    case 'province':
    case 'city':
      return 7;
    case 'county':
      return 9.5;
    case 'township':
      return 11.5;
    default:
      return 13;
  }
}
