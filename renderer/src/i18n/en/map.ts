import type { Messages } from '../zh-CN';

/** 网格地图: the map, its panel, legend, grid card and popups. */
export default {
  title: 'Grid map',
  breadcrumb: 'Map location',
  withoutLocation: '{{what}} without a location are not on the map',
  pointsCount: '{{count}} service points',
  disputesCount: '{{count}} disputes',
  listJoin: ' and ',
  search: {
    placeholder: 'Search grid code, division or service point',
    label: 'Map search',
    none: 'Nothing found',
    kind: {
      grid: 'Grid',
      division: 'Division',
      servicePoint: 'Point',
    },
  },
  measure: {
    openDisputes: 'Open disputes',
    redWarnings: 'Red warnings',
    population: 'Population',
  },
  panel: {
    measure: 'Colour grids by',
    layers: 'Layers',
    disputeFilter: 'Dispute filter',
    pointCategories: 'Point categories',
    baseMap: 'Base map',
  },
  layer: {
    grids: 'Grid colours',
    disputes: 'Open disputes',
    servicePoints: 'Service points',
  },
  filter: {
    status: 'Status',
    allOpenStatuses: 'All open statuses',
    category: 'Category',
    allCategories: 'All categories',
    warning: 'Warning',
    allWarnings: 'All warning levels',
  },
  legend: {
    title: 'Legend',
    disputes: 'Disputes (warning)',
    noWarning: 'No warning',
    warning: '{{level}} warning',
    points: 'Service points',
  },
  baseMap: {
    none: 'None (division outlines)',
    tianditu: 'Tianditu',
    online: 'online',
  },
  card: {
    title: 'Grid: {{name}}',
    loading: 'Grid',
    locate: 'Locate',
    code: 'Grid code',
    place: 'Division',
    workers: 'Grid workers',
    workerCount: '{{count}} (no personal data shown)',
    households: 'Households',
    population: 'Population',
    wechat: 'WeChat groups',
    wechatValue: '{{groups}} groups, {{members}} members',
    openDisputes: 'Open disputes',
    openDisputesValue: '{{count}} (open the list)',
    redWarnings: '{{count}} red',
    nearby: 'Service points nearby (within {{radius}})',
    noNearby: 'No service points nearby',
  },
  popup: {
    dispute: 'Dispute #{{id}}',
  },
} satisfies Messages['map'];
