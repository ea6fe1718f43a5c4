import { Button, Descriptions, Drawer, Popconfirm, Space, Typography } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ServicePoint } from '../../../../shared/contract/directory';
import { formatChinaDateTime } from '../../lib/format';
import { servicePointCategoryText } from '../../lib/labels';
import { pointLevelLabel } from './directoryColumns';
import { PointMiniMap } from './PointMiniMap';

interface Props {
  point: ServicePoint | null;
  canEdit: boolean;
  canDelete: boolean;
  onClose(): void;
  onEdit(p: ServicePoint): void;
  onDelete(p: ServicePoint): Promise<void>;
}

/** One service point: its fields, where it is, and (for editors) edit and delete. */
export function PointDrawer({ point, canEdit, canDelete, onClose, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  const dash = (v: string | number | null) => (v === null || v === '' ? <Typography.Text type="secondary">—</Typography.Text> : v);
  return (
    <Drawer
      open={point !== null}
      onClose={onClose}
      size={460}
      title={point?.name}
      extra={
        point &&
        (canEdit || canDelete) && (
          <Space>
            {canEdit && (
              <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(point)} data-testid="point-edit">
                {t('directory.edit')}
              </Button>
            )}
            {canDelete && (
              <Popconfirm
                title={t('directory.deleteConfirm', { name: point.name })}
                okText={t('directory.delete')}
                okButtonProps={{ danger: true }}
                cancelText={t('directory.form.cancel')}
                onConfirm={() => onDelete(point)}
              >
                <Button size="small" danger icon={<DeleteOutlined />} data-testid="point-delete">
                  {t('directory.delete')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      {point && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="point-drawer">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('directory.col.category')}>{servicePointCategoryText(t, point.category, point.categoryName)}</Descriptions.Item>
            <Descriptions.Item label={t('directory.col.level')}>{pointLevelLabel(t, point.level)}</Descriptions.Item>
            <Descriptions.Item label={t('directory.col.division')}>{point.divisionName}</Descriptions.Item>
            <Descriptions.Item label={t('directory.col.address')}>{dash(point.address)}</Descriptions.Item>
            <Descriptions.Item label={t('directory.col.phone')}>
              <span className="gc-mono">{dash(point.phone)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('directory.col.hours')}>{dash(point.hours)}</Descriptions.Item>
            <Descriptions.Item label={t('directory.col.contact')}>{dash(point.contactName)}</Descriptions.Item>
            <Descriptions.Item label={t('directory.form.staffCount')}>{dash(point.staffCount)}</Descriptions.Item>
            <Descriptions.Item label={t('directory.form.location')}>
              <span className="gc-mono">{point.lon !== null && point.lat !== null ? `${point.lon.toFixed(5)}, ${point.lat.toFixed(5)}` : '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('directory.form.notes')}>{dash(point.notes)}</Descriptions.Item>
            <Descriptions.Item label={t('directory.col.updatedAt')}>{formatChinaDateTime(point.updatedAt)}</Descriptions.Item>
          </Descriptions>
          <PointMiniMap lon={point.lon} lat={point.lat} category={point.category} divisionCode={point.divisionCode} />
        </Space>
      )}
    </Drawer>
  );
}
