import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorCodeOf, errorHintOf, errorMessageOf, errorTitleOf } from './describe-error';

/** Inline display of an api.md error: a title for the code, the server's localised message, and a hint when useful. */
export function ErrorAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  const { t } = useTranslation('platform');
  if (!error) return null;
  const hint = errorHintOf(error, t);
  const message = errorMessageOf(error, t);
  return (
    <Alert
      type={errorCodeOf(error) === 'CONFLICT' ? 'warning' : 'error'}
      showIcon
      role="alert"
      data-error-code={errorCodeOf(error)}
      title={errorTitleOf(error, t)}
      description={hint ? <>{message}<br />{hint}</> : message}
      closable={onClose ? { onClose } : false}
      style={{ marginBottom: 16 }}
    />
  );
}
