import { Button, Card, Drawer, Flex, Form, Input, InputNumber, Select, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalculateLimitBody } from '../../../../shared/contracts/credit-ratings.contract';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useCalculateLimit, type LimitCalculation } from '../api';
import { formatMoney } from './credit-format';

type Method = CalculateLimitBody['method'];
const METHODS: Method[] = ['sales_based', 'working_capital', 'current_ratio', 'net_asset', 'judgement'];
const MONEY = /^-?\d{1,16}(\.\d{1,2})?$/;
const RATIO = /^\d{1,3}(\.\d{1,6})?$/;

/** The inputs of each method: money fields, ratio fields (0–1 or a ratio), whole counts. */
type InputName = 'expectedAnnualSales' | 'costRate' | 'supplyShare' | 'creditPeriodDays' | 'currentAssets' | 'currentLiabilities' | 'supplierCount' | 'baseLimit' | 'normRatio' | 'totalAssets' | 'totalLiabilities' | 'limit' | 'previousLimit' | 'reasons';
const FIELDS: Record<Method, { name: InputName; kind: 'money' | 'ratio' | 'count' | 'reasons' }[]> = {
  sales_based: [{ name: 'expectedAnnualSales', kind: 'money' }, { name: 'costRate', kind: 'ratio' }, { name: 'supplyShare', kind: 'ratio' }, { name: 'creditPeriodDays', kind: 'count' }],
  working_capital: [{ name: 'currentAssets', kind: 'money' }, { name: 'currentLiabilities', kind: 'money' }, { name: 'supplierCount', kind: 'count' }],
  current_ratio: [{ name: 'currentAssets', kind: 'money' }, { name: 'currentLiabilities', kind: 'money' }, { name: 'baseLimit', kind: 'money' }, { name: 'normRatio', kind: 'ratio' }],
  net_asset: [{ name: 'totalAssets', kind: 'money' }, { name: 'totalLiabilities', kind: 'money' }, { name: 'supplierCount', kind: 'count' }],
  judgement: [{ name: 'limit', kind: 'money' }, { name: 'previousLimit', kind: 'money' }, { name: 'reasons', kind: 'reasons' }],
};

/**
 * The five limit calculators (信用额度测算) with their working; "propose this limit" hands the result
 * to the credit change request form (the limit still goes through approval).
 */
export function LimitCalculatorDrawer({ onClose, onPropose, prefill }: {
  onClose: () => void; onPropose?: (limit: string, working: string[]) => void; prefill?: Record<string, string>;
}) {
  const { t } = useTranslation('credit');
  const [form] = Form.useForm();
  const [method, setMethod] = useState<Method>('net_asset');
  const [result, setResult] = useState<LimitCalculation | null>(null);
  const calculate = useCalculateLimit();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const run = (v: Record<string, unknown>) => {
    clearFormError();
    const inputs: Record<string, unknown> = {};
    for (const f of FIELDS[method]) {
      const value = v[f.name];
      if (value === undefined || value === null || value === '') continue;
      inputs[f.name] = f.kind === 'reasons' ? String(value).split('\n').map((s) => s.trim()).filter(Boolean) : f.kind === 'count' ? Number(value) : String(value).trim();
    }
    calculate.mutate({ method, inputs } as CalculateLimitBody, { onSuccess: setResult, onError: handleError });
  };
  return (
    <Drawer open width={560} title={t('calc.title')} onClose={onClose} data-testid="limit-calculator">
      <Flex vertical gap={12}>
        <Select value={method} onChange={(m) => { setMethod(m); setResult(null); }} options={METHODS.map((m) => ({ value: m, label: t(`calc.method.${m}`) }))} />
        <Typography.Text type="secondary">{t(`calc.formula.${method}`)}</Typography.Text>
        <ErrorAlert error={formError} />
        <Form key={method} form={form} layout="vertical" onFinish={run} initialValues={{ normRatio: '2', ...prefill }}>
          {FIELDS[method].map((f) => (
            <Form.Item key={f.name} name={f.name} label={t(`calc.input.${f.name}`)}
              rules={[
                ...(f.name === 'previousLimit' ? [] : [{ required: true, message: t('field.required') }]),
                ...(f.kind === 'money' ? [{ pattern: MONEY, message: t('field.moneyFormat') }] : f.kind === 'ratio' ? [{ pattern: RATIO, message: t('calc.ratioFormat') }] : []),
              ]}>
              {f.kind === 'count' ? <InputNumber min={0} precision={0} style={{ width: 160 }} />
                : f.kind === 'reasons' ? <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} placeholder={t('calc.reasonsPlaceholder')} />
                  : <Input prefix={f.kind === 'money' ? '¥' : undefined} inputMode="decimal" />}
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" loading={calculate.isPending} data-testid="calc-run">{t('calc.run')}</Button>
        </Form>
        {result ? (
          <Card size="small" data-testid="calc-result">
            <Statistic title={t('calc.limit')} value={formatMoney(result.limit)} />
            <ol style={{ paddingLeft: 20, margin: '8px 0' }}>{result.working.map((w, i) => <li key={i}><Typography.Text>{w}</Typography.Text></li>)}</ol>
            {onPropose ? <Space><Button type="primary" onClick={() => onPropose(result.limit, result.working)} data-testid="calc-propose">{t('calc.propose')}</Button></Space> : null}
          </Card>
        ) : null}
      </Flex>
    </Drawer>
  );
}
