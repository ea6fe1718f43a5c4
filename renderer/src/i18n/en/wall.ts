import type { Messages } from '../zh-CN';

/** The command room's wall (dark, large type, no personal data). */
export default {
  title: '{{name}} — disputes at a glance',
  linkDown: 'Connection lost, reconnecting…',
  linkUp: 'Live',
  back: 'Back to dashboard',
  kpi: {
    open: 'Open disputes',
    red: 'Red warnings',
    overdue: 'Overdue',
    dueSoon: 'Due soon',
    handled: 'Handled this year',
    successRate: 'Success rate',
    swept: 'Sweeps this year',
  },
  map: 'Open disputes by grid',
  mapLegend: 'Red / yellow / blue: highest warning in the grid; size: open cases',
  panel: {
    trend: 'Monthly trend',
    ranking: 'Open disputes by county',
    categories: 'Categories',
  },
  ticker: {
    title: 'Live',
    red: 'Red warning',
    overdue: '{{days}} days overdue',
    none: 'No red warnings or overdue cases',
  },
  unit: '',
} satisfies Messages['wall'];
