import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreditGrade } from '../api';

export { formatMoney } from '../../../../shared/money-format';

const gradeColors = { A: 'green', B: 'blue', C: 'orange', D: 'red' } as const;

/** A credit grade as a coloured tag (A green … D red); "not graded" when there is no profile. */
export function GradeTag({ grade }: { grade: CreditGrade | null }) {
  const { t } = useTranslation('credit');
  if (!grade) return <Tag data-testid="credit-grade">{t('grade.none')}</Tag>;
  return <Tag color={gradeColors[grade]} data-testid="credit-grade">{t(`grade.${grade}`)}</Tag>;
}

/** Payment terms as people say them: "60 天", or 款到发货 for 0 days. */
export function useTermsText() {
  const { t } = useTranslation('credit');
  return (days: number | null | undefined) => (days === null || days === undefined ? '—' : days === 0 ? t('cashBeforeDelivery') : t('days', { n: days }));
}
