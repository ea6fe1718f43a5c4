import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { DivisionPicker, type Place } from '../DivisionPicker';

/** Village → grid from cascading selectors (no geocoder offline), and the address as typed. */
export function PlaceField() {
  const { t } = useTranslation();
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Form.Item
          name="place"
          label={t('intake.place')}
          extra={t('intake.placeHint')}
          rules={[
            {
              validator: async (_, v: Place | undefined) => {
                if (!v?.gridId && !v?.villageCode) throw new Error(t('intake.placeRequired'));
              },
            },
          ]}
        >
          <PlacePicker />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="address" label={t('intake.address')}>
          <Input maxLength={200} placeholder={t('intake.addressPlaceholder')} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** DivisionPicker as a form control (antd passes value, onChange and id). */
function PlacePicker({ value, onChange, id }: { value?: Place; onChange?: (p: Place) => void; id?: string }) {
  const { t } = useTranslation();
  return (
    <DivisionPicker
      id={id}
      aria-label={t('intake.place')}
      value={value ?? {}}
      onChange={(p) => onChange?.(p)}
      anyLevel={false}
      placeholder={t('intake.placePlaceholder')}
      style={{ width: '100%' }}
    />
  );
}
