import type { ReactNode } from 'react';
import { Col, Row, Skeleton, Typography } from 'antd';
import {
  ApartmentOutlined,
  AlertOutlined,
  BankOutlined,
  BorderInnerOutlined,
  HomeOutlined,
  ShopOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DivisionNode } from '../../../shared/contract';
import { DIVISION_LEVELS } from '../../../shared/domain/divisionCodes';
import { useCall } from '../hooks/useCall';
import { useDataChanged } from '../hooks/useDataChanged';
import { CallError } from '../components/CallError';
import { StatLinkCard } from '../components/StatLinkCard';

interface Figure {
  key: string;
  title: string;
  value: number;
  suffix: string;
  icon: ReactNode;
}

/** Today's first figures, live from divisions.tree at this account's root; each opens the division table. */
export function DashboardPage() {
  const { t } = useTranslation();
  // Down to townships is enough: the root's counts already include every village inside it.
  const tree = useCall('divisions.tree', { depth: 'township' });
  // The figures count divisions, grids, service points and disputes: any change may move them.
  useDataChanged(tree.reload);

  if (tree.error && !tree.data) return <CallError error={tree.error} onRetry={tree.reload} />;
  if (!tree.data) return <Skeleton active />;

  const nodes = tree.data.nodes;
  const root = nodes.find((n) => n.parentCode === null);
  if (!root) return <CallError error={null} onRetry={tree.reload} />;
  const figures = figuresFor(root, nodes, t);

  return (
    <div data-testid="dashboard">
      <Typography.Title level={1} className="gc-page-title" style={{ marginTop: 0 }}>
        {t('dashboard.subtitle', { name: root.name })}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        {figures.map((f) => (
          <Col key={f.key} xs={12} md={8} xl={4}>
            <StatLinkCard
              testId={`stat-${f.key}`}
              title={f.title}
              value={f.value}
              suffix={f.suffix}
              icon={f.icon}
              to="/divisions"
              hint={t('dashboard.clickHint')}
            />
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        {t('dashboard.moreSoon')}
      </Typography.Paragraph>
    </div>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function figuresFor(root: DivisionNode, nodes: DivisionNode[], t: T): Figure[] {
  const below = (level: 'county' | 'township') =>
    DIVISION_LEVELS.indexOf(level) > DIVISION_LEVELS.indexOf(root.level);
  const count = (level: 'county' | 'township') => nodes.filter((n) => n.level === level).length;
  const place = t('dashboard.unitPlace');
  const figures: Figure[] = [];
  if (below('county')) figures.push({ key: 'counties', title: t('dashboard.counties'), value: count('county'), suffix: place, icon: <BankOutlined /> });
  if (below('township')) figures.push({ key: 'townships', title: t('dashboard.townships'), value: count('township'), suffix: place, icon: <ApartmentOutlined /> });
  if (root.level !== 'village') figures.push({ key: 'villages', title: t('dashboard.villages'), value: root.counts.villages, suffix: place, icon: <HomeOutlined /> });
  figures.push(
    { key: 'grids', title: t('dashboard.grids'), value: root.counts.grids, suffix: place, icon: <BorderInnerOutlined /> },
    { key: 'servicePoints', title: t('dashboard.servicePoints'), value: root.counts.servicePoints, suffix: place, icon: <ShopOutlined /> },
    { key: 'openDisputes', title: t('dashboard.openDisputes'), value: root.counts.openDisputes, suffix: t('dashboard.unitCase'), icon: <AlertOutlined /> },
  );
  return figures;
}
