import { Table, Tag, Tooltip } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Party } from '../../../../shared/contract';

/** The parties as the core returned them (masked for roles that may not see them in full). */
export function PartiesTable({ parties }: { parties: readonly Party[] }) {
  const { t } = useTranslation();
  return (
    <Table<Party>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={[...parties]}
      columns={[
        {
          title: t('case.parties.side'),
          dataIndex: 'side',
          width: 96,
          render: (side: Party['side']) => <Tag color={side === 'applicant' ? 'blue' : 'purple'}>{t(`case.parties.${side}`)}</Tag>,
        },
        {
          title: t('case.parties.name'),
          dataIndex: 'name',
          render: (name: string, p) => (
            <span data-testid="party-name">
              {name}
              {p.masked && (
                <Tooltip title={t('case.parties.maskedHint')}>
                  <LockOutlined style={{ marginLeft: 6, color: '#8c8c8c' }} aria-label={t('case.parties.masked')} />
                </Tooltip>
              )}
            </span>
          ),
        },
        { title: t('case.parties.idNumber'), dataIndex: 'idNumber', className: 'gc-mono', render: (v: string | null) => v ?? '—' },
        { title: t('case.parties.phone'), dataIndex: 'phone', className: 'gc-mono', render: (v: string | null) => v ?? '—' },
        { title: t('case.parties.address'), dataIndex: 'address', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}
