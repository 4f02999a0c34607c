import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function ForbiddenPage() {
  const { t } = useTranslation('platform');
  return (
    <Result
      status="403"
      title={t('pages.forbidden.title')}
      subTitle={t('pages.forbidden.subtitle')}
      extra={<Link to="/"><Button type="primary">{t('pages.backHome')}</Button></Link>}
    />
  );
}
