import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorToast } from '../../../platform/errors/use-error-toast';
import { ErrorResult } from '../../../platform/errors/error-result';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { PageContainer } from '../../../platform/layout/page-container';
import { useApiTokens, useRevokeApiToken, type ApiToken } from '../api';
import { NewTokenModal } from '../components/new-token-modal';

export function ApiTokensPage() {
  const { t } = useTranslation('auth');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const showError = useErrorToast();
  const format = useFormatInstant();
  const [creating, setCreating] = useState(false);

  if (tokens.isError) return <ErrorResult error={tokens.error} onRetry={() => void tokens.refetch()} />;

  return (
    <PageContainer title={t('tokens.title')}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('tokens.create')}</Button>}>
      <Card>
        <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>
        <Table<ApiToken>
          rowKey="id"
          loading={tokens.isPending}
          dataSource={tokens.data?.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('tokens.empty') }}
          columns={[
            { title: t('tokens.name'), dataIndex: 'name' },
            { title: t('tokens.prefix'), dataIndex: 'prefix', render: (p: string) => <Typography.Text code>{p}…</Typography.Text>, responsive: ['sm'] },
            { title: t('tokens.createdAt'), dataIndex: 'createdAt', render: format, responsive: ['md'] },
            { title: t('tokens.lastUsedAt'), dataIndex: 'lastUsedAt', render: (v: string | null) => (v ? format(v) : t('tokens.never')), responsive: ['md'] },
            { title: t('tokens.status'), dataIndex: 'revokedAt', render: (v: string | null) => (v ? <Tag>{t('tokens.revoked')}</Tag> : <Tag color="green">{t('tokens.active')}</Tag>) },
            {
              title: tp('actions.actions'), key: 'actions', render: (_, token) => (token.revokedAt ? null : (
                <Popconfirm title={t('tokens.revokeConfirm')} okText={t('tokens.revoke')} cancelText={tp('actions.cancel')} okButtonProps={{ danger: true }}
                  onConfirm={() => revoke.mutateAsync(token.id).then(() => void message.success(t('tokens.revokedDone')), showError)}>
                  <Button danger size="small">{t('tokens.revoke')}</Button>
                </Popconfirm>
              )),
            },
          ]}
        />
      </Card>
      <NewTokenModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
