import type { Role } from '../../../shared/contract/roles';

/**
 * One account per role, created only by the demo generator and listed on the login page only while the
 * node is in demo mode (README, "Demo accounts"). A real installation never has them.
 */
export const DEMO_PASSWORD = 'zongzhi2021';

export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; role: Role; displayName: string }> = [
  // People's names, as on a real node: they are what timelines and printed documents show. The mediator's and
  // the grid worker's accounts take the name of the person they are linked to (generateDemo.ts).
  { username: 'admin', role: 'admin', displayName: '龚志远' },
  { username: 'director', role: 'director', displayName: '刘建华' },
  { username: 'dispatcher', role: 'dispatcher', displayName: '陈静' },
  { username: 'mediator', role: 'mediator', displayName: '调解员' },
  { username: 'gridworker', role: 'grid_worker', displayName: '网格员' },
  { username: 'leader', role: 'leader', displayName: '黄国平' },
  { username: 'wall', role: 'wall', displayName: '指挥中心大屏' },
];
