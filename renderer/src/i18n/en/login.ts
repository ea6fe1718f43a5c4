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
  demoHint: 'Demo mode: click an account to fill in its username and password, then press Enter.',
  demoUsername: 'Username',
  demoRole: 'Role',
  demoPassword: 'Password',
  demoFill: 'Fill in {{username}} ({{role}})',
} satisfies Messages['login'];
