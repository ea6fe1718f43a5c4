import { Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DisputeDetail } from '../../../../shared/contract';
import { MediatorSelect } from '../queue/MediatorSelect';

/**
 * Committee and mediator: the mediators who can take cases in the case's township, least loaded first,
 * each with their open cases; the committee follows from the mediator.
 */
export function AssignFields({ detail }: { detail: DisputeDetail }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const orgName = Form.useWatch<string | undefined>('orgName', form);
  return (
    <>
      <Form.Item
        name="mediatorId"
        label={t('case.assign.mediator')}
        rules={[{ required: true, message: t('case.assign.mediatorRequired') }]}
        extra={t('case.assign.loadHint')}
      >
        <MediatorSelectField divisionCode={detail.townshipCode} onPick={(orgId, name) => form.setFieldsValue({ orgId, orgName: name })} />
      </Form.Item>
      <Form.Item name="orgId" hidden rules={[{ required: true, message: t('case.assign.orgRequired') }]}>
        <input type="hidden" />
      </Form.Item>
      <Form.Item name="orgName" hidden>
        <input type="hidden" />
      </Form.Item>
      <Form.Item label={t('case.assign.org')}>
        <Typography.Text data-testid="assign-org">{orgName ?? '—'}</Typography.Text>
      </Form.Item>
    </>
  );
}

/** MediatorSelect as a controlled form field (antd passes value/onChange). */
function MediatorSelectField({
  value,
  onChange,
  divisionCode,
  onPick,
  id,
}: {
  value?: number;
  onChange?: (v: number | undefined) => void;
  divisionCode: string;
  onPick(orgId: number | null, orgName: string | null): void;
  id?: string;
}) {
  return (
    <MediatorSelect
      id={id}
      style={{ width: '100%' }}
      divisionCode={divisionCode}
      value={value}
      onChange={(personId, m) => {
        onChange?.(personId);
        onPick(m?.orgId ?? null, m?.orgName ?? null);
      }}
    />
  );
}
