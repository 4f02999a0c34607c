import { Descriptions, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/money-format';
import type { Amendment } from '../api';
import { Changes } from './amendment-history';

interface AmendmentSnapshot {
  number: string; title: string; customerName: string; seq: number; reason: string; isMajor: boolean;
  before: Amendment['before']; after: Amendment['after'];
}

/** Whether an approval's frozen snapshot has the contract amendment shape (documentType contract_amendment). */
export function isAmendmentSnapshot(snapshot: Record<string, unknown>): snapshot is Record<string, unknown> & AmendmentSnapshot {
  return typeof snapshot.number === 'string' && typeof snapshot.before === 'object' && snapshot.before !== null && typeof snapshot.after === 'object' && snapshot.after !== null;
}

/** The approver's view of an amendment: the contract, the reason and every change highlighted, as frozen at submission. */
export function AmendmentSnapshotView({ snapshot }: { snapshot: AmendmentSnapshot }) {
  const { t } = useTranslation('contracts');
  return (
    <Flex vertical gap={12}>
      <Descriptions bordered size="small" column={1} items={[
        { key: 'contract', label: t('field.number'), children: `${snapshot.number} ${snapshot.title}` },
        { key: 'customer', label: t('field.customer'), children: snapshot.customerName },
        { key: 'seq', label: t('tab.amendments'), children: <>{t('amend.seq', { seq: snapshot.seq })} {snapshot.isMajor ? <Tag color="orange">{t('field.major')}</Tag> : null}</> },
        { key: 'amount', label: t('field.amount'), children: `${formatMoney(snapshot.before.amount)} → ${formatMoney(snapshot.after.amount)}` },
        { key: 'reason', label: t('amend.reason'), children: snapshot.reason },
      ]} />
      <Changes before={snapshot.before} after={snapshot.after} />
    </Flex>
  );
}
