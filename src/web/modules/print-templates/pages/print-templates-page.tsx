import { EyeOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Modal, Popconfirm, Row, Segmented, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { ErrorResult } from '../../../platform/errors/error-result';
import { isApiError } from '../../../platform/http/api-error';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { PageContainer } from '../../../platform/layout/page-container';
import {
  previewPrintTemplate, usePrintTemplate, usePrintTemplates, useResetPrintTemplate, useSavePrintTemplate, type PrintKind, type PrintTemplate,
} from '../api';

const kinds: PrintKind[] = ['quote', 'contract', 'delivery_note', 'thank_you_letter', 'collection_notice', 'lawyer_letter'];
const blockSnippets = [
  ['blocks.title1', '# '], ['blocks.heading', '## '], ['blocks.center', '^^ '], ['blocks.right', '>> '], ['blocks.rule', '---'],
  ['blocks.columns', '[columns]\n\n[next]\n\n[/columns]'], ['blocks.lines', '[lines]'], ['blocks.totals', '[totals]'],
  ['blocks.signature', '[signature 甲方（盖章） | 乙方（盖章）]'], ['blocks.pagebreak', '[pagebreak]'],
] as const;

/** The side panel: placeholders, layout blocks and table columns, each inserted at the cursor on click (or Enter). */
function Reference({ template, onInsert, disabled }: { template: PrintTemplate; onInsert: (text: string, asLine?: boolean) => void; disabled: boolean }) {
  const { t } = useTranslation('printTemplates');
  return (
    <Flex vertical gap={12}>
      <Card size="small" title={t('placeholders.title')}>
        <Flex vertical gap={2} data-testid="placeholder-list">
          {template.placeholders.map((p) => (
            <Tooltip key={p.name} title={p.sample || undefined} placement="left">
              <Button size="small" type="text" disabled={disabled} aria-label={t('placeholders.insert', { name: p.name })}
                onClick={() => onInsert(`{{${p.name}}}`)} style={{ justifyContent: 'space-between', display: 'flex', width: '100%', height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}>
                <span>{p.label}</span>
                <Typography.Text code style={{ fontSize: 12 }}>{p.name}</Typography.Text>
              </Button>
            </Tooltip>
          ))}
        </Flex>
      </Card>
      <Card size="small" title={t('blocks.title')}>
        <Flex vertical gap={2}>
          {blockSnippets.map(([key, snippet]) => (
            <Button key={key} size="small" type="text" disabled={disabled} onClick={() => onInsert(snippet, true)} style={{ justifyContent: 'flex-start', textAlign: 'left', height: 'auto', whiteSpace: 'normal' }}>
              <Typography.Text style={{ fontSize: 12 }}>{t(key)}</Typography.Text>
            </Button>
          ))}
        </Flex>
      </Card>
      <Card size="small" title={t('columns.title')}>
        <Space size={[4, 4]} wrap>
          {template.lineColumns.map((c) => <Tag key={c.key}>{c.key} · {c.label}</Tag>)}
        </Space>
        {template.tables.length > 0 ? (
          <>
            <Typography.Text type="secondary" style={{ display: 'block', margin: '8px 0 4px' }}>{t('tables.title')}</Typography.Text>
            {template.tables.map((table) => (
              <Flex key={table.name} vertical gap={4}>
                <Button size="small" disabled={disabled} onClick={() => onInsert(`[table ${table.name}]`, true)} style={{ alignSelf: 'flex-start' }}>[table {table.name}]</Button>
                <Space size={[4, 4]} wrap>{table.columns.map((c) => <Tag key={c.key}>{c.key} · {c.label}</Tag>)}</Space>
              </Flex>
            ))}
          </>
        ) : null}
      </Card>
    </Flex>
  );
}

/** The editor of one kind: the body in a textarea, save at the version read, preview, reset to the default. */
function TemplateEditor({ template }: { template: PrintTemplate }) {
  const { t } = useTranslation('printTemplates');
  const { message } = App.useApp();
  const formatInstant = useFormatInstant();
  const [form] = Form.useForm<{ body: string }>();
  const [formError, setFormError] = useState<unknown>(null);
  // template problems (unknown placeholders, directives …) are listed above the editor, where the eye is, not under a long textarea
  const problems = isApiError(formError) && formError.code === 'VALIDATION_FAILED' ? formError.details.filter((d) => d.path === 'body').map((d) => d.message) : [];
  const problemsRef = useRef<HTMLDivElement>(null);
  const handleError = (error: unknown) => {
    setFormError(error);
    requestAnimationFrame(() => problemsRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }));
  };
  const clearFormError = () => setFormError(null);
  const save = useSaveTemplateAndReset();
  const textArea = useRef<TextAreaRef>(null);
  const body = Form.useWatch('body', form) ?? template.body;
  const [preview, setPreview] = useState<{ url: string } | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const dirty = body !== template.body;
  const readOnly = !template.canEdit;

  useEffect(() => { form.setFieldsValue({ body: template.body }); }, [form, template.body, template.version]);
  useEffect(() => () => { if (preview) URL.revokeObjectURL(preview.url); }, [preview]);

  const insert = (text: string, asLine = false) => {
    const el = textArea.current?.resizableTextArea?.textArea;
    const current = form.getFieldValue('body') as string ?? '';
    const start = el?.selectionStart ?? current.length;
    const end = el?.selectionEnd ?? current.length;
    const needsBreak = asLine && start > 0 && current[start - 1] !== '\n';
    const piece = `${needsBreak ? '\n' : ''}${text}${asLine ? '\n' : ''}`;
    form.setFieldsValue({ body: current.slice(0, start) + piece + current.slice(end) });
    requestAnimationFrame(() => { el?.focus(); el?.setSelectionRange(start + piece.length, start + piece.length); });
  };

  const onPreview = async () => {
    clearFormError();
    setPreviewing(true);
    try {
      const blob = await previewPrintTemplate(template.kind, form.getFieldValue('body') as string);
      setPreview({ url: URL.createObjectURL(blob) });
    } catch (error) {
      handleError(error);
    } finally {
      setPreviewing(false);
    }
  };

  const onSave = (values: { body: string }) => {
    clearFormError();
    save.save.mutate({ kind: template.kind, body: values.body, version: template.version }, {
      onSuccess: () => void message.success(t('saved')), onError: handleError,
    });
  };

  const onReset = () => {
    clearFormError();
    save.reset.mutate({ kind: template.kind, version: template.version }, {
      onSuccess: (reset) => { form.setFieldsValue({ body: reset.body }); void message.success(t('resetDone')); }, onError: handleError,
    });
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={16}>
        <Card
          title={(
            <Flex gap={8} align="center" wrap>
              <span>{t(`kind.${template.kind}`)}</span>
              {template.isDefault ? <Tag>{t('status.default')}</Tag> : <Tag color="blue">{t('status.custom', { version: template.version })}</Tag>}
              {dirty ? <Tag color="orange">{t('editor.dirty')}</Tag> : null}
            </Flex>
          )}
          extra={template.updatedBy && template.updatedAt ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('status.updated', { name: template.updatedBy.name, time: formatInstant(template.updatedAt) })}</Typography.Text> : null}
        >
          {readOnly ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t(template.kind === 'delivery_note' ? 'readOnly.delivery_note' : 'readOnly.other')} /> : null}
          <div ref={problemsRef} />
          {problems.length > 0 ? (
            <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} closable={{ onClose: clearFormError }} data-testid="template-problems"
              title={t('problems.title')} description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{problems.map((p) => <li key={p}>{p}</li>)}</ul>} />
          ) : <ErrorAlert error={formError} onClose={clearFormError} />}
          <Form form={form} layout="vertical" initialValues={{ body: template.body }} onFinish={onSave}>
            <Form.Item name="body" label={t('editor.label')} extra={t('editor.help', { example: '{{doc.number}}' })} validateStatus={problems.length > 0 ? 'error' : undefined}>
              <Input.TextArea
                ref={textArea} readOnly={readOnly} autoSize={{ minRows: 18, maxRows: 36 }} spellCheck={false} data-testid="template-body"
                style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK SC", monospace', fontSize: 13 }}
              />
            </Form.Item>
            <Flex gap={8} wrap>
              {readOnly ? null : <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.save.isPending} disabled={!dirty} data-testid="template-save">{t('action.save')}</Button>}
              <Button icon={<EyeOutlined />} loading={previewing} onClick={() => void onPreview()} data-testid="template-preview">{t('action.preview')}</Button>
              {readOnly || !dirty ? null : <Button onClick={() => { form.setFieldsValue({ body: template.body }); clearFormError(); }}>{t('action.discard')}</Button>}
              {readOnly || template.isDefault ? null : (
                <Popconfirm title={t('reset.confirm')} onConfirm={onReset}>
                  <Button danger icon={<UndoOutlined />} loading={save.reset.isPending}>{t('action.reset')}</Button>
                </Popconfirm>
              )}
            </Flex>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Reference template={template} onInsert={insert} disabled={readOnly} />
      </Col>
      <Modal
        open={preview !== null} onCancel={() => setPreview(null)} title={t('preview.title')} width={900} footer={null} destroyOnHidden
        styles={{ body: { height: '75vh' } }}
      >
        {preview ? (
          <Flex vertical gap={8} style={{ height: '100%' }}>
            <a href={preview.url} target="_blank" rel="noreferrer">{t('preview.openTab')}</a>
            <iframe title={t('preview.title')} src={preview.url} style={{ flex: 1, width: '100%', border: '1px solid #f0f0f0' }} />
          </Flex>
        ) : null}
      </Modal>
    </Row>
  );
}

