import type { Messages } from '../zh-CN';

/** The login page. */
export default {
  title: 'Log in',
  subtitle: 'Comprehensive governance center',
  username: 'Username',
  password: 'Password',
  usernameRequired: 'Enter your username',
  passwordRequired: 'Enter your password',
  submit: 'Log in',
  nodeLabel: 'Node: {{name}}',
  noNode: 'This node has no division set up yet',
  infoFailed: 'Could not read the system information: {{reason}}',
  retry: 'Retry',
  sessionLost: 'Your session has ended; please log in again',
  demoTitle: 'Demo accounts',
  demoHint: 'Demo mode: click an account to fill in its username, type the demo password (README, "Demo accounts") and press Enter.',
  demoUsername: 'Username',
  demoRole: 'Role',
  demoFill: 'Fill in {{username}} ({{role}})',
  starting: 'Starting: a first start generates the demo data; you can log in when it is done',
  startFailed: 'The node failed to start: {{reason}}',
  startupStep: {
    opening: 'Opening the database',
    geography: 'Divisions and grids',
    people: 'People and mediation committees',
    servicePoints: 'Service points',
    disputes: 'Dispute cases',
    passwords: 'Demo accounts',
    insert: 'Writing to the database',
    searchIndex: 'Building the search index',
  },
} satisfies Messages['login'];
