import { ArrowLeftOutlined, EditOutlined, RiseOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Form, Input, Modal, Row, Select, Space, Switch, Tag, Timeline, Typography, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { ErrorResult } from '../../../platform/errors/error-result';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { PageContainer } from '../../../platform/layout/page-container';
import { useUpdateProduct, usePriceHistory, useProduct, type PriceChange, type PriceHistory, type Product } from '../api';
import { ProductStatusTags } from '../components/change-tags';
import { RequestsTable } from '../components/requests-table';
import { PriceChangeModal } from '../components/price-change-modal';
import { bandText, PERCENT_INPUT, showMoney, showPercent } from '../components/price-format';

/** 产品详情: prices in force, price history as a timeline, the change requests, and the price change form. */
export function ProductDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('products');
  const { can } = useAccess();
  const navigate = useNavigate();
  const product = useProduct(id);
  const history = usePriceHistory(id);
  const [changing, setChanging] = useState(false);
  const [editing, setEditing] = useState(false);

  if (product.isError) return <ErrorResult error={product.error} onRetry={() => void product.refetch()} />;
  const p = product.data;
  const pending = history.data?.requests.find((r) => r.status === 'pending');
  const seeCost = can('product:read_cost');

  return (
    <PageContainer title={p ? (p.name.includes(p.code) ? p.name : `${p.name}（${p.code}）`) : '…'} extra={(
      <>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/products')}>{t('detail.back')}</Button>
        {p && can('product:write') ? <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('detail.edit')}</Button> : null}
        {p && can('price:request') ? (
          <Button type="primary" icon={<RiseOutlined />} disabled={Boolean(pending)} onClick={() => setChanging(true)} data-testid="request-price-change">{t('detail.requestChange')}</Button>
        ) : null}
      </>
    )}>
      {pending ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('detail.pendingBanner', { summary: summaryOf(pending) })}
        action={pending.approvalId ? <Link to={`/inbox/${pending.approvalId}`}>{t('change.openApproval')}</Link> : null} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('detail.prices')} loading={product.isPending} extra={p ? <ProductStatusTags product={p} /> : null}>
            {p && p.listPrice === null ? <Alert type="info" showIcon title={t('detail.noPrice')} /> : null}
            {p && p.listPrice !== null ? (
              <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={[
                { key: 'list', label: t('field.listPrice'), children: <Typography.Text strong>{showMoney(p.listPrice)}</Typography.Text> },
                { key: 'floor', label: t('field.floorPrice'), children: showMoney(p.floorPrice) },
                { key: 'range', label: t('field.floatRange'), children: showPercent(p.floatRange) },
                { key: 'band', label: t('field.priceBand'), children: bandText(p) },
                { key: 'cost', label: t('field.cost'), children: seeCost ? showMoney(p.cost) : <Typography.Text type="secondary">{t('field.costHidden')}</Typography.Text> },
                { key: 'tax', label: t('field.taxRate'), children: showPercent(p.taxRate) },
                { key: 'from', label: t('field.effectiveFrom'), children: p.priceEffectiveFrom },
              ]} />
            ) : null}
          </Card>
          <Card title={t('detail.info')} loading={product.isPending} style={{ marginTop: 16 }}>
            {p ? (
              <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={[
                { key: 'code', label: t('field.code'), children: p.code },
                { key: 'kind', label: t('field.kind'), children: t(`kind.${p.kind}`) },
                { key: 'unit', label: t('field.unit'), children: p.unit },
                { key: 'category', label: t('field.category'), children: p.category ?? '—' },
                { key: 'spec', label: t('field.spec'), span: 2, children: p.spec ?? '—' },
              ]} />
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('detail.history')} loading={history.isPending}>
            {history.data ? <PriceTimeline history={history.data} seeCost={seeCost} /> : null}
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('detail.requests')}>
            <RequestsTable requests={history.data?.requests ?? []} loading={history.isPending} />
          </Card>
        </Col>
      </Row>
      {p && changing ? <PriceChangeModal product={p} open onClose={() => setChanging(false)} /> : null}
      {p && editing ? <EditProductModal product={p} onClose={() => setEditing(false)} /> : null}
    </PageContainer>
  );
}

