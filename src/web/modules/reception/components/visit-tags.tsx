import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReceptionVisit } from '../api';

const routedColor: Record<ReceptionVisit['routedBy'], string> = {
  existing_owner: 'green', named_rep: 'blue', duty_rotation: 'geekblue', no_roster_fallback: 'orange', manual_override: 'red',
};

/** How the visitor was routed, as a coloured tag. */
export function RoutedByTag({ routedBy }: { routedBy: ReceptionVisit['routedBy'] }) {
  const { t } = useTranslation('reception');
  return <Tag color={routedColor[routedBy]}>{t(`routedBy.${routedBy}`)}</Tag>;
}

/** New or returning, market survey and make-up state of a visit. */
export function VisitStatusTags({ visit }: { visit: ReceptionVisit }) {
  const { t } = useTranslation('reception');
  return (
    <Space size={4} wrap>
      <Tag color={visit.isReturning ? 'green' : 'default'}>{t(visit.isReturning ? 'status.returning' : 'status.new')}</Tag>
      {visit.marketSurvey ? <Tag color="purple">{t('status.marketSurvey')}</Tag> : null}
      {visit.makeUp ? <Tag color={visit.makeUp.status === 'approved' ? 'gold' : 'default'}>{t(`status.makeUp.${visit.makeUp.status}`)}</Tag> : null}
      {visit.isMakeUpTurn ? <Tag color="gold">{t('result.makeUp')}</Tag> : null}
    </Space>
  );
}

/** "老客户，归属 陈静" / "值班轮转 → 杨帆": why the visitor went to their rep. */
export function useRoutingReason() {
  const { t } = useTranslation('reception');
  return (visit: ReceptionVisit) => t(`result.${visit.routedBy}`, { name: visit.assignee.name }) + (visit.isMakeUpTurn ? t('result.makeUp') : '');
}
