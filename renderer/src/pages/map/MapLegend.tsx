import { useTranslation } from 'react-i18next';
import { BgColorsOutlined } from '@ant-design/icons';
import { MapCollapse } from './MapCollapse';
import { formatCount } from '../../lib/format';
import { CATEGORY_COLORS, OTHER_CATEGORY_COLOR, WARNING_COLORS, ZERO_FILL, type ColorScale, type Measure } from './mapColors';
import { WARNING_LEVELS } from '../../../../shared/domain/disputeStatus';
import { servicePointCategoryText, warningName } from '../../lib/labels';

interface Props {
  measure: Measure;
  scale: ColorScale | null;
  showDisputes: boolean;
  showPoints: boolean;
  categories: readonly string[];
}

function Swatch({ color, round }: { color: string; round?: boolean }) {
  return <span className={round ? 'gc-swatch gc-swatch-round' : 'gc-swatch'} style={{ background: color }} />;
}

/** What the colours mean: the grid fill classes, the warning colours, the service-point categories. */
export function MapLegend({ measure, scale, showDisputes, showPoints, categories }: Props) {
  const { t } = useTranslation();
  return (
    <MapCollapse
      storageKey="ggc.map.legendOpen"
      label={t('map.legend.title')}
      hideLabel={t('map.legend.hide')}
      icon={<BgColorsOutlined />}
      className="gc-map-legend"
      toggleClassName="gc-map-legend-toggle"
      testId="map-legend"
    >
      <div className="gc-map-legend-title">{t(`map.measure.${measure}`)}</div>
      <div>
        <Swatch color={ZERO_FILL} /> 0
      </div>
      {scale?.classes.map((c) => (
        <div key={c.color} data-testid="map-legend-class">
          <Swatch color={c.color} /> {c.from === c.to ? formatCount(c.from) : `${formatCount(c.from)} – ${formatCount(c.to)}`}
        </div>
      ))}
      {showDisputes && (
        <>
          <div className="gc-map-legend-title">{t('map.legend.disputes')}</div>
          {WARNING_LEVELS.map((w) => (
            <div key={w}>
              <Swatch color={WARNING_COLORS[w]} round /> {warningName(t, w)}
            </div>
          ))}
        </>
      )}
      {showPoints && categories.length > 0 && (
        <>
          <div className="gc-map-legend-title">{t('map.legend.points')}</div>
          {categories.map((c) => (
            <div key={c}>
              <Swatch color={CATEGORY_COLORS[c] ?? OTHER_CATEGORY_COLOR} round /> {servicePointCategoryText(t, c)}
            </div>
          ))}
        </>
      )}
    </MapCollapse>
  );
}
