import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function NotFoundPage() {
  const { t } = useTranslation('platform');
  return (
    <Result
      status="404"
      title={t('pages.notFound.title')}
      subTitle={t('pages.notFound.subtitle')}
      extra={<Link to="/"><Button type="primary">{t('pages.backHome')}</Button></Link>}
    />
  );
}
