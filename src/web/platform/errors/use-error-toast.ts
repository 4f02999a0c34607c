import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageOf, errorTitleOf } from './describe-error';

/** A toast for errors of actions that have no form to show them in. */
export function useErrorToast() {
  const { notification } = App.useApp();
  const { t } = useTranslation('platform');
  return useCallback((error: unknown) => {
    notification.error({ title: errorTitleOf(error, t), description: errorMessageOf(error, t), placement: 'topRight' });
  }, [notification, t]);
}
