import type { Messages } from '../zh-CN';

/** 工作台: the overview figures. */
export default {
  title: 'Dashboard',
  subtitle: 'Overview of {{name}}',
  counties: 'Counties',
  townships: 'Townships',
  villages: 'Villages',
  grids: 'Grids',
  servicePoints: 'Service points',
  openDisputes: 'Open disputes',
  unitPlace: '',
  unitCase: '',
  clickHint: 'Open the division table',
  moreSoon: 'Charts, three-colour warnings and deadline reminders come in a later release.',
} satisfies Messages['dashboard'];
