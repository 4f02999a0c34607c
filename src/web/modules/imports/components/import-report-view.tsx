import { Alert, Col, Empty, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../api';

/** The row-level report of a dry run or an import: counts, then every bad row with its row, column and reason. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation('imports');
  const { counts } = report;
  return (
    <div data-testid="import-report">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} sm={8} md={4}><Statistic title={t('check.totalRows')} value={report.totalRows} /></Col>
        <Col xs={12} sm={8} md={4}><Statistic title={t('check.create')} value={counts.created} valueStyle={{ color: '#389e0d' }} /></Col>
        <Col xs={12} sm={8} md={4}><Statistic title={t('check.update')} value={counts.updated} /></Col>
        <Col xs={12} sm={8} md={4}><Statistic title={t('check.skip')} value={counts.skipped} /></Col>
        <Col xs={12} sm={8} md={4}><Statistic title={t('check.duplicates')} value={counts.duplicates} /></Col>
        <Col xs={12} sm={8} md={4}><Statistic title={t('check.invalid')} value={counts.invalidRows} valueStyle={counts.invalidRows > 0 ? { color: '#cf1322' } : undefined} /></Col>
      </Row>
      {report.encoding ? <Typography.Paragraph type="secondary">{t('check.encoding', { encoding: t(`encoding.${report.encoding}` as 'encoding.utf-8', { defaultValue: report.encoding }) })}</Typography.Paragraph> : null}
      {report.errors.length === 0
        ? <Alert type="success" showIcon title={t('check.ok')} style={{ marginBottom: 16 }} />
        : <Alert type="warning" showIcon title={t('check.hasErrors', { count: counts.invalidRows })} description={report.errorsTruncated ? t('check.truncated') : undefined} style={{ marginBottom: 16 }} />}
      {report.errors.length > 0 ? (
        <Table
          rowKey={(e) => `${e.row}:${e.field}:${e.reason}`}
          size="small"
          dataSource={report.errors}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={t('errors.empty')} /> }}
          data-testid="import-errors"
          columns={[
            // no horizontal scroll: on a phone the reason, the part that matters, would sit off screen
            { title: t('errors.row'), dataIndex: 'row', width: 64 },
            { title: t('errors.column'), dataIndex: 'column', width: 120, render: (c: string) => <span style={{ overflowWrap: 'anywhere' }}>{c}</span> },
            { title: t('errors.reason'), dataIndex: 'reason', render: (r: string) => <span style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>{r}</span> },
          ]}
        />
      ) : null}
    </div>
  );
}
