import { DatePicker, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';

/** 回访: performed or not; when performed, how and how satisfied; when not, why. */
export function FollowUpFields() {
  const { t } = useTranslation();
  const performed = Form.useWatch<boolean | undefined>('performed');
  return (
    <>
      <Form.Item name="performed" label={t('case.followUp.performed')} rules={[{ required: true }]}>
        <Radio.Group>
          <Radio value={true}>{t('case.followUp.yes')}</Radio>
          <Radio value={false}>{t('case.followUp.no')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="visitedAt" label={t('case.followUp.visitedAt')}>
        <DatePicker format="YYYY-MM-DD" />
      </Form.Item>
      {performed !== false ? (
        <>
          <Form.Item name="method" label={t('case.followUp.method')}>
            <Radio.Group>
              <Radio value="visit">{t('case.followUp.visit')}</Radio>
              <Radio value="phone">{t('case.followUp.phone')}</Radio>
              <Radio value="other">{t('case.followUp.other')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="satisfaction"
            label={t('case.followUp.satisfaction')}
            rules={[{ required: true, message: t('case.followUp.satisfactionRequired') }]}
          >
            <Radio.Group>
              <Radio value={3}>{t('case.followUp.s3')}</Radio>
              <Radio value={2}>{t('case.followUp.s2')}</Radio>
              <Radio value={1}>{t('case.followUp.s1')}</Radio>
            </Radio.Group>
          </Form.Item>
        </>
      ) : (
        <Form.Item
          name="reason"
          label={t('case.followUp.reason')}
          rules={[{ required: true, whitespace: true, message: t('case.followUp.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('case.form.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </>
  );
}
