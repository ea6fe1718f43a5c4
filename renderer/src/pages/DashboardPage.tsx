import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Card, Col, Row, Skeleton, Table, Typography } from 'antd';
import {
  ApartmentOutlined,
  AlertOutlined,
  BankOutlined,
  BorderInnerOutlined,
  HomeOutlined,
  ShopOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import type { DivisionNode, QueueFilter, Workbench } from '../../../shared/contract';
import { DIVISION_LEVELS } from '../../../shared/domain/divisionCodes';
import { useCall } from '../hooks/useCall';
import { useDataChanged } from '../hooks/useDataChanged';
import { CallError } from '../components/CallError';
import { StatLinkCard } from '../components/StatLinkCard';
import { useAccount, useMayCall } from '../session/sessionContext';
import { ReportCard } from './dashboard/ReportCard';
import { queueLink } from './dashboard/queueLink';

interface Figure {
  key: string;
  title: string;
  value: number;
  suffix: string;
  icon: ReactNode;
}

/**
 * 工作台, per role: the caller's own work first (a mediator's own cases due soon and overdue, the desk's
 * intake and waiting cases, the director's red warnings, overdue cases and township ranking), each figure a
 * link to exactly those rows in the queue; the 成绩单 with trends for the director and the leader; then
 * the area's standing figures. The wall display has its own page.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const account = useAccount();
  const may = useMayCall();
  if (account.role === 'wall') return <Navigate to="/wall" replace />;
  const seesArea = account.role !== 'mediator' && account.role !== 'grid_worker';
  const seesReport = account.role === 'director' || account.role === 'leader' || account.role === 'admin';
  return (
    <div data-testid="dashboard" data-role={account.role}>
      <Typography.Title level={1} className="gc-page-title" style={{ marginTop: 0, marginBottom: 12 }}>
        {t('dashboard.title')}
      </Typography.Title>
      {may('stats.workbench') && <WorkbenchSection report={seesReport} />}
      {seesArea && <AreaFigures />}
    </div>
  );
}

function WorkbenchSection({ report }: { report: boolean }) {
  const { t } = useTranslation();
  const wb = useCall('stats.workbench', {});
  useDataChanged(wb.reload);
  if (wb.error && !wb.data) return <CallError error={wb.error} onRetry={wb.reload} />;
  if (!wb.data) return <Skeleton active />;
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('dashboard.myWork')}
      </Typography.Title>
      <Row gutter={[12, 12]} data-testid="workbench-tiles">
        {wb.data.tiles.map((tile) => (
          <Col key={tile.key} xs={12} md={8} xl={Math.max(4, Math.floor(24 / wb.data!.tiles.length))}>
            <StatLinkCard
              testId={`tile-${tile.key}`}
              title={t(`dashboard.tile.${tile.key}` as 'dashboard.tile.open')}
              value={tile.count}
              suffix={t('dashboard.unitCase')}
              icon={tile.key.toLowerCase().includes('overdue') || tile.key === 'red' ? <AlertOutlined style={{ color: '#cf1322' }} /> : undefined}
              to={queueLink(tile.filter)}
              hint={t('dashboard.queueHint')}
            />
          </Col>
        ))}
      </Row>
      {wb.data.ranking.length > 0 && <Ranking ranking={wb.data.ranking} />}
      {report && <ReportCard today={wb.data.today} />}
    </>
  );
}

function Ranking({ ranking }: { ranking: Workbench['ranking'] }) {
  const { t } = useTranslation();
  const link = (row: Workbench['ranking'][number], filter: QueueFilter, value: number, col: string) => (
    <Link to={queueLink(filter)} data-testid={`rank-${row.code}-${col}`} data-value={value} className="gc-num">
      {value}
    </Link>
  );
  return (
    <Card size="small" title={t('dashboard.ranking.title')} style={{ marginTop: 12 }} data-testid="township-ranking">
      <Table
        size="small"
        pagination={false}
        rowKey="code"
        dataSource={ranking}
        columns={[
          { key: 'rank', title: '#', width: 48, render: (_v, _r, i) => i + 1 },
          { key: 'name', title: t('dashboard.ranking.township'), dataIndex: 'name' },
          { key: 'red', title: t('dashboard.ranking.red'), render: (_v, r) => link(r, { ...r.filter, warnings: ['red'] }, r.red, 'red') },
          { key: 'overdue', title: t('dashboard.ranking.overdue'), render: (_v, r) => link(r, { overdue: true, townshipCode: r.code }, r.overdue, 'overdue') },
          { key: 'open', title: t('dashboard.ranking.open'), render: (_v, r) => link(r, r.filter, r.open, 'open') },
        ]}
      />
    </Card>
  );
}

/** The area's standing figures, live from divisions.tree at this account's root; each opens the division table. */
function AreaFigures() {
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
    <div data-testid="area-figures" style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('dashboard.subtitle', { name: root.name })}</Typography.Title>
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
    </div>
  );
}

type T = TFunction;

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
