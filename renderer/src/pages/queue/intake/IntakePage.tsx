import { useState } from 'react';
import dayjs from 'dayjs';
import { App, Alert, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { OutputOf } from '../../../../../shared/contract';
import { DISPUTE_CATEGORIES, DISPUTE_SOURCES } from '../../../../../shared/domain/disputeStatus';
import { proposeWarning } from '../../../../../shared/domain/warningRules';
import { call, CoreError } from '../../../api/client';
import { errorText } from '../../../lib/errorText';
import { showFieldErrors } from '../formErrors';
import { categoryText, sourceText } from '../../../lib/labels';
import { DuplicateWarning } from './DuplicateWarning';
import { intakeInput, type IntakeValues } from './intakeValues';
import { PartiesFields } from './PartiesFields';
import { PlaceField } from './PlaceField';
import { useProposedWarning, WarningField } from './WarningField';
import { useAccount } from '../../../session/sessionContext';
import { clearDraft, hasContent, readDraft, useLeaveGuard, writeDraft } from './intakeDraft';

type Duplicate = OutputOf<'disputes.findDuplicates'>['duplicates'][number];

const FORM_FIELDS = new Set(['source', 'category', 'parties', 'place', 'address', 'summary', 'amountYuan', 'peopleInvolved', 'repeatVisits', 'warning', 'warningReason']);
const RENAME = { gridId: 'place', villageCode: 'place', location: 'place' };

/** Every optional field empty: what "start again" sets over a restored draft. */
const BLANK: Partial<IntakeValues> = {
  category: undefined,
  place: undefined,
  address: undefined,
  summary: undefined,
  amountYuan: undefined,
  warning: undefined,
  warningReason: undefined,
  location: undefined,
};

const INITIAL: IntakeValues = { source: 'walk_in', parties: [{ side: 'applicant' }, { side: 'respondent' }], peopleInvolved: 2, repeatVisits: 0 };

/** 登记: a new case, mostly by keyboard (Tab through, Enter adds a party, Ctrl+Enter saves). */
export function IntakePage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<IntakeValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflicts, setConflicts] = useState<Duplicate[]>([]);
  const { username } = useAccount();
  // A draft from before a reload (or a walk to another page) comes back as it was left.
  const [draft, setDraft] = useState(() => readDraft(username));
  const { leave } = useLeaveGuard(
    () => hasContent(form.getFieldsValue(true) as IntakeValues),
    (proceed) =>
      modal.confirm({
        title: t('intake.leave.title'),
        content: t('intake.leave.content'),
        okText: t('intake.leave.ok'),
        cancelText: t('intake.leave.stay'),
        onOk: proceed,
      }),
  );
  const discard = () => {
    clearDraft(username);
    setDraft(null);
    form.resetFields();
    form.setFieldsValue({ ...BLANK, ...INITIAL });
  };
  const cancel = () => {
    if (!hasContent(form.getFieldsValue(true) as IntakeValues)) return leave(() => void navigate('/queue'));
    modal.confirm({
      title: t('intake.leave.discardTitle'),
      content: t('intake.leave.discardContent'),
      okText: t('intake.leave.discard'),
      okButtonProps: { danger: true },
      cancelText: t('intake.leave.stay'),
      onOk: () => {
        clearDraft(username);
        leave(() => void navigate('/queue'));
      },
    });
  };

  return (
    <Flex vertical gap={8} data-testid="intake-page" style={{ maxWidth: 1100 }}>
      <Typography.Title level={1} className="gc-page-title" style={{ margin: 0 }}>
        {t('intake.title')}
      </Typography.Title>
      <Form<IntakeValues>
        form={form}
        layout="vertical"
        initialValues={draft?.values ?? INITIAL}
        onValuesChange={() => writeDraft(username, form.getFieldsValue(true) as IntakeValues)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            form.submit();
          }
        }}
        onFinish={(values) => void submit(values, false)}
        scrollToFirstError
      >
        {draft && (
          <Alert
            type="info"
            showIcon
            data-testid="intake-draft"
            style={{ marginBottom: 8 }}
            title={t('intake.draftRestored', { time: dayjs(draft.savedAt).format('YYYY-MM-DD HH:mm') })}
            action={
              <Button size="small" onClick={discard} data-testid="intake-draft-discard">
                {t('intake.draftDiscard')}
              </Button>
            }
          />
        )}
        <IntakeBody conflicts={conflicts} />
        {error !== null && <Alert type="error" showIcon role="alert" title={errorText(error, t, i18n.language)} style={{ marginBottom: 8 }} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="intake-submit" title="Ctrl+Enter">
            {t('intake.submit')}
          </Button>
          <Button onClick={cancel} data-testid="intake-cancel">
            {t('intake.cancel')}
          </Button>
          <Typography.Text type="secondary">{t('intake.keysHint')}</Typography.Text>
        </Space>
      </Form>
    </Flex>
  );

  async function submit(values: IntakeValues, allowDuplicate: boolean) {
    const category = values.category;
    if (!category) return;
    setBusy(true);
    setError(null);
    try {
      // The same rules the core applies: a colour the clerk picked that differs from them is an override.
      const proposed = proposeWarning({
        category,
        summary: values.summary ?? '',
        peopleInvolved: values.peopleInvolved ?? 1,
        amountYuan: values.amountYuan ?? undefined,
        repeatVisits: values.repeatVisits ?? 0,
      });
      const input = intakeInput({ ...values, category }, allowDuplicate, proposed.level);
      const res = await call('disputes.intake', input);
      clearDraft(username);
      void message.success(t('intake.saved', { caseNo: res.caseNo }));
      leave(() => void navigate(`/cases/${res.id}`));
    } catch (err) {
      if (err instanceof CoreError && err.code === 'CONFLICT' && !allowDuplicate) {
        const dups = await duplicatesOf(values);
        setConflicts(dups);
        modal.confirm({
          title: t('intake.duplicates.confirmTitle'),
          content: err.message,
          okText: t('intake.duplicates.registerAnyway'),
          cancelText: t('intake.cancel'),
          onOk: () => submit(values, true),
        });
      } else if (!showFieldErrors(form, err, FORM_FIELDS, RENAME)) {
        setError(err);
      }
    } finally {
      setBusy(false);
    }
  }
}

