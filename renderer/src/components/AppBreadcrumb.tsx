import { Breadcrumb } from 'antd';
import { HomeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { navItemForPath } from './navItems';

export function AppBreadcrumb() {
  const { t } = useTranslation();
  const item = navItemForPath(useLocation().pathname);
  return (
    <Breadcrumb
      aria-label={t('nav.breadcrumb')}
      style={{ marginBottom: 8 }}
      items={[
        {
          title: (
            <Link to="/dashboard">
              <HomeOutlined /> {t('nav.home')}
            </Link>
          ),
        },
        ...(item ? [{ title: t(`nav.${item.key}`) }] : []),
      ]}
    />
  );
}
