import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StatsOverview, WallFeed } from '../../../../shared/contract';
import { onCoreEvent, onLinkStatus } from '../../api/client';
import { EChart, type ChartOption } from '../../components/EChart';
import { useCall } from '../../hooks/useCall';
import { formatCount } from '../../lib/format';
import { categoryText, isDisputeCategory } from '../../lib/labels';
import { useAccount } from '../../session/sessionContext';
import './wall.css';

/** How long each rotating panel stays on screen. */
export const PANEL_MS = 12_000;
/** Changes arrive in bursts (an import, a sync round): refetch at most once per this. */
const REFRESH_DEBOUNCE_MS = 3_000;
const PANELS = ['trend', 'ranking', 'categories'] as const;
const WARNING_COLOURS = { red: '#ff4d4f', yellow: '#fadb14', blue: '#4096ff', none: '#5cdbd3' } as const;

/**
 * 大屏: the command room's wall. Dark, large type that scales with the screen (1920×1080 to 3840×2160),
 * no menus. Key figures, open cases per grid coloured by warning, a rotating panel (trend, county ranking,
 * categories) and a ticker of red warnings and overdue cases — all aggregates from the core (the wall role
 * never receives a case id, a point or a name). It refreshes on the core's change events (debounced, no
 * polling), says so when the link drops, and refreshes when it is back.
 */
export function WallPage() {
  const { t } = useTranslation();
  const account = useAccount();
  const info = useCall('system.info', {});
  const today = info.data?.today;
  const from = today ? `${today.slice(0, 4)}-01-01` : '';
  const overview = useCall('stats.overview', { from, to: today ?? '', granularity: 'month' }, today !== undefined);
  // The map's aggregates need no date: ask for them at once, beside system.info (first paint waits for both).
  const feed = useCall('stats.wall', {});
  const [link, setLink] = useState<'up' | 'down'>('up');
  const [panel, setPanel] = useState(0);
  const [clock, setClock] = useState(() => new Date());
  const reload = useRef<() => void>(() => undefined);
  const { reload: reloadOverview } = overview;
  const { reload: reloadFeed } = feed;
  const { reload: reloadInfo } = info;
  useEffect(() => {
    reload.current = () => {
      reloadOverview();
      reloadFeed();
      reloadInfo();
    };
  }, [reloadOverview, reloadFeed, reloadInfo]);

  // Live: refetch on the core's change events, debounced; and once the link is back after a drop.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const offData = onCoreEvent('data.changed', () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        reload.current();
      }, REFRESH_DEBOUNCE_MS);
    });
    let wasDown = false;
    const offLink = onLinkStatus((status) => {
      setLink(status);
      if (status === 'down') wasDown = true;
      else if (wasDown) {
        wasDown = false;
        reload.current();
      }
    });
    return () => {
      offData();
      offLink();
      if (timer) clearTimeout(timer);
    };
  }, []);

  useEffect(() => {
    const rotate = setInterval(() => setPanel((p) => (p + 1) % PANELS.length), PANEL_MS);
    const tick = setInterval(() => setClock(new Date()), 1000);
    return () => {
      clearInterval(rotate);
      clearInterval(tick);
    };
  }, []);

  // A failed refetch while the link is down keeps the last figures on screen; the banner says why.
  const down = link === 'down' || (!!overview.error && !overview.loading);
  const o = overview.data;
  const f = feed.data;
  const base = useBaseSize();
  const charts = useMemo(() => (o && f ? wallCharts(o, f, base, t) : null), [o, f, base, t]);

  return (
    <div className="gc-wall" data-testid="wall" data-link={down ? 'down' : 'up'} data-panel={PANELS[panel]}>
      <header className="gc-wall-header">
        <div className="gc-wall-title">{t('wall.title', { name: o?.area.name ?? '' })}</div>
        <div className="gc-wall-meta">
          {down ? (
            <span className="gc-wall-link-down" role="alert" data-testid="wall-link-down">
              {t('wall.linkDown')}
            </span>
          ) : (
            <span className="gc-wall-link-up" data-testid="wall-link-up">
              ● {t('wall.linkUp')}
            </span>
          )}
          <span className="gc-num">{today}</span>
          <span className="gc-num">{clock.toLocaleTimeString('zh-CN', { hour12: false })}</span>
          {account.role !== 'wall' && (
            <Link to="/dashboard" className="gc-wall-back">
              {t('wall.back')}
            </Link>
          )}
        </div>
      </header>

      <section className="gc-wall-kpis">
        <Kpi id="open" value={o?.queue.open} />
        <Kpi id="red" value={o?.queue.red} tone="red" />
        <Kpi id="overdue" value={o?.queue.overdue} tone="red" />
        <Kpi id="dueSoon" value={o?.queue.dueSoon} tone="yellow" />
        <Kpi id="handled" value={o?.totals.handled} />
        <Kpi id="successRate" text={o?.totals.successRate != null ? `${(o.totals.successRate * 100).toFixed(1)}%` : undefined} />
        <Kpi id="swept" value={o?.totals.swept} />
      </section>

      <section className="gc-wall-main">
        <div className="gc-wall-panel gc-wall-map">
          <div className="gc-wall-panel-title">{t('wall.map')}</div>
          <div className="gc-wall-panel-note">{t('wall.mapLegend')}</div>
          {charts && <EChart option={charts.map} height="100%" theme="dark" testId="wall-map" ariaLabel={t('wall.map')} />}
        </div>
        <div className="gc-wall-panel gc-wall-rotating">
          <div className="gc-wall-panel-title">
            {t(`wall.panel.${PANELS[panel]!}`)}
            <span className="gc-wall-dots">
              {PANELS.map((p, i) => (
                <span key={p} className={i === panel ? 'on' : ''} />
              ))}
            </span>
          </div>
          {charts && <EChart option={charts[PANELS[panel]!]} height="100%" theme="dark" testId="wall-panel-chart" ariaLabel={t(`wall.panel.${PANELS[panel]!}`)} />}
        </div>
      </section>

      <Ticker feed={f} />
    </div>
  );
}