function useSaveTemplateAndReset() {
  return { save: useSavePrintTemplate(), reset: useResetPrintTemplate() };
}

function KindEditor({ kind }: { kind: PrintKind }) {
  const template = usePrintTemplate(kind);
  if (template.isError) return <ErrorResult error={template.error} onRetry={() => void template.refetch()} />;
  if (!template.data) return <Card><Skeleton active paragraph={{ rows: 12 }} /></Card>;
  return <TemplateEditor key={kind} template={template.data} />;
}

/** 打印模板: pick the kind of document, edit its template beside the placeholder list, preview, save, reset. */
export function PrintTemplatesPage() {
  const { t } = useTranslation('printTemplates');
  const list = usePrintTemplates();
  const [kind, setKind] = useState<PrintKind>('contract');
  const statusOf = (k: PrintKind) => list.data?.items.find((i) => i.kind === k);

  return (
    <PageContainer title={t('title')}>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Segmented<PrintKind>
        value={kind} onChange={setKind} style={{ marginBottom: 16 }} data-testid="template-kind"
        options={kinds.map((k) => ({ value: k, label: <span>{t(`kind.${k}`)}{statusOf(k) && !statusOf(k)!.isDefault ? ' ●' : ''}</span> }))}
      />
      <KindEditor kind={kind} />
    </PageContainer>
  );
}
