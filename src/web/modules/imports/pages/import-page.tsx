import { DeleteOutlined, InboxOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert, App, Button, Card, Checkbox, Flex, Form, Input, Modal, Popconfirm, Progress, Radio, Result, Segmented, Select, Space, Spin, Steps, Table, Typography, Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { importEntities } from '../../../../shared/contracts/imports.contract';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import {
  uploadImport, useDeleteTemplate, useImportJob, useImportTemplates, useSaveTemplate,
  type ColumnMapping, type DuplicateMode, type ImportEntity, type ImportJobDto, type ImportReport,
} from '../api';
import { ImportReportView } from '../components/import-report-view';
import { MappingTable, type MappedColumn } from '../components/mapping-table';
import { readCsvHeaders } from '../components/read-headers';

const isEntity = (value: string | undefined): value is ImportEntity => (importEntities as readonly string[]).includes(value ?? '');
const sizeOf = (bytes: number) => (bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/**
 * 数据导入: upload a CSV or xlsx file → check the automatic column mapping (editable, can be saved as
 * a template) with a dry run that lists every bad row → import, with a progress bar for large files
 * → a summary. One page per entity (customers, contacts, leads).
 */
export function ImportPage() {
  const { t } = useTranslation('imports');
  const { message } = App.useApp();
  const { can } = useAccess();
  const navigate = useNavigate();
  const params = useParams();
  const entity: ImportEntity = isEntity(params.entity) ? params.entity : 'customers';

  const [file, setFile] = useState<File | null>(null);
  const [templateId, setTemplateId] = useState<string | undefined>();
  const [onDuplicate, setOnDuplicate] = useState<DuplicateMode>('skip');
  const [mode, setMode] = useState<'all' | 'batches'>('all');
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [columns, setColumns] = useState<MappedColumn[]>([]);
  const [check, setCheck] = useState<ImportReport | null>(null);
  /** the mapping changed since the last check: its report no longer applies */
  const [stale, setStale] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  /** the job as the upload answered it (202), shown until the first poll answers */
  const [startedJob, setStartedJob] = useState<ImportJobDto | null>(null);
  const [saving, setSaving] = useState(false);
  const templates = useImportTemplates(entity);
  const saveTemplate = useSaveTemplate(entity);
  const deleteTemplate = useDeleteTemplate(entity);
  const job = useImportJob(jobId);
  const liveJob = job.data ?? startedJob;
  const jobReport = job.data?.status === 'done' ? job.data.report : null;
  const finished = result ?? jobReport;

  /**
   * Back to the upload step. Another file of the same entity keeps the columns the user mapped by hand
   * (a corrected file has the same headers; headers it lacks are ignored): otherwise a re-upload would
   * pass the check with those columns silently dropped.
   */
  const reset = (keepEntity = true) => {
    setFile(null); setColumns([]); setCheck(null); setError(null); setResult(null); setJobId(null); setStartedJob(null); setStale(false);
    if (!keepEntity) { setTemplateId(undefined); setMapping({}); }
  };

  const runDry = async (override: ColumnMapping = mapping, chosen = file) => {
    if (!chosen) return;
    setBusy(true); setError(null); setStale(false);
    try {
      const answer = await uploadImport(entity, chosen, { dryRun: true, onDuplicate, mode, mapping: override, templateId });
      if (answer.kind === 'report') { setCheck(answer.report); setColumns(answer.report.columns); }
    } catch (e) {
      setError(e); setCheck(null);
      const headers = await readCsvHeaders(chosen);
      if (headers) setColumns(headers.map((column) => ({ column, field: override[column] ?? null })));
    } finally {
      setBusy(false);
    }
  };

  const runImport = async () => {
    if (!file) return;
    setBusy(true); setError(null);
    try {
      const answer = await uploadImport(entity, file, { dryRun: false, onDuplicate, mode, mapping, templateId });
      if (answer.kind === 'job') { setStartedJob(answer.job); setJobId(answer.job.id); }
      else setResult(answer.report);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const changeField = (column: string, field: string | null) => {
    const next = { ...mapping, [column]: field };
    setMapping(next);
    setColumns((cols) => cols.map((c) => (c.column === column ? { ...c, field } : c)));
    setCheck(null); setStale(true); // the report was for the old mapping: check again before importing
  };

  const step = finished || jobId ? 2 : check || columns.length > 0 ? 1 : 0;
  const running = jobId !== null && !finished && job.data?.status !== 'failed';
  const blocked = check !== null && mode === 'all' && check.counts.invalidRows > 0;
  /** the last step shows a tick once the import committed, a cross when nothing (or not everything) was written */
  const stepStatus = job.data?.status === 'failed' || (finished && finished.outcome !== 'committed') ? 'error' : finished ? 'finish' : 'process';

  return (
    <PageContainer title={t('page.title')}>
      <Card>
        <Flex vertical gap={16}>
          <Segmented<ImportEntity>
            value={entity} data-testid="import-entity"
            options={importEntities.map((e) => ({ value: e, label: t(`entity.${e}`) }))}
            onChange={(e) => { reset(false); void navigate(`/imports/${e}`); }}
          />
          <Steps size="small" current={step} status={stepStatus} responsive items={[{ title: t('step.upload') }, { title: t('step.check') }, { title: t('step.run') }]} />

          {step === 0 ? (
            <Flex vertical gap={16}>
              <Upload.Dragger
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" maxCount={1} showUploadList={false}
                beforeUpload={(f) => { setFile(f); void runDry(mapping, f); return false; }} data-testid="import-upload" disabled={busy}
              >
                <p className="ant-upload-drag-icon"><InboxOutlined /></p>
                <p className="ant-upload-text">{t('upload.hint')}</p>
                <p className="ant-upload-hint">{t('upload.detail')}</p>
              </Upload.Dragger>
              <Form layout="vertical" style={{ maxWidth: 640 }}>
                <Form.Item label={t('option.template')}>
                  <Space.Compact style={{ width: '100%' }}>
                    <Select allowClear value={templateId} placeholder={t('option.templateNone')} onChange={setTemplateId} loading={templates.isPending}
                      options={(templates.data?.items ?? []).map((tp) => ({ value: tp.id, label: tp.isShared ? `${tp.name} · ${tp.owner.name}` : tp.name }))} />
                    {templateId && templates.data?.items.find((tp) => tp.id === templateId)?.isMine ? (
                      <Popconfirm title={t('mapping.deleteTemplate')} onConfirm={() => deleteTemplate.mutate(templateId, { onSuccess: () => setTemplateId(undefined) })}>
                        <Button icon={<DeleteOutlined />} aria-label={t('mapping.deleteTemplate')} />
                      </Popconfirm>
                    ) : null}
                  </Space.Compact>
                </Form.Item>
                <Form.Item label={t('option.onDuplicate')}>
                  <Radio.Group value={onDuplicate} onChange={(e) => setOnDuplicate(e.target.value as DuplicateMode)}
                    options={(['skip', 'update', 'stop'] as const).map((m) => ({ value: m, label: t(`duplicate.${m}`) }))} />
                </Form.Item>
                <Form.Item label={t('option.mode')}>
                  <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as 'all' | 'batches')}
                    options={(['all', 'batches'] as const).map((m) => ({ value: m, label: t(`mode.${m}`) }))} />
                </Form.Item>
              </Form>
              {busy ? <Typography.Text type="secondary">{t('check.running')}</Typography.Text> : null}
              {error ? <ErrorAlert error={error} /> : null}
            </Flex>
          ) : null}

          {step === 1 && file ? (
            <Flex vertical gap={16}>
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Typography.Text>{t('upload.file', { name: file.name, size: sizeOf(file.size) })}</Typography.Text>
                <Button onClick={() => reset()}>{t('upload.change')}</Button>
              </Flex>
              {error ? <ErrorAlert error={error} /> : null}
              <Typography.Title level={5} style={{ margin: 0 }}>{t('step.mapping')}</Typography.Title>
              <MappingTable entity={entity} columns={columns} onChange={changeField} />
              <Flex gap={8} wrap>
                <Button onClick={() => void runDry()} loading={busy} data-testid="import-recheck">{t('mapping.recheck')}</Button>
                <Button icon={<SaveOutlined />} onClick={() => setSaving(true)}>{t('mapping.saveTemplate')}</Button>
              </Flex>
              {check ? <ImportReportView report={check} /> : null}
              {stale ? <Alert type="info" showIcon title={t('mapping.changed')} data-testid="import-check-stale" /> : null}
              <Flex justify="end">
                <Button type="primary" size="large" disabled={!check || blocked} loading={busy} onClick={() => void runImport()} data-testid="import-run">{t('run.start')}</Button>
              </Flex>
            </Flex>
          ) : null}

          {step === 2 ? (
            <Flex vertical gap={16}>
              {error ? <ErrorAlert error={error} /> : null}
              {running && liveJob ? (
                // all-or-nothing imports write in one transaction: no row count moves until the end, so no bar stuck at 0 %
                <Flex vertical gap={8} data-testid="import-progress" role="status">
                  <Flex align="center" gap={12}>
                    <Spin size="small" />
                    <Typography.Text strong>{t('run.running', { name: liveJob.fileName ?? file?.name ?? '', total: liveJob.totalRows })}</Typography.Text>
                  </Flex>
                  {liveJob.processedRows > 0 ? (
                    <>
                      <Typography.Text>{t('run.progress', { done: liveJob.processedRows, total: liveJob.totalRows })}</Typography.Text>
                      <Progress percent={Math.floor((liveJob.processedRows / Math.max(1, liveJob.totalRows)) * 100)} status="active" />
                    </>
                  ) : null}
                  <Typography.Text type="secondary">{t(mode === 'all' ? 'run.allHint' : 'run.batchesHint')}</Typography.Text>
                </Flex>
              ) : null}
              {job.data?.status === 'failed' ? <Result status="error" title={t('result.failed')} subTitle={job.data.error} /> : null}
              {finished ? (
                <>
                  <Result
                    status={finished.outcome === 'committed' ? 'success' : finished.outcome === 'partial' ? 'warning' : 'error'}
                    title={t(`result.${finished.outcome === 'dry_run' ? 'committed' : finished.outcome}`)}
                    subTitle={finished.failure ?? t('result.summary', finished.counts)}
                    extra={<Button type="primary" onClick={() => reset()} data-testid="import-again">{t('result.again')}</Button>}
                  />
                  {finished.batches.length > 0 ? (
                    <Table size="small" rowKey="index" pagination={{ pageSize: 10, hideOnSinglePage: true }} dataSource={finished.batches} columns={[
                      { title: t('result.batches'), render: (_, b) => t('result.batch', { index: b.index, from: b.fromRow, to: b.toRow }) },
                      { title: '', dataIndex: 'reason', render: (r: string | null, b) => r ?? (b.status === 'committed' ? '✓' : '') },
                    ]} />
                  ) : null}
                  {finished.errors.length > 0 ? <ImportReportView report={finished} /> : null}
                </>
              ) : null}
            </Flex>
          ) : null}
        </Flex>
      </Card>
      <Modal open={saving} title={t('mapping.saveTemplate')} onCancel={() => setSaving(false)} footer={null} destroyOnHidden>
        <Form layout="vertical" onFinish={(v: { name: string; isShared?: boolean }) => {
          const full = Object.fromEntries(columns.map((c) => [c.column, c.field]));
          saveTemplate.mutate({ entity, name: v.name, mapping: full, isShared: v.isShared ?? false }, {
            onSuccess: (tp) => { setSaving(false); setTemplateId(tp.id); void message.success(t('mapping.saved')); },
          });
        }}>
          {saveTemplate.error ? <ErrorAlert error={saveTemplate.error} /> : null}
          <Form.Item name="name" label={t('mapping.templateName')} rules={[{ required: true, max: 60 }]}><Input autoFocus maxLength={60} /></Form.Item>
          {can('import:share_template') ? <Form.Item name="isShared" valuePropName="checked"><Checkbox>{t('mapping.shared')}</Checkbox></Form.Item> : null}
          <Button type="primary" htmlType="submit" loading={saveTemplate.isPending}>{t('mapping.saveTemplate')}</Button>
        </Form>
      </Modal>
    </PageContainer>
  );
}
