import { Button, Modal, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { OpportunityDraft } from '../../../../shared/contracts/leads.contract';
import { useAccess } from '../../../platform/access/access';

/**
 * After a lead is converted: offer to create the opportunity right away, prefilled from the
 * conversion's draft (customer, contact, name, need, estimated amount, source, lead), or to open the customer.
 */
export function ConvertedLeadPrompt({ draft, onClose }: { draft: OpportunityDraft; onClose: () => void }) {
  const { t } = useTranslation('opportunities');
  const { can } = useAccess();
  const navigate = useNavigate();
  return (
    <Modal open footer={null} onCancel={onClose} data-testid="converted-lead-prompt">
      <Result status="success" title={t('fromLead.title')} subTitle={t('fromLead.subtitle')}
        extra={[
          ...(can('opportunity:create') ? [
            <Button key="create" type="primary" autoFocus onClick={() => navigate('/opportunities/new', { state: { draft } })} data-testid="create-from-lead">
              {t('fromLead.create')}
            </Button>,
          ] : []),
          <Button key="customer" onClick={() => navigate(`/customers/${draft.customerId}`)} data-testid="open-converted-customer">{t('fromLead.openCustomer')}</Button>,
        ]} />
    </Modal>
  );
}
