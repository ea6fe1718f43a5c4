import { useState } from 'react';
import { Col, Form, Input, InputNumber, Modal, Row, Select, TreeSelect, message } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ServicePoint } from '../../../../shared/contract/directory';
import { isServicePhone } from '../../../../shared/domain/phoneNumbers';
import { CHINA_BOUNDS } from '../../../../shared/domain/geometry';
import { SERVICE_POINT_CATEGORY_CODES, servicePointCategory, type ServicePointCategory, type ServicePointLevel } from '../../../../shared/domain/servicePoints';
import { call, CoreError } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { servicePointCategoryText } from '../../lib/labels';
import type { DivisionRow } from '../divisions/divisionTree';
import { pointLevelLabel } from './directoryColumns';

interface FormValues {
  name: string;
  category: ServicePointCategory;
  level: ServicePointLevel;
  divisionCode: string;
  address?: string;
  lon?: number | null;
  lat?: number | null;
  phone?: string;
  hours?: string;
  contactName?: string;
  staffCount?: number | null;
  notes?: string;
}

const FIELDS = ['name', 'category', 'level', 'divisionCode', 'address', 'lon', 'lat', 'phone', 'hours', 'contactName', 'staffCount', 'notes'] as const;

interface Props {
  open: boolean;
  /** The point to edit; null to create one. */
  point: ServicePoint | null;
  divisions: DivisionRow[];
  onClose(): void;
  onSaved(p: ServicePoint): void;
}

function initialValues(p: ServicePoint | null): Partial<FormValues> {
  if (!p) return { category: 'legal_point', level: 'village' };
  return {
    name: p.name,
    category: p.category as ServicePointCategory,
    level: p.level as ServicePointLevel,
    divisionCode: p.divisionCode,
    address: p.address ?? '',
    lon: p.lon,
    lat: p.lat,
    phone: p.phone ?? '',
    hours: p.hours ?? '',
    contactName: p.contactName ?? '',
    staffCount: p.staffCount,
    notes: p.notes ?? '',
  };
}

/**
 * Create or edit a service point. The form checks what it can at once (the same phone rule as the core);
 * the core checks the rest (level for the category, the point inside its division) and its field errors
 * are shown under the fields they name. Nothing is saved until the core accepts the whole point.
 */
export function PointFormModal({ open, point, divisions, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const category = Form.useWatch('category', form);
  const levels = servicePointCategory(category ?? '')?.levels ?? [];

  const submit = async () => {
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setFormError(null);
    const fields = {
      name: v.name,
      category: v.category,
      level: v.level,
      divisionCode: v.divisionCode,
      address: v.address ?? null,
      lon: v.lon ?? null,
      lat: v.lat ?? null,
      phone: v.phone ?? null,
      hours: v.hours ?? null,
      contactName: v.contactName ?? null,
      staffCount: v.staffCount ?? null,
      notes: v.notes ?? null,
    };
    try {
      const saved = point ? await call('directory.update', { id: point.id, ...fields }) : await call('directory.create', fields);
      void message.success(point ? t('directory.form.updated', { name: saved.name }) : t('directory.form.created', { name: saved.name }));
      onSaved(saved);
    } catch (err) {
      const issues = err instanceof CoreError ? (err.issues ?? (err.field ? [{ field: err.field, message: err.message }] : [])) : [];
      const known = issues.filter((i) => (FIELDS as readonly string[]).includes(i.field));
      if (known.length) form.setFields(known.map((i) => ({ name: i.field as (typeof FIELDS)[number], errors: [i.message] })));
      if (known.length < issues.length || issues.length === 0) setFormError(errorText(err, t, i18n.language));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={point ? t('directory.form.editTitle', { name: point.name }) : t('directory.form.createTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('directory.form.save')}
      cancelText={t('directory.form.cancel')}
      confirmLoading={saving}
      width={720}
      destroyOnHidden
      okButtonProps={{ id: 'point-form-save' }}
    >
      <Form form={form} layout="vertical" data-testid="point-form" requiredMark initialValues={initialValues(point)}>
        {formError && (
          <div role="alert" className="gc-dir-form-error" data-testid="point-form-error">
            {formError}
          </div>
        )}
        <Form.Item name="name" label={t('directory.col.name')} rules={[{ required: true, whitespace: true, min: 2, max: 60, message: t('directory.form.nameRule') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="category" label={t('directory.col.category')} rules={[{ required: true }]}>
              <Select
                options={SERVICE_POINT_CATEGORY_CODES.map((c) => ({ value: c, label: servicePointCategoryText(t, c) }))}
                onChange={(c: ServicePointCategory) => form.setFieldValue('level', servicePointCategory(c)?.level)}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="level" label={t('directory.col.level')} rules={[{ required: true }]}>
              <Select options={levels.map((l) => ({ value: l, label: pointLevelLabel(t, l) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="divisionCode" label={t('directory.col.division')} rules={[{ required: true, message: t('directory.form.divisionRule') }]}>
          <TreeSelect
            showSearch
            treeData={divisions}
            fieldNames={{ label: 'name', value: 'code', children: 'children' }}
            treeNodeFilterProp="name"
            placeholder={t('directory.form.divisionPlaceholder')}
            aria-label={t('directory.col.division')}
            data-testid="point-form-division"
          />
        </Form.Item>
        <Form.Item name="address" label={t('directory.col.address')} rules={[{ max: 120 }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="lon"
              label={t('directory.form.lon')}
              dependencies={['lat']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: number | null | undefined) =>
                    (value === null || value === undefined) === (getFieldValue('lat') === null || getFieldValue('lat') === undefined)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('directory.form.lonLatBoth'))),
                }),
              ]}
            >
              <InputNumber min={CHINA_BOUNDS.minLon} max={CHINA_BOUNDS.maxLon} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="lat" label={t('directory.form.lat')} dependencies={['lon']}>
              <InputNumber min={CHINA_BOUNDS.minLat} max={CHINA_BOUNDS.maxLat} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="phone"
              label={t('directory.col.phone')}
              rules={[{ validator: (_, v: string | undefined) => (!v || !v.trim() || isServicePhone(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('directory.form.phoneRule')))) }]}
            >
              <Input maxLength={24} placeholder="0737-1234567" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="hours" label={t('directory.col.hours')} rules={[{ max: 60 }]}>
              <Input maxLength={60} placeholder={t('directory.form.hoursPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="contactName" label={t('directory.col.contact')} rules={[{ max: 30 }]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="staffCount" label={t('directory.form.staffCount')}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={t('directory.form.notes')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
