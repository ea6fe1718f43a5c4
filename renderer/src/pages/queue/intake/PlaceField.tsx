import { useState } from 'react';
import { Button, Col, Form, Input, Row, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DivisionPicker, type Place } from '../DivisionPicker';
import { IntakeMap, type LocatedPoint } from './IntakeMap';

/**
 * Village → grid from cascading selectors (no geocoder offline), the address as typed, and optionally a
 * point on a small map of the village's grids (which also picks the grid that holds it).
 */
export function PlaceField() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const [showMap, setShowMap] = useState(false);
  const place = Form.useWatch<Place | undefined>('place');
  const location = Form.useWatch<{ lon: number; lat: number } | undefined>('location');

  const onPick = (p: LocatedPoint) => {
    const g = p.grid;
    form.setFieldsValue({
      location: { lon: p.lon, lat: p.lat },
      ...(g ? { place: { countyCode: g.countyCode, townshipCode: g.townshipCode, villageCode: g.villageCode, gridId: g.gridId } } : {}),
    });
    void form.validateFields(['place']);
  };

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
      <Col span={24}>
        <Form.Item name="location" hidden>
          <input type="hidden" />
        </Form.Item>
        <Button size="small" icon={<EnvironmentOutlined />} onClick={() => setShowMap((v) => !v)} data-testid="intake-map-toggle">
          {showMap ? t('intake.mapHide') : t('intake.mapShow')}
        </Button>
        {location && (
          <Typography.Text type="secondary" className="gc-num" style={{ marginLeft: 8 }} data-testid="intake-point">
            {t('intake.point', { lon: location.lon.toFixed(5), lat: location.lat.toFixed(5) })}
          </Typography.Text>
        )}
        {showMap && (
          <div style={{ marginTop: 8 }}>
            <IntakeMap villageCode={place?.villageCode} point={location} onPick={onPick} />
          </div>
        )}
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
