import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/money-format';
import type { OrderChange } from '../api';

type Values = OrderChange['before'];

/** What an order change changes, as "before → after" lines (only the values that differ). */
export function ChangeDiff({ before, after }: { before: Values; after: Values }) {
  const { t } = useTranslation('orders');
  const rows: { key: string; label: string; from: string; to: string }[] = [];
  const add = (key: string, label: string, from: string, to: string) => { if (from !== to) rows.push({ key, label, from, to }); };
  add('status', t('diff.status'), t(`status.${before.status}`), t(`status.${after.status}`));
  add('priority', t('diff.priority'), t(`priority.${before.priority}`), t(`priority.${after.priority}`));
  add('dueDate', t('diff.dueDate'), before.dueDate, after.dueDate);
  after.lines.forEach((line, i) => {
    const old = before.lines[i];
    if (!old) return;
    const n = `#${i + 1} `;
    add(`product${i}`, `${n}${t('diff.product')}`, old.description, line.description);
    add(`qty${i}`, `${n}${old.description} ${t('diff.quantity')}`, `${old.quantity}${old.unit}`, `${line.quantity}${line.unit}`);
    add(`pack${i}`, `${n}${old.description} ${t('diff.packaging')}`, old.packaging ?? t('diff.none'), line.packaging ?? t('diff.none'));
  });
  add('amount', t('diff.amount'), formatMoney(before.amount), formatMoney(after.amount));
  return (
    <Flex vertical gap={2}>
      {rows.map((r) => (
        <Typography.Text key={r.key} style={{ fontSize: 13 }}>
          <Typography.Text type="secondary">{r.label}：</Typography.Text>
          <Typography.Text delete type="secondary">{r.from}</Typography.Text> → <Typography.Text strong>{r.to}</Typography.Text>
        </Typography.Text>
      ))}
    </Flex>
  );
}
