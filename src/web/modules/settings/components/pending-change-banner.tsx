import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Policies } from '../api';
import { PolicyChangeTable } from './policy-change-table';

/** Shown while a money-threshold change waits for the general manager. */
export function PendingChangeBanner({ pending, canOpenApproval }: { pending: NonNullable<Policies['pendingChange']>; canOpenApproval: boolean }) {
  const { t } = useTranslation('settings');
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="pending-change-banner"
      style={{ marginBottom: 16 }}
      title={t('pending.title')}
      description={(
        <div>
          <p style={{ marginTop: 0 }}>{t('pending.description')}</p>
          <PolicyChangeTable changes={pending.changes} />
        </div>
      )}
      action={canOpenApproval && pending.approvalId ? <Link to={`/inbox/${pending.approvalId}`}><Button size="small">{t('pending.viewApproval')}</Button></Link> : null}
    />
  );
}
