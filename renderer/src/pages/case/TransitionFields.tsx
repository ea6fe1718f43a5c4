import { DatePicker, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DisputeDetail } from '../../../../shared/contract';
import { REFERRALS, type WorkflowAction } from '../../../../shared/domain/workflow';
import { AssignFields } from './AssignFields';
import { FollowUpFields } from './FollowUpFields';

/** The fields of one workflow step (the contract's TransitionInput for that action). */
export function TransitionFields({ action, detail }: { action: WorkflowAction; detail: DisputeDetail }) {
  const { t } = useTranslation();
  const required = (label: string) => [{ required: true, whitespace: true, message: t('case.form.required', { label }) }];
  const area = (name: string, label: string, rows = 3, must = true, max = 2000) => (
    <Form.Item name={name} label={label} rules={must ? required(label) : []}>
      <Input.TextArea rows={rows} maxLength={max} showCount />
    </Form.Item>
  );
  const note = area('note', t('case.form.note'), 2, false);

  switch (action) {
    case 'accept':
    case 'startMediation':
    case 'close':
      return note;
    case 'decline':
      return area('reason', t('case.form.declineReason'), 4, true, 1000);
    case 'escalate':
      return area('reason', t('case.form.escalateReason'), 4);
    case 'reopen':
      return area('reason', t('case.form.reopenReason'), 4);
    case 'countyAnswer':
      return area('answer', t('case.form.countyAnswer'), 5, true, 4000);
    case 'assign':
      return (
        <>
          <AssignFields detail={detail} />
          {note}
        </>
      );
    case 'reassign':
      return (
        <>
          <AssignFields detail={detail} />
          {area('reason', t('case.form.reassignReason'), 3, true, 1000)}
        </>
      );
    case 'reachAgreement':
      return (
        <>
          {area('facts', t('case.form.facts'), 3, true, 4000)}
          {area('issues', t('case.form.issues'), 2)}
          {area('responsibilities', t('case.form.responsibilities'), 2, false)}
          {area('content', t('case.form.content'), 4, true, 4000)}
          {area('performanceMethod', t('case.form.performanceMethod'), 2, true, 1000)}
          <Form.Item name="performanceDeadline" label={t('case.form.performanceDeadline')}>
            <DatePicker format="YYYY-MM-DD" />
          </Form.Item>
        </>
      );
    case 'fail':
      return (
        <>
          <Form.Item name="referral" label={t('case.form.referral')} rules={required(t('case.form.referral'))}>
            <Radio.Group>
              {REFERRALS.map((r) => (
                <Radio key={r} value={r}>
                  {t(`case.referralKind.${r}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item name="referralBody" label={t('case.form.referralBody')}>
            <Input maxLength={200} />
          </Form.Item>
          {area('reason', t('case.form.failReason'), 4)}
        </>
      );
    case 'followUp':
      return <FollowUpFields />;
  }
}
