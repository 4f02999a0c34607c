import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Modal, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../../platform/access/access';
import { NeedFormModal } from './need-form-modal';
import { NeedsBoard } from './needs-board';
import { SatisfactionSummary } from './satisfaction-summary';
import { TouchpointForm } from './touchpoint-form';
import { TouchpointList } from './touchpoint-list';

/** The customer page's "moments of truth" tab: its touchpoints (record one quickly), its needs board and satisfaction. */
export function CustomerMotTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation('mot');
  const { can } = useAccess();
  const canReadNeeds = can('need:read');
  const [view, setView] = useState<'touchpoints' | 'needs'>('touchpoints');
  const [dialog, setDialog] = useState<'touchpoint' | 'need' | null>(null);
  return (
    <div data-testid="customer-mot-tab">
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} align="center">
          {canReadNeeds ? (
            <Segmented value={view} onChange={(v) => setView(v as 'touchpoints' | 'needs')}
              options={[{ value: 'touchpoints', label: t('tab.touchpoints') }, { value: 'needs', label: t('tab.needs') }]} />
          ) : null}
          {canReadNeeds ? <SatisfactionSummary filter={{ customerId, groupBy: 'customer' }} /> : null}
        </Flex>
        <Flex wrap gap={8}>
          {view === 'needs' && can('need:create') ? <Button icon={<PlusOutlined />} onClick={() => setDialog('need')} data-testid="add-need">{t('needs.create')}</Button> : null}
          {can('touchpoint:create') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('touchpoint')} data-testid="add-touchpoint">{t('touchpoints.record')}</Button> : null}
        </Flex>
      </Flex>
      {view === 'needs' && canReadNeeds ? <NeedsBoard filter={{ customerId }} showCustomer={false} /> : <TouchpointList filter={{ customerId }} showCustomer={false} />}
      {dialog === 'touchpoint' ? (
        <Modal open title={t('touchpoints.record')} footer={null} onCancel={() => setDialog(null)} destroyOnHidden>
          <TouchpointForm customerId={customerId} onDone={() => setDialog(null)} onCancel={() => setDialog(null)} />
        </Modal>
      ) : null}
      {dialog === 'need' ? <NeedFormModal customerId={customerId} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