function Kpi({ id, value, text, tone }: { id: string; value?: number | undefined; text?: string | undefined; tone?: 'red' | 'yellow' }) {
  const { t } = useTranslation();
  const shown = text ?? (value === undefined ? '—' : formatCount(value));
  return (
    <div className={`gc-wall-kpi ${tone ?? ''}`} data-testid={`wall-kpi-${id}`} data-value={value ?? text ?? ''}>
      <div className="gc-wall-kpi-label">{t(`wall.kpi.${id}` as 'wall.kpi.open')}</div>
      <div className="gc-wall-kpi-value gc-num">
        {shown}
        {value !== undefined && <small>{t('wall.unit')}</small>}
      </div>
    </div>
  );
}

function Ticker({ feed }: { feed: WallFeed | undefined }) {
  const { t } = useTranslation();
  const items = feed?.ticker ?? [];
  const line = items
    .map((x) => {
      const where = [x.township, x.village].filter(Boolean).join(' · ');
      const what = isDisputeCategory(x.category) ? categoryText(t, x.category) : x.category;
      return x.kind === 'red' ? `【${t('wall.ticker.red')}】${where} ${what}纠纷` : `【${t('wall.ticker.overdue', { days: String(x.daysOverdue ?? 0) })}】${where} ${what}纠纷`;
    })
    .join('　　');
  return (
    <footer className="gc-wall-ticker" data-testid="wall-ticker">
      <span className="gc-wall-ticker-title">{t('wall.ticker.title')}</span>
      <div className="gc-wall-ticker-track">
        <div className="gc-wall-ticker-line" style={{ animationDuration: `${Math.max(20, line.length / 4)}s` }}>
          {line || t('wall.ticker.none')}
        </div>
      </div>
    </footer>
  );
}

