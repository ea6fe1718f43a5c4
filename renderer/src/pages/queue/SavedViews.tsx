import { useState } from 'react';
import { App, Button, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { QueueView, SavedView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useCall } from '../../hooks/useCall';
import { errorText } from '../../lib/errorText';

interface Props {
  view: QueueView;
  onLoad(view: QueueView): void;
}

/** The caller's saved views (filters + sort): pick one to load it, save the current one by name, delete. */
export function SavedViews({ view, onLoad }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const views = useCall('disputes.views.list', {});
  const [current, setCurrent] = useState<number | undefined>();
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const list: SavedView[] = views.data?.views ?? [];

  const save = async () => {
    try {
      const saved = await call('disputes.views.save', { name: name.trim(), view });
      setSaving(false);
      setCurrent(saved.id);
      views.reload();
      void message.success(t('queue.views.saved', { name: saved.name }));
    } catch (err) {
      void message.error(errorText(err, t, i18n.language));
    }
  };

  const remove = async (viewId: number) => {
    try {
      await call('disputes.views.delete', { viewId });
      setCurrent(undefined);
      views.reload();
    } catch (err) {
      void message.error(errorText(err, t, i18n.language));
    }
  };

  return (
    <Space.Compact>
      <Select<number>
        aria-label={t('queue.views.label')}
        data-testid="saved-views"
        style={{ width: 160 }}
        placeholder={t('queue.views.placeholder')}
        value={current}
        loading={views.loading}
        notFoundContent={views.error ? errorText(views.error, t, i18n.language) : t('queue.views.none')}
        // onSelect, not onChange: picking the view already shown loads it again (after changing filters).
        onSelect={(id: number) => {
          setCurrent(id);
          const picked = list.find((v) => v.id === id);
          if (picked) onLoad(picked.view);
        }}
        options={list.map((v) => ({ value: v.id, label: v.name }))}
      />
      <Button
        icon={<SaveOutlined />}
        data-testid="saved-views-save"
        onClick={() => {
          setName(list.find((v) => v.id === current)?.name ?? '');
          setSaving(true);
        }}
      >
        {t('queue.views.save')}
      </Button>
      <Popconfirm
        title={t('queue.views.deleteConfirm')}
        disabled={current === undefined}
        onConfirm={() => current !== undefined && void remove(current)}
      >
        <Button icon={<DeleteOutlined />} disabled={current === undefined} aria-label={t('queue.views.delete')} />
      </Popconfirm>
      <Modal
        title={t('queue.views.saveTitle')}
        open={saving}
        okText={t('queue.views.save')}
        okButtonProps={{ disabled: name.trim() === '' }}
        onOk={() => void save()}
        onCancel={() => setSaving(false)}
        destroyOnHidden
      >
        <Input
          autoFocus
          aria-label={t('queue.views.name')}
          placeholder={t('queue.views.namePlaceholder')}
          maxLength={40}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onPressEnter={() => name.trim() && void save()}
        />
      </Modal>
    </Space.Compact>
  );
}
