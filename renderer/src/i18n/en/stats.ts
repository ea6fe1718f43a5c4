import type { Messages } from '../zh-CN';

/** Statistics: the dispute sweep table (table, .xlsx, print). */
export default {
  title: 'Dispute sweep table',
  year: 'Year',
  period: 'Period',
  month: 'Monthly',
  quarter: 'Quarterly',
  monthN: 'Month {{n}}',
  quarterN: 'Q{{n}}',
  sweeps: 'Sweeps: {{n}}',
  download: 'Export Excel',
  print: 'Print',
  col: {
    category: 'Category',
    accepted: 'Accepted (cases)',
    county: 'County',
    township: 'Township',
    village: 'Village',
    total: 'Subtotal',
    handled: 'Handled',
    handledRate: 'Handled rate',
    successful: 'Successful',
    successRate: 'Success rate',
  },
  total: 'Total',
} satisfies Messages['stats'];
