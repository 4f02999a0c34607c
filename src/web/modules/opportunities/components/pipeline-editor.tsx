import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Drawer, Flex, Form, Grid, Input, Row, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { funnelCategories, requirableFields, stageApprovals, type FunnelCategory, type RequirableField, type StageApproval } from '../../../../shared/contracts/opportunities.contract';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useSavePipeline, type Pipeline } from '../api';
import { bandText, isInBand } from './funnel-band';

interface StageValues {
  id?: string;
  name: string;
  probability: string;
  funnelCategory: FunnelCategory;
  requiredFields: RequirableField[];
  requiredApprovals: StageApproval[];
  keyNode?: string | null;
  exitCriteria?: string | null;
}
interface Values { name: string; description?: string | null; isActive: boolean; stages: StageValues[] }

const blankStage: StageValues = { name: '', probability: '10', funnelCategory: 'above', requiredFields: [], requiredApprovals: [], keyNode: null, exitCriteria: null };

/**
 * Edits a pipeline and its stages in order (name, probability inside the funnel band, category,
 * required fields and approvals, key node, exit criteria). The server's field errors (e.g.
 * `stages.2.probability`) show on the matching stage field.
 */
export function PipelineEditor({ pipeline, onClose }: { pipeline: Pipeline | null; onClose: () => void }) {
  const { t } = useTranslation('opportunities');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSavePipeline();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const isPhone = !Grid.useBreakpoint().md;
  const initial: Values = pipeline
    ? { name: pipeline.name, description: pipeline.description, isActive: pipeline.isActive, stages: pipeline.stages.map((s) => ({ ...s })) }
    : { name: '', description: null, isActive: true, stages: [{ ...blankStage }, { ...blankStage, name: t('pipeline.orderStage'), probability: '100', funnelCategory: 'order' }] };

  const submit = (v: Values) => {
    clearFormError();
    const stages = v.stages.map((s) => ({
      ...(s.id ? { id: s.id } : {}), name: s.name.trim(), probability: s.probability.trim(), funnelCategory: s.funnelCategory,
      requiredFields: s.requiredFields ?? [], requiredApprovals: s.requiredApprovals ?? [], keyNode: s.keyNode?.trim() || null, exitCriteria: s.exitCriteria?.trim() || null,
    }));
    const body = { name: v.name.trim(), description: v.description?.trim() || null, stages };
    const done = { onSuccess: () => { void message.success(tp('common.saved')); onClose(); }, onError: handleError };
    if (pipeline) save.mutate({ id: pipeline.id, body: { ...body, version: pipeline.version, isActive: v.isActive } }, done);
    else save.mutate({ id: null, body }, done);
  };

  return (
    <Drawer open size={isPhone ? '100%' : 920} title={pipeline ? t('pipeline.editTitle', { name: pipeline.name }) : t('pipeline.createTitle')} onClose={onClose}
      extra={<Button type="primary" htmlType="submit" form="pipeline-form" loading={save.isPending} data-testid="save-pipeline">{tp('actions.save')}</Button>}>
      <ErrorAlert error={formError} />
      <Form<Values> id="pipeline-form" form={form} layout="vertical" initialValues={initial} onFinish={submit} onValuesChange={() => formError && clearFormError()}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('pipeline.name')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}><Input maxLength={60} autoFocus /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            {pipeline ? <Form.Item name="isActive" label={t('pipeline.active')} valuePropName="checked"><Switch /></Form.Item> : null}
          </Col>
        </Row>
        <Form.Item name="description" label={t('pipeline.description')}><Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} /></Form.Item>
        <Typography.Title level={5}>{t('pipeline.stages')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('pipeline.stagesHint')}</Typography.Paragraph>
        <Form.List name="stages">
          {(fields, { add, remove, move }) => (
            <Flex vertical gap={12}>
              {fields.map((field, i) => (
                <Card key={field.key} size="small" data-testid="stage-editor"
                  title={<Flex gap={8} align="center"><Typography.Text type="secondary">{i + 1}.</Typography.Text>{form.getFieldValue(['stages', field.name, 'name']) || t('pipeline.newStage')}</Flex>}
                  extra={(
                    <Flex gap={4}>
                      <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('pipeline.moveUp')} />
                      <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label={t('pipeline.moveDown')} />
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={fields.length <= 2} onClick={() => remove(field.name)} aria-label={t('pipeline.removeStage')} />
                    </Flex>
                  )}>
                  <Row gutter={12}>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'name']} label={t('stage.name')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}><Input maxLength={60} /></Form.Item>
                    </Col>
                    <Col xs={12} md={8}>
                      <Form.Item name={[field.name, 'funnelCategory']} label={t('stage.category')}>
                        <Select options={funnelCategories.map((c) => ({ value: c, label: `${t(`category.${c}`)}（${bandText(c, t('form.and'))}）` }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={8}>
                      <Form.Item name={[field.name, 'probability']} label={t('stage.probability')} dependencies={[['stages', field.name, 'funnelCategory']]}
                        rules={[{ required: true, message: t('form.required') }, ({ getFieldValue }) => ({
                          validator: (_, value: string | undefined) => {
                            const category = getFieldValue(['stages', field.name, 'funnelCategory']) as FunnelCategory;
                            return !value || isInBand(category, value.trim()) ? Promise.resolve() : Promise.reject(new Error(t('form.probabilityOutOfBand')));
                          },
                        })]}>
                        <Input suffix="%" inputMode="decimal" maxLength={6} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, 'requiredFields']} label={t('stage.requiredFields')}>
                        <Select mode="multiple" allowClear options={requirableFields.map((f) => ({ value: f, label: t(`requirable.${f}`) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, 'requiredApprovals']} label={t('stage.requiredApprovals')}>
                        <Select mode="multiple" allowClear options={stageApprovals.map((a) => ({ value: a, label: t(`approval.${a}`) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, 'keyNode']} label={t('stage.keyNode')} extra={t('stage.keyNodeHint')}><Input maxLength={200} /></Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, 'exitCriteria']} label={t('stage.exitCriteria')}><Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} /></Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} disabled={fields.length >= 20} data-testid="add-stage"
                onClick={() => add({ ...blankStage }, Math.max(fields.length - 1, 0))}>{t('pipeline.addStage')}</Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
