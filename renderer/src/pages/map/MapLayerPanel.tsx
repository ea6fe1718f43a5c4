import { Checkbox, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ControlOutlined } from '@ant-design/icons';
import { MapCollapse } from './MapCollapse';
import { MEASURES, type Measure } from './mapColors';
import type { BaseMapOption } from './useBaseMap';
import { DISPUTE_CATEGORIES, OPEN_STATUSES, WARNING_LEVELS, type DisputeCategory, type WarningLevel } from '../../../../shared/domain/disputeStatus';
import { SERVICE_POINT_CATEGORY_CODES } from '../../../../shared/domain/servicePoints';
import { categoryText, servicePointCategoryText, statusText, warningName } from '../../lib/labels';

export type LayerKey = 'grids' | 'disputes' | 'servicePoints';
export type OpenStatus = (typeof OPEN_STATUSES)[number];

/** The dispute filter the map shares with the queue (status, category, warning); empty = all open. */
export interface DisputeFilterState {
  statuses: OpenStatus[];
  categories: DisputeCategory[];
  warnings: WarningLevel[];
}

interface Props {
  measure: Measure;
  onMeasure(m: Measure): void;
  layers: ReadonlySet<LayerKey>;
  onLayers(next: Set<LayerKey>): void;
  filter: DisputeFilterState;
  onFilter(next: DisputeFilterState): void;
  categories: ReadonlySet<string>;
  onCategories(next: Set<string>): void;
  baseMaps: readonly BaseMapOption[];
  baseMap: string;
  onBaseMap(key: string): void;
}

const LAYERS: readonly LayerKey[] = ['grids', 'disputes', 'servicePoints'];

/** The map's controls: the measure that colours the grids, layer toggles, dispute filter, base map. */
export function MapLayerPanel(p: Props) {
  const { t } = useTranslation();
  return (
    <MapCollapse
      storageKey="ggc.map.panelOpen"
      label={t('map.panel.show')}
      hideLabel={t('map.panel.hide')}
      icon={<ControlOutlined />}
      className="gc-map-panel"
      toggleClassName="gc-map-panel-toggle"
      testId="map-layer-panel"
    >
      <Typography.Text strong>{t('map.panel.measure')}</Typography.Text>
      <Radio.Group
        size="small"
        optionType="button"
        value={p.measure}
        onChange={(e) => p.onMeasure(e.target.value as Measure)}
        options={MEASURES.map((m) => ({ value: m, label: t(`map.measure.${m}`) }))}
        data-testid="map-measure"
      />
      <Typography.Text strong>{t('map.panel.layers')}</Typography.Text>
      <Space orientation="vertical" size={2}>
        {LAYERS.map((l) => (
          <Checkbox
            key={l}
            checked={p.layers.has(l)}
            data-testid={`map-layer-${l}`}
            onChange={(e) => {
              const next = new Set(p.layers);
              if (e.target.checked) next.add(l);
              else next.delete(l);
              p.onLayers(next);
            }}
          >
            {t(`map.layer.${l}`)}
          </Checkbox>
        ))}
      </Space>
      {p.layers.has('disputes') && (
        <>
          <Typography.Text strong>{t('map.panel.disputeFilter')}</Typography.Text>
          <Select
            mode="multiple"
            size="small"
            allowClear
            maxTagCount="responsive"
            placeholder={t('map.filter.allOpenStatuses')}
            aria-label={t('map.filter.status')}
            value={p.filter.statuses}
            onChange={(v: OpenStatus[]) => p.onFilter({ ...p.filter, statuses: v })}
            options={OPEN_STATUSES.map((s) => ({ value: s, label: statusText(t, s) }))}
            data-testid="map-filter-status"
          />
          <Select
            mode="multiple"
            size="small"
            allowClear
            maxTagCount="responsive"
            placeholder={t('map.filter.allCategories')}
            aria-label={t('map.filter.category')}
            value={p.filter.categories}
            onChange={(v: DisputeCategory[]) => p.onFilter({ ...p.filter, categories: v })}
            options={DISPUTE_CATEGORIES.map((c) => ({ value: c, label: categoryText(t, c) }))}
            data-testid="map-filter-category"
          />
          <Select
            mode="multiple"
            size="small"
            allowClear
            maxTagCount="responsive"
            placeholder={t('map.filter.allWarnings')}
            aria-label={t('map.filter.warning')}
            value={p.filter.warnings}
            onChange={(v: WarningLevel[]) => p.onFilter({ ...p.filter, warnings: v })}
            options={WARNING_LEVELS.map((w) => ({ value: w, label: warningName(t, w) }))}
            data-testid="map-filter-warning"
          />
        </>
      )}
      {p.layers.has('servicePoints') && (
        <>
          <Typography.Text strong>{t('map.panel.pointCategories')}</Typography.Text>
          <Select
            mode="multiple"
            size="small"
            maxTagCount="responsive"
            aria-label={t('map.panel.pointCategories')}
            value={[...p.categories]}
            onChange={(v: string[]) => p.onCategories(new Set(v))}
            options={SERVICE_POINT_CATEGORY_CODES.map((c) => ({ value: c, label: servicePointCategoryText(t, c) }))}
            data-testid="map-point-categories"
          />
        </>
      )}
      <Typography.Text strong>{t('map.panel.baseMap')}</Typography.Text>
      <Select
        size="small"
        value={p.baseMap}
        onChange={p.onBaseMap}
        aria-label={t('map.panel.baseMap')}
        options={p.baseMaps.map((o) => ({ value: o.key, label: o.online ? t('format.withNote', { name: o.label, note: t('map.baseMap.online') }) : o.label }))}
        data-testid="map-basemap"
      />
    </MapCollapse>
  );
}