function summaryOf(r: PriceChange): string {
  if (r.kind === 'price_list') return `${r.priceList?.name ?? ''} · ${r.lines.length}`;
  return `${showMoney(r.from?.listPrice)} → ${showMoney(r.to?.listPrice)}（${r.effectiveFrom}）`;
}

function PriceTimeline({ history, seeCost }: { history: PriceHistory; seeCost: boolean }) {
  const { t } = useTranslation('products');
  if (history.items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />;
  return (
    <Timeline data-testid="price-history" items={history.items.map((v, i) => {
      // newest first: versions above the one in force are scheduled, those below it have ended
      const inForceAt = history.items.findIndex((o) => o.isInForce);
      const state = i === inForceAt ? 'inForce' : inForceAt === -1 || i < inForceAt ? 'future' : 'ended';
      return {
        color: state === 'inForce' ? 'green' : state === 'future' ? 'blue' : 'gray',
        content: (
          <Space direction="vertical" size={2}>
            <Space wrap>
              <Typography.Text strong>{showMoney(v.listPrice)}</Typography.Text>
              <Tag color={state === 'inForce' ? 'green' : state === 'future' ? 'blue' : undefined}>{t(`history.${state}`)}</Tag>
            </Space>
            <Typography.Text type="secondary">
              {v.effectiveTo ? t('history.range', { from: v.effectiveFrom, to: v.effectiveTo }) : t('history.openEnded', { from: v.effectiveFrom })}
            </Typography.Text>
            <Typography.Text>
              {t('field.floorPrice')} {showMoney(v.floorPrice)} · {t('field.floatRange')} {showPercent(v.floatRange)}
              {seeCost ? ` · ${t('field.cost')} ${showMoney(v.cost)}` : ''}
            </Typography.Text>
            <Typography.Text type="secondary">{v.reason} · {t('history.by', { requester: v.requestedBy?.name ?? '—', approver: v.approvedBy?.name ?? '—' })}</Typography.Text>
          </Space>
        ),
      };
    })} />
  );
}

interface EditValues { name: string; unit: string; category?: string; spec?: string; taxRate: string; isActive: boolean }

function EditProductModal({ product, onClose }: { product: Product; onClose: () => void }) {
  const { t } = useTranslation('products');
  const [form] = Form.useForm<EditValues>();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const update = useUpdateProduct(product.id);
  const submit = async () => {
    const v = await form.validateFields();
    clearFormError();
    try {
      await update.mutateAsync({ version: product.version, ...v, category: v.category || null, spec: v.spec || null });
      void message.success(t('detail.saved'));
      onClose();
    } catch (error) { handleError(error); }
  };
  return (
    <Modal open title={t('detail.edit')} onCancel={onClose} onOk={() => void submit()} okText={t('detail.save')} confirmLoading={update.isPending} destroyOnHidden>
      {formError ? <ErrorAlert error={formError} /> : null}
      <Form form={form} layout="vertical" initialValues={{ name: product.name, unit: product.unit, category: product.category ?? '', spec: product.spec ?? '', taxRate: product.taxRate, isActive: product.isActive }}>
        <Form.Item name="name" label={t('field.name')} rules={[{ required: true, message: t('field.required') }]}><Input maxLength={120} /></Form.Item>
        <Form.Item name="unit" label={t('field.unit')} rules={[{ required: true, message: t('field.required') }]}>
          <Select options={['台', '套', '件', '年', '次', '个'].map((u) => ({ value: u, label: u }))} />
        </Form.Item>
        <Form.Item name="category" label={t('field.category')}><Input maxLength={60} /></Form.Item>
        <Form.Item name="spec" label={t('field.spec')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        <Form.Item name="taxRate" label={t('field.taxRate')} rules={[{ required: true, message: t('field.required') }, { pattern: PERCENT_INPUT, message: t('field.percentFormat') }]}><Input suffix="%" /></Form.Item>
        <Form.Item name="isActive" label={t('field.isActive')} valuePropName="checked"><Switch /></Form.Item>
      </Form>
    </Modal>
  );
}
