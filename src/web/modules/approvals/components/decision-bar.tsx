import { CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decision } from '../api';
import { DecisionModal } from './decision-modal';

/** Approve / reject / return buttons for the assignee of the current step. */
export function DecisionBar({ approvalId }: { approvalId: string }) {
  const { t } = useTranslation('approvals');
  const { message } = App.useApp();
  const [decision, setDecision] = useState<Decision | null>(null);
  return (
    <>
      <Flex gap={8} wrap data-testid="decision-bar">
        <Button type="primary" icon={<CheckOutlined />} onClick={() => setDecision('approve')} data-testid="approve">{t('decide.approve')}</Button>
        <Button icon={<RollbackOutlined />} onClick={() => setDecision('return')} data-testid="return">{t('decide.return')}</Button>
        <Button danger icon={<CloseOutlined />} onClick={() => setDecision('reject')} data-testid="reject">{t('decide.reject')}</Button>
      </Flex>
      {decision ? (
        <DecisionModal
          key={decision}
          approvalId={approvalId}
          decision={decision}
          onClose={() => setDecision(null)}
          onDone={(done) => {
            setDecision(null);
            void message.success(t(`decide.done.${done}`));
          }}
        />
      ) : null}
    </>
  );
}
