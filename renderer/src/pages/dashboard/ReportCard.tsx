import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StatTotals, StatsOverview } from '../../../../shared/contract';
import { useCall } from '../../hooks/useCall';
import { useDataChanged } from '../../hooks/useDataChanged';
import { CallError } from '../../components/CallError';
import { EChart, type ChartOption } from '../../components/EChart';
import { formatCount } from '../../lib/format';
import { categoryText, isDisputeCategory } from '../../lib/labels';
import { queueLink } from './queueLink';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** Change against a comparison period, as "+12.3%" (or a note that there is nothing to compare with). */
function Delta({ now, then, label }: { now: number; then: number; label: string }) {
  const { t } = useTranslation();
  if (then === 0) return <Typography.Text type="secondary" style={{ fontSize: 12 }}>{`${label} ${t('dashboard.report.noComparison')}`}</Typography.Text>;
  const change = (now - then) / then;
  return (
    <Typography.Text type={change >= 0 ? 'success' : 'danger'} style={{ fontSize: 12 }}>
      {`${label} ${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}%`}
    </Typography.Text>
  );
}

/**
 * 成绩单: this year up to today for the caller's area — sweeps, registered, handled, successful and the
 * success rate, on-time closure and satisfaction, each against the previous period and last year — and the
 * monthly trend, the categories and the three warning colours as charts (ECharts, imported per chart type).
 */
export function ReportCard({ today }: { today: string }) {
  const { t } = useTranslation();
  const from = `${today.slice(0, 4)}-01-01`;
  const stats = useCall('stats.overview', { from, to: today, granularity: 'month' });
  useDataChanged(stats.reload, undefined, 3000);
  const charts = useMemo(() => (stats.data ? chartOptions(stats.data, t) : null), [stats.data, t]);
  if (stats.error && !stats.data) return <CallError error={stats.error} onRetry={stats.reload} />;
  if (!stats.data || !charts) return <Skeleton active />;
  const o = stats.data;

  const kpi = (key: keyof Pick<StatTotals, 'swept' | 'registered' | 'handled' | 'successful'>, link?: string) => {
    const value = o.totals[key];
    const figure = <Statistic title={t(`dashboard.report.${key}`)} value={value} formatter={(v) => <span className="gc-num">{formatCount(Number(v))}</span>} />;
    return (
      <Col xs={12} md={8} xl={4} key={key}>
        <Card size="small" data-testid={`report-${key}`} data-value={value}>
          {link ? <Link to={link}>{figure}</Link> : figure}
          <div>
            <Delta now={value} then={o.previous[key]} label={t('dashboard.report.vsPrevious')} />
          </div>
          <div>
            <Delta now={value} then={o.lastYear[key]} label={t('dashboard.report.vsLastYear')} />
          </div>
        </Card>
      </Col>
    );
  };
  const rateCard = (key: string, value: number | null) => (
    <Col xs={12} md={8} xl={4} key={key}>
      <Card size="small" data-testid={`report-${key}`} data-value={value ?? ''}>
        <Statistic title={t(`dashboard.report.${key}` as 'dashboard.report.successRate')} value={pct(value)} />
      </Card>
    </Col>
  );

  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      data-testid="report-card"
      title={t('dashboard.report.title', { from: o.totals.from, to: o.totals.to })}
      extra={<Link to="/stats">{t('dashboard.report.openTableLink')}</Link>}
    >
      <Row gutter={[12, 12]}>
        {kpi('swept')}
        {kpi('registered', queueLink({ registeredFrom: from, registeredTo: today }))}
        {kpi('handled')}
        {kpi('successful')}
        {rateCard('successRate', o.totals.successRate)}
        {rateCard('onTimeRate', o.onTime.rate)}
      </Row>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} xl={12}>
          <Typography.Text strong>{t('dashboard.report.trend')}</Typography.Text>
          <EChart option={charts.trend} height={260} testId="chart-trend" ariaLabel={t('dashboard.report.trend')} />
        </Col>
        <Col xs={24} xl={6}>
          <Typography.Text strong>{t('dashboard.report.byCategory')}</Typography.Text>
          <EChart option={charts.categories} height={260} testId="chart-categories" ariaLabel={t('dashboard.report.byCategory')} />
        </Col>
        <Col xs={24} xl={6}>
          <Typography.Text strong>{t('dashboard.report.warnings')}</Typography.Text>
          <EChart option={charts.warnings} height={260} testId="chart-warnings" ariaLabel={t('dashboard.report.warnings')} />
        </Col>
      </Row>
    </Card>
  );
}

type T = TFunction;

function chartOptions(o: StatsOverview, t: T): { trend: ChartOption; categories: ChartOption; warnings: ChartOption } {
  const label: Record<string, string> = {
    'dashboard.report.registered': t('dashboard.report.registered'),
    'dashboard.report.successful': t('dashboard.report.successful'),
    'dashboard.report.swept': t('dashboard.report.swept'),
    'dashboard.report.warnings': t('dashboard.report.warnings'),
  };
  const periods = o.series.map((p) => p.period);
  const trend: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 32, bottom: 24 },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value' },
    series: [
      { type: 'bar', name: label['dashboard.report.swept'], data: o.series.map((p) => p.swept), itemStyle: { color: '#91caff' } },
      { type: 'line', name: label['dashboard.report.registered'], data: o.series.map((p) => p.registered), smooth: true },
      { type: 'line', name: label['dashboard.report.successful'], data: o.series.map((p) => p.successful), smooth: true },
    ],
  };
  const cats = [...o.byCategory].sort((a, b) => a.registered - b.registered);
  const categories: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 88, right: 16, top: 8, bottom: 24 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: cats.map((c) => (isDisputeCategory(c.key) ? categoryText(t, c.key) : c.key)) },
    series: [{ type: 'bar', name: label['dashboard.report.registered'], data: cats.map((c) => c.registered), itemStyle: { color: '#1677ff' } }],
  };
  const colours = { blue: '#1677ff', yellow: '#faad14', red: '#cf1322' } as const;
  const colourNames: Record<'blue' | 'yellow' | 'red', string> = { blue: t('dashboard.report.blue'), yellow: t('dashboard.report.yellow'), red: t('dashboard.report.red') };
  const warnings: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 8, bottom: 24 },
    xAxis: { type: 'category', data: o.warnings.map((w) => colourNames[w.colour]) },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', name: label['dashboard.report.warnings'], data: o.warnings.map((w) => ({ value: w.count, itemStyle: { color: colours[w.colour] } })) }],
  };
  return { trend, categories, warnings };
}
