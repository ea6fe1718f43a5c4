import type { Role } from '../../../shared/contract/roles';

/**
 * One account per role, created only by the demo generator and listed on the login page only while the
 * node is in demo mode (README, "Demo accounts"). A real installation never has them.
 */
export const DEMO_PASSWORD = 'zongzhi2021';

export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; role: Role; displayName: string }> = [
  { username: 'admin', role: 'admin', displayName: '系统管理员' },
  { username: 'director', role: 'director', displayName: '中心主任' },
  { username: 'dispatcher', role: 'dispatcher', displayName: '受理调度员' },
  { username: 'mediator', role: 'mediator', displayName: '调解员' },
  { username: 'gridworker', role: 'grid_worker', displayName: '网格员' },
  { username: 'leader', role: 'leader', displayName: '领导（只读）' },
  { username: 'wall', role: 'wall', displayName: '大屏' },
];