async function duplicatesOf(v: IntakeValues): Promise<Duplicate[]> {
  try {
    const res = await call('disputes.findDuplicates', {
      gridId: v.place?.gridId,
      villageCode: v.place?.villageCode,
      parties: v.parties.map((p) => ({ name: p.name?.trim() || undefined, idNumber: p.idNumber?.trim() || undefined, phone: p.phone?.trim() || undefined })),
    });
    return res.duplicates;
  } catch {
    return [];
  }
}

/** The form's fields (a child of <Form>, so the watchers see its values). */
function IntakeBody({ conflicts }: { conflicts: Duplicate[] }) {
  const { t } = useTranslation();
  const proposal = useProposedWarning();
  const required = (label: string) => [{ required: true, message: t('case.form.required', { label }) }];
  return (
    <>
      <Card size="small" title={t('intake.section.case')} style={{ marginBottom: 8 }}>
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <Form.Item name="source" label={t('queue.col.source')} rules={required(t('queue.col.source'))}>
              <Select autoFocus showSearch={{ optionFilterProp: 'label' }} options={DISPUTE_SOURCES.map((s) => ({ value: s, label: sourceText(t, s) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="category" label={t('queue.col.category')} rules={required(t('queue.col.category'))}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('intake.pickCategory')}
                options={DISPUTE_CATEGORIES.map((c) => ({ value: c, label: categoryText(t, c) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={8} md={4}>
            <Form.Item name="peopleInvolved" label={t('queue.col.people')}>
              <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={8} md={5}>
            <Form.Item name="amountYuan" label={t('intake.amount')}>
              <InputNumber min={0} max={1e12} precision={2} style={{ width: '100%' }} suffix={t('intake.yuan')} />
            </Form.Item>
          </Col>
          <Col xs={8} md={3}>
            <Form.Item name="repeatVisits" label={t('intake.repeatVisits')}>
              <InputNumber min={0} max={1000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('intake.section.parties')} style={{ marginBottom: 8 }}>
        <PartiesFields />
      </Card>
      <Card size="small" title={t('intake.section.place')} style={{ marginBottom: 8 }}>
        <PlaceField />
      </Card>
      <Card size="small" title={t('intake.section.summary')} style={{ marginBottom: 8 }}>
        <Form.Item name="summary" rules={[{ required: true, whitespace: true, message: t('intake.summaryRequired') }]}>
          <Input.TextArea aria-label={t('case.summary')} rows={4} maxLength={4000} showCount placeholder={t('intake.summaryPlaceholder')} />
        </Form.Item>
        <WarningField proposal={proposal} />
        <DuplicateWarning extra={conflicts} />
      </Card>
    </>
  );
}
