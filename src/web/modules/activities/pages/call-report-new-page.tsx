import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageContainer } from '../../../platform/layout/page-container';
import { CallReportForm } from '../components/call-report-form';

/** 写访问报告: a new call report, about the customer / opportunity / activity named in the query. */
export function CallReportNewPage() {
  const { t } = useTranslation('activities');
  const [params] = useSearchParams();
  const links = {
    customerId: params.get('customerId') ?? undefined, opportunityId: params.get('opportunityId') ?? undefined, activityId: params.get('activityId') ?? undefined,
  };
  return (
    <PageContainer title={t('report.new')}>
      <CallReportForm links={links} />
    </PageContainer>
  );
}
