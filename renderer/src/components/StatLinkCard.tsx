import type { ReactNode } from 'react';
import { Card, Statistic } from 'antd';
import { Link } from 'react-router';
import { formatCount } from '../lib/format';

interface Props {
  testId: string;
  title: string;
  value: number;
  suffix?: string | undefined;
  icon?: ReactNode;
  to: string;
  hint: string;
}

/** A figure that is also a link to the rows behind it (a real <a>: Tab + Enter work). */
export function StatLinkCard({ testId, title, value, suffix, icon, to, hint }: Props) {
  return (
    <Link to={to} title={hint} data-testid={testId} data-value={value} style={{ display: 'block' }}>
      <Card size="small" hoverable>
        <Statistic
          title={title}
          value={value}
          formatter={(v) => <span className="gc-num">{formatCount(Number(v))}</span>}
          prefix={icon}
          suffix={suffix || undefined}
        />
      </Card>
    </Link>
  );
}
