import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router-dom';

/** Router error boundary: a page that crashed or a chunk that failed to load (often after a deploy). */
export function RouteError() {
  const { t } = useTranslation('platform');
  const error = useRouteError();
  console.error(error);
  return (
    <Result
      status="warning"
      title={t('pages.crashed.title')}
      subTitle={t('pages.crashed.subtitle')}
      extra={<Button type="primary" onClick={() => window.location.reload()}>{t('pages.reload')}</Button>}
    />
  );
}
