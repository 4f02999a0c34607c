import { Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { useBorrowRecords, type BorrowFilter } from '../api';
import { BorrowRecordsTable } from '../components/borrow-records-table';
import { CustomerSelect } from '../components/customer-select';
import { UserSelect } from '../components/user-select';

/** 档案借阅记录: who opened which confidential file, when and why — per user or per customer. */
export function BorrowRecordsPage() {
  const { t } = useTranslation('customers');
  const [filter, setFilter] = useState<BorrowFilter>({});
  const list = useBorrowRecords(filter);
  return (
    <PageContainer title={t('borrows.title')}>
      <Typography.Paragraph type="secondary">{t('borrows.intro')}</Typography.Paragraph>
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <UserSelect allowClear placeholder={t('borrows.anyUser')} style={{ width: 180, maxWidth: '100%' }} value={filter.userId}
            onChange={(userId) => setFilter((f) => ({ ...f, userId }))} />
          <div style={{ width: 260, maxWidth: '100%' }}>
            <CustomerSelect value={filter.customerId} onChange={(customerId) => setFilter((f) => ({ ...f, customerId }))} />
          </div>
        </Flex>
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        <BorrowRecordsTable list={list} showCustomer emptyText={t('borrows.empty')} />
      </Card>
    </PageContainer>
  );
}
