import { Button, Result } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export type ComingFeature = 'map' | 'queue' | 'directory' | 'wall';

/** A page whose feature is not built yet: says so plainly and shows no made-up data. */
export function ComingSoonPage({ feature }: { feature: ComingFeature }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      icon={<ClockCircleOutlined />}
      data-testid={`coming-soon-${feature}`}
      title={t('comingSoon.title', { feature: t(`nav.${feature}`) })}
      subTitle={
        <>
          <div>{t(`comingSoon.${feature}`)}</div>
          <div>{t('comingSoon.subtitle')}</div>
        </>
      }
      extra={
        <Button type="primary" onClick={() => void navigate('/dashboard')}>
          {t('comingSoon.back')}
        </Button>
      }
    />
  );
}
