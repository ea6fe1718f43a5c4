import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DIVISION_LEVELS } from '../../../../shared/domain/divisionCodes';
import { formatCount } from '../../lib/format';
import type { DivisionRow } from './divisionTree';

interface Item {
  key: string;
  label: string;
  value: number;
}

/** The root's totals, above the table: "合计 益阳市 · 县(区) 8 · 乡镇(街道) 98 · …". */
export function DivisionTotals({ root, levelCounts }: { root: DivisionRow; levelCounts: ReadonlyMap<string, number> }) {
  const { t } = useTranslation();
  const rootDepth = DIVISION_LEVELS.indexOf(root.level);
  const items: Item[] = [];
  if (DIVISION_LEVELS.indexOf('county') > rootDepth) {
    items.push({ key: 'counties', label: t('dashboard.counties'), value: levelCounts.get('county') ?? 0 });
  }
  if (DIVISION_LEVELS.indexOf('township') > rootDepth) {
    items.push({ key: 'townships', label: t('dashboard.townships'), value: levelCounts.get('township') ?? 0 });
  }
  if (root.level !== 'village') items.push({ key: 'villages', label: t('dashboard.villages'), value: root.counts.villages });
  items.push(
    { key: 'grids', label: t('dashboard.grids'), value: root.counts.grids },
    { key: 'servicePoints', label: t('dashboard.servicePoints'), value: root.counts.servicePoints },
    { key: 'openDisputes', label: t('dashboard.openDisputes'), value: root.counts.openDisputes },
  );
  return (
    <Flex wrap gap="4px 20px" align="baseline" data-testid="division-totals" aria-label={t('divisions.totals')} role="group">
      <Typography.Text strong>{t('divisions.totalsOf', { name: root.name })}</Typography.Text>
      {items.map((item) => (
        <Typography.Text key={item.key} data-testid={`total-${item.key}`}>
          <Typography.Text type="secondary">{item.label}</Typography.Text>{' '}
          <Typography.Text strong className="gc-num" data-value={item.value}>
            {formatCount(item.value)}
          </Typography.Text>
        </Typography.Text>
      ))}
    </Flex>
  );
}
