import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/errorText';

/** A failed call, in words a clerk can act on, with a retry. */
export function CallError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('errors.title')}
      description={errorText(error, t, i18n.language)}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        )
      }
    />
  );
}
