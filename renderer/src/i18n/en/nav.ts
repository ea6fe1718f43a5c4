import type { Messages } from '../zh-CN';

/** The left menu and the breadcrumb. */
export default {
  home: 'Home',
  breadcrumb: 'You are here',
  dashboard: 'Dashboard',
  divisions: 'Divisions & grids',
  map: 'Grid map',
  queue: 'Disputes',
  directory: 'Service points',
  wall: 'Video wall',
  settings: 'Settings',
  accounts: 'Accounts',
  stats: 'Statistics',
  shortcutHint: 'Alt+{{key}}',
} satisfies Messages['nav'];
