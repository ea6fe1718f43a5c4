/**
 * The statuses a dispute moves through. The full state machine (who may move a case
 * from where to where) builds on these; the store and the queries only rely on the lists below.
 */
export const DISPUTE_STATUSES = [
  'registered', // 已登记
  'accepted', // 已受理
  'declined', // 不予受理
  'assigned', // 已分派
  'mediating', // 调解中
  'escalated', // 已上报县级
  'agreed', // 调解成功，待回访
  'failed', // 调解不成（已引导诉讼/仲裁/其他），待回访
  'followed_up', // 已回访，待结案
  'closed', // 已结案
] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/** Cases still being worked: the queue's default view and the "open disputes" counts. */
export const OPEN_STATUSES = ['registered', 'accepted', 'assigned', 'mediating', 'escalated'] as const satisfies readonly DisputeStatus[];

/**
 * SQL literal list of the open statuses. Partial indexes only serve queries whose WHERE repeats their
 * literal condition (a bound IN list cannot use them: docs/architecture.md, "Measured facts"), so the schema
 * and the queries share this.
 */
export const OPEN_STATUSES_SQL = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;

export const DISPUTE_CATEGORIES = [
  '婚姻家庭',
  '邻里',
  '土地山林',
  '宅基地/房屋',
  '劳动/欠薪',
  '医疗',
  '交通事故',
  '物业',
  '消费',
  '征地拆迁',
  '环境',
  '其他',
] as const;
export type DisputeCategory = (typeof DISPUTE_CATEGORIES)[number];

export const DISPUTE_SOURCES = ['walk_in', 'phone', 'hotline_12345', 'grid_patrol', 'wxg_app', 'referral', 'proactive'] as const;
export type DisputeSource = (typeof DISPUTE_SOURCES)[number];

export const WARNING_LEVELS = ['none', 'blue', 'yellow', 'red'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];
