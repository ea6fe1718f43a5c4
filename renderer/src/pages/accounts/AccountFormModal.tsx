import { useState } from 'react';
import { Alert, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountRow } from '../../../../shared/contract/accounts';
import { ROLES, type Role } from '../../../../shared/contract/roles';
import { passwordProblem, USERNAME_MESSAGE, USERNAME_PATTERN } from '../../../../shared/domain/passwordRules';
import { call } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { roleLabel } from '../../lib/labels';
import type { DivisionRow } from '../divisions/divisionTree';
import { showFieldError } from './fieldErrors';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  divisionCode: string;
  phone?: string;
  password: string;
}

const FIELDS = ['username', 'displayName', 'role', 'divisionCode', 'phone', 'password'] as const;

/** Create an account (`account` null) or edit one's real name, role, division scope and phone. Mounted per opening (keyed by the page). */
export function AccountFormModal({ open, account, divisions, onClose, onSaved }: { open: boolean; account: AccountRow | null; divisions: DivisionRow[]; onClose(): void; onSaved(): void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const editing = account !== null;

  const submit = async (v: Values) => {
    setBusy(true);
    setFailure(null);
    const phone = v.phone?.trim() ? v.phone.trim() : null;
    try {
      if (account) await call('accounts.update', { id: account.id, displayName: v.displayName, role: v.role, divisionCode: v.divisionCode, phone });
      else await call('accounts.create', { username: v.username, displayName: v.displayName, role: v.role, divisionCode: v.divisionCode, phone, password: v.password });
      onSaved();
    } catch (err) {
      if (!showFieldError(form, err, t, i18n.language, FIELDS)) setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? `${t('accounts.edit')} · ${account.username}` : t('accounts.create')}
      okText={t('accounts.save')}
      cancelText={t('accounts.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      data-testid="account-form"
    >
      {failure !== null && <Alert type="error" showIcon role="alert" title={errorText(failure, t, i18n.language)} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void submit(v)}
        initialValues={account ? { username: account.username, displayName: account.displayName, role: account.role, divisionCode: account.divisionCode, phone: account.phone ?? '' } : undefined}
      >
        <Form.Item
          label={t('accounts.username')}
          name="username"
          extra={editing ? undefined : t('accounts.usernameHelp')}
          rules={editing ? [] : [{ required: true, message: t('accounts.required') }, { pattern: USERNAME_PATTERN, message: i18n.language === 'zh-CN' ? USERNAME_MESSAGE : t('accounts.usernameHelp') }]}
        >
          <Input disabled={editing} autoComplete="off" spellCheck={false} autoCapitalize="off" />
        </Form.Item>
        <Form.Item label={t('accounts.displayName')} name="displayName" rules={[{ required: true, whitespace: true, message: t('accounts.required') }, { max: 32 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('accounts.role')} name="role" rules={[{ required: true, message: t('accounts.required') }]}>
          <Select aria-label={t('accounts.role')} options={ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))} />
        </Form.Item>
        <Form.Item label={t('accounts.division')} name="divisionCode" rules={[{ required: true, message: t('accounts.required') }]}>
          <TreeSelect
            showSearch
            treeData={divisions}
            fieldNames={{ label: 'name', value: 'code', children: 'children' }}
            treeNodeFilterProp="name"
            aria-label={t('accounts.division')}
            treeDefaultExpandedKeys={divisions.slice(0, 1).map((d) => d.code)}
          />
        </Form.Item>
        <Form.Item label={t('accounts.phone')} name="phone">
          <Input autoComplete="off" />
        </Form.Item>
        {!editing && (
          <Form.Item
            label={t('accounts.password')}
            name="password"
            extra={t('accounts.passwordHelp')}
            dependencies={['username']}
            rules={[
              { required: true, message: t('accounts.required') },
              ({ getFieldValue }) => ({
                validator: async (_, value: string | undefined) => {
                  const problem = value ? passwordProblem(value, getFieldValue('username') as string | undefined) : null;
                  if (problem) throw new Error(i18n.language === 'zh-CN' ? problem : t('accounts.passwordHelp'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
