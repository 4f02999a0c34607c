import { App, Button, Card, Descriptions, Flex, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  recognitionSignalKeys, recognitionSignalLevels, type RecognitionSignalKey, type RecognitionSignals,
} from '../../../../shared/contracts/mot.contract';
import { errorMessageOf } from '../../../platform/errors/describe-error';

const levelColor = { low: '#8c8c8c', medium: '#fa8c16', high: '#cf1322' } as const;
const same = (a: RecognitionSignals, b: RecognitionSignals) => recognitionSignalKeys.every((k) => a[k] === b[k]);

/**
 * The opportunity recognition signals (§7.3) — urgency, relevance, information-source level,
 * decision level — each low | medium | high; editable when `onSave` is given.
 */
export function SignalsCard({ value, onSave, saving }: { value: RecognitionSignals; onSave?: (signals: RecognitionSignals) => Promise<unknown>; saving?: boolean }) {
  const { t } = useTranslation('mot');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const [draft, setDraft] = useState<RecognitionSignals>(value);
  useEffect(() => setDraft(value), [value]);
  const set = (key: RecognitionSignalKey, level: RecognitionSignals[RecognitionSignalKey]) => setDraft((d) => ({ ...d, [key]: level }));
  const save = () => void onSave?.(draft).then(() => message.success(t('signals.saved')), (error: unknown) => message.error(errorMessageOf(error, tp)));
  return (
    <Card title={t('signals.title')} size="small" data-testid="signals-card" extra={onSave ? (
      <Button size="small" disabled={same(draft, value)} loading={saving} onClick={save} data-testid="signals-save">{t('signals.save')}</Button>
    ) : null}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('signals.hint')}</Typography.Paragraph>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={recognitionSignalKeys.map((key) => ({
        key, label: t(`signal.${key}`),
        children: onSave ? (
          <Radio.Group size="small" optionType="button" value={draft[key]} onChange={(e) => set(key, e.target.value)} data-testid={`signal-${key}`}
            options={recognitionSignalLevels.map((l) => ({ value: l, label: t(`level.${l}`) }))} />
        ) : (
          <Flex>{value[key] ? <Typography.Text style={{ color: levelColor[value[key]] }}>{t(`level.${value[key]}`)}</Typography.Text> : <Typography.Text type="secondary">{t('level.unset')}</Typography.Text>}</Flex>
        ),
      }))} />
    </Card>
  );
}