/** 1/54 of the screen height: 20 px at 1080, 40 px at 2160 — the unit every size on the wall is made of. */
function useBaseSize(): number {
  const [base, setBase] = useState(() => Math.round(window.innerHeight / 54));
  useEffect(() => {
    const on = () => setBase(Math.round(window.innerHeight / 54));
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return base;
}

type T = TFunction;

function wallCharts(o: StatsOverview, f: WallFeed, base: number, t: T): Record<'map' | (typeof PANELS)[number], ChartOption> {
  const label: Record<string, string> = {
    'dashboard.report.registered': t('dashboard.report.registered'),
    'dashboard.report.successful': t('dashboard.report.successful'),
    'dashboard.report.swept': t('dashboard.report.swept'),
    'wall.kpi.open': t('wall.kpi.open'),
  };
  const text = { color: '#d6e4ff', fontSize: Math.round(base * 0.8) };
  const axis = { axisLabel: text, axisLine: { lineStyle: { color: '#5a6b8c' } }, splitLine: { lineStyle: { color: '#24324d' } } };
  const lons = f.grids.map((g) => g.lon);
  const lats = f.grids.map((g) => g.lat);
  const pad = 0.02;
  const maxOpen = Math.max(1, ...f.grids.map((g) => g.open));
  const byColour = (['none', 'blue', 'yellow', 'red'] as const).map((w) => ({
    type: 'scatter' as const,
    name: w,
    data: f.grids.filter((g) => g.warning === w).map((g) => [g.lon, g.lat, g.open]),
    symbolSize: (v: number[]) => Math.round(base * (0.3 + (0.9 * Math.sqrt(v[2] ?? 1)) / Math.sqrt(maxOpen))),
    itemStyle: { color: WARNING_COLOURS[w], opacity: w === 'none' ? 0.55 : 0.9 },
    z: ['none', 'blue', 'yellow', 'red'].indexOf(w),
  }));
  const map: ChartOption = {
    backgroundColor: 'transparent',
    animation: false,
    grid: { left: 8, right: 8, top: 8, bottom: 8 },
    xAxis: { type: 'value', show: false, min: Math.min(...lons) - pad, max: Math.max(...lons) + pad },
    yAxis: { type: 'value', show: false, min: Math.min(...lats) - pad, max: Math.max(...lats) + pad },
    series: byColour,
  };
  const trend: ChartOption = {
    backgroundColor: 'transparent',
    legend: { top: 0, textStyle: text },
    grid: { left: base * 3, right: base, top: base * 2.2, bottom: base * 1.6 },
    xAxis: { type: 'category', data: o.series.map((p) => p.period.slice(5)), ...axis },
    yAxis: { type: 'value', ...axis },
    series: [
      { type: 'bar', name: label['dashboard.report.swept'], data: o.series.map((p) => p.swept), itemStyle: { color: '#2f54eb' } },
      { type: 'line', name: label['dashboard.report.registered'], data: o.series.map((p) => p.registered), lineStyle: { width: base / 6 }, itemStyle: { color: '#5cdbd3' } },
      { type: 'line', name: label['dashboard.report.successful'], data: o.series.map((p) => p.successful), lineStyle: { width: base / 6 }, itemStyle: { color: '#95de64' } },
    ],
  };
  const divisions = [...o.byDivision].sort((a, b) => a.open - b.open);
  const ranking: ChartOption = {
    backgroundColor: 'transparent',
    legend: { top: 0, textStyle: text },
    grid: { left: base * 6, right: base * 1.5, top: base * 2.2, bottom: base },
    xAxis: { type: 'value', ...axis },
    yAxis: { type: 'category', data: divisions.map((d) => d.name ?? d.key), ...axis },
    series: [
      { type: 'bar', name: label['wall.kpi.open'], data: divisions.map((d) => d.open), itemStyle: { color: '#fa8c16' }, label: { show: true, position: 'right', ...text } },
    ],
  };
  const cats = [...o.byCategory].sort((a, b) => a.registered - b.registered);
  const categories: ChartOption = {
    backgroundColor: 'transparent',
    grid: { left: base * 6, right: base * 2.5, top: base * 0.5, bottom: base },
    xAxis: { type: 'value', ...axis },
    yAxis: { type: 'category', data: cats.map((c) => (isDisputeCategory(c.key) ? categoryText(t, c.key) : c.key)), ...axis },
    series: [{ type: 'bar', name: label['dashboard.report.registered'], data: cats.map((c) => c.registered), itemStyle: { color: '#36cfc9' }, label: { show: true, position: 'right', ...text } }],
  };
  return { map, trend, ranking, categories };
}
