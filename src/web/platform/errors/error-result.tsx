import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../http/api-error';
import { errorMessageOf, errorTitleOf } from './describe-error';
import { ForbiddenPage } from './forbidden-page';
import { NotFoundPage } from './not-found-page';

/** Whole-page display of a failed load: 403 and 404 get their pages, anything else a retry button. */
export function ErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation('platform');
  if (isApiError(error) && error.status === 403) return <ForbiddenPage />;
  if (isApiError(error) && error.status === 404) return <NotFoundPage />;
  return (
    <Result
      status="error"
      title={errorTitleOf(error, t)}
      subTitle={errorMessageOf(error, t)}
      extra={onRetry ? <Button type="primary" onClick={onRetry}>{t('actions.retry')}</Button> : null}
    />
  );
}
