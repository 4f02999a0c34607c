import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../../platform/access/access';
import { PageContainer } from '../../../platform/layout/page-container';
import type { NeedFilter } from '../api';
import { NeedFormModal } from '../components/need-form-modal';
import { NeedsBoard } from '../components/needs-board';
import { SatisfactionSummary } from '../components/satisfaction-summary';

/** 客户需求: the MOT board of the needs I can see, with the average satisfaction of the confirmed ones. */
export function NeedsPage() {
  const { t } = useTranslation('mot');
  const { t: tp } = useTranslation('platform');
  const { can, user } = useAccess();
  const [mine, setMine] = useState(false);
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const filter: NeedFilter = { ownerId: mine ? 'me' : undefined, q: q.trim() || undefined };
  return (
    <PageContainer title={t('needs.title')} extra={can('need:create')
      ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="add-need">{t('needs.create')}</Button> : undefined}>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>{t('needs.intro')}</Typography.Paragraph>
      <Flex wrap gap={12} align="center" justify="space-between" style={{ marginBottom: 12 }}>
        <Flex wrap gap={12} align="center">
          <Input.Search allowClear placeholder={tp('actions.search')} onSearch={setQ} style={{ width: 220 }} />
          <Flex gap={6} align="center"><Switch size="small" checked={mine} onChange={setMine} /><Typography.Text>{t('needs.mine')}</Typography.Text></Flex>
        </Flex>
        <SatisfactionSummary filter={{ ownerId: mine ? user?.id : undefined }} />
      </Flex>
      <NeedsBoard filter={filter} />
      {creating ? <NeedFormModal onClose={() => setCreating(false)} /> : null}
    </PageContainer>
  );
}
