import { Alert, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApprovalLevel, ApprovalReason } from '../../../../shared/contracts/quotes.contract';
import { formatMoney } from '../../../../shared/money-format';

/** One approval reason as a sentence naming the line, the price and the limit. */
export function useReasonText() {
  const { t } = useTranslation('quotes');
  return (r: ApprovalReason) => {
    switch (r.code) {
      case 'belowFloor': return t('reason.belowFloor', { line: r.line, price: formatMoney(r.price), floor: formatMoney(r.floor) });
      case 'outsideFloatRange': return t('reason.outsideFloatRange', { line: r.line, price: formatMoney(r.price), low: formatMoney(r.low), high: formatMoney(r.high) });
      case 'discountAboveLimit': return t('reason.discountAboveLimit', { discountPct: r.discountPct, limit: r.limit });
    }
  };
}

/** The "需要审批，因为 …" banner: the exception reasons and the approval steps a submission will take. */
export function ApprovalBanner({ reasons, level, steps, checking }: { reasons: readonly ApprovalReason[]; level: ApprovalLevel; steps: readonly string[]; checking?: boolean }) {
  const { t } = useTranslation('quotes');
  const text = useReasonText();
  const stepLine = steps.length > 0 ? <Typography.Text type="secondary">{t('banner.steps', { steps: steps.join(' → ') })}</Typography.Text> : null;
  if (reasons.length === 0) {
    return <Alert type="success" showIcon data-testid="quote-banner" role="status" message={checking ? t('banner.checking') : t('banner.none')} description={stepLine} />;
  }
  return (
    <Alert type="warning" showIcon data-testid="quote-banner" role="status"
      message={<Space size={8} wrap>{t('banner.needs')}<Tag color="orange">{t(`level.${level}`)}</Tag></Space>}
      description={(
        <>
          <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>{reasons.map((r, i) => <li key={i}>{text(r)}</li>)}</ul>
          {stepLine}
        </>
      )} />
  );
}
