import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Grid, Row, Segmented, Select, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { useDepartments, useUserPicker } from '../../org/api';
import { buildTree, toTreeSelectData } from '../../org/components/build-tree';
import { forecastExportUrl, useAccuracy, useForecastReport, type ForecastFilter } from '../api';
import { AccuracyChart } from '../components/accuracy-chart';
import { ForecastChart } from '../components/forecast-chart';
import { periodOf, periodPresets, shiftMonth, thisMonth, type PeriodPreset } from '../components/months';
import { MyForecastCard } from '../components/my-forecast-card';
import { TeamTable } from '../components/team-table';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * 销售预测 (domain §6.3): my month's weighted pipeline and commit beside my forecast; the team's
 * forecasts with the manager's adjustment; forecast vs actual by month; accuracy per person; Excel.
 */
export function ForecastPage() {
  const { t } = useTranslation('forecasts');
  const { can } = useAccess();
  const isPhone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const linked = params.get('month');
  const month = linked && MONTH.test(linked) ? linked : thisMonth();
  const setMonth = (m: string) => setParams((p) => { p.set('month', m); return p; }, { replace: true });
  const [preset, setPreset] = useState<PeriodPreset>('around');
  const [orgNodeId, setOrgNodeId] = useState<string | undefined>();
  const [ownerId, setOwnerId] = useState<string | undefined>();
  const [basis, setBasis] = useState<'submitted' | 'adjusted'>('submitted');
  const filter: ForecastFilter = { period: periodOf(preset), orgNodeId, ownerId };
  const report = useForecastReport(filter);
  const months = report.data?.months.map((m) => m.month) ?? [];
  // accuracy compares finished months only: the running month is not over yet
  const lastClosed = shiftMonth(thisMonth(), -1);
  const accuracyTo = months.length > 0 && months.at(-1)! < lastClosed ? months.at(-1)! : lastClosed;
  const accuracyFrom = months.length > 0 && months[0]! <= accuracyTo ? months[0]! : accuracyTo;
  const accuracy = useAccuracy({ from: accuracyFrom, to: accuracyTo, orgNodeId, ownerId });

  const isManager = can('forecast:adjust');
  const canSubmit = can('forecast:submit');
  const departments = useDepartments();
  const users = useUserPicker();
  const departmentTree = useMemo(() => toTreeSelectData(buildTree(departments.data?.items ?? [])), [departments.data]);
  const owners = (users.data?.items ?? []).filter((u) => u.roles.some((r) => r.startsWith('sales_'))).map((u) => ({ value: u.id, label: u.name }));
  const w = (width: number) => ({ width, maxWidth: '100%', flexGrow: isPhone ? 1 : 0 });

  return (
    <PageContainer title={t('title')} extra={(
      <Button icon={<DownloadOutlined />} href={forecastExportUrl(filter)} download data-testid="forecast-export">{t('export')}</Button>
    )}>
      <Row gutter={[16, 16]}>
        {canSubmit ? (
          <Col xs={24} xl={10}>
            <MyForecastCard month={month} onMonthChange={setMonth} canSubmit={canSubmit} />
          </Col>
        ) : null}
        <Col xs={24} xl={canSubmit ? 14 : 24}>
          <Card title={t('chart.title')} data-testid="forecast-chart">
            <Flex wrap gap={8} style={{ marginBottom: 12 }}>
              <Select aria-label={t('filter.period')} style={w(190)} value={preset} onChange={setPreset}
                options={periodPresets.map((p) => ({ value: p, label: t(`period.${p}`) }))} />
              {isManager || can('report:forecast') ? (
                <>
                  <TreeSelect allowClear treeDefaultExpandAll placeholder={t('filter.department')} aria-label={t('filter.department')} style={w(160)}
                    treeData={departmentTree} value={orgNodeId} onChange={(v?: string) => setOrgNodeId(v)} />
                  {owners.length > 1 ? (
                    <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('filter.anyOwner')} aria-label={t('filter.owner')} style={w(140)}
                      value={ownerId} options={owners} onChange={(v?: string) => setOwnerId(v)} />
                  ) : null}
                </>
              ) : null}
            </Flex>
            <ErrorAlert error={report.error} />
            <ForecastChart report={report.data} loading={report.isPending} />
          </Card>
        </Col>
        {isManager ? (
          <Col xs={24}>
            <Card title={t('team.title')}>
              <TeamTable month={month} onMonthChange={setMonth} orgNodeId={orgNodeId} ownerId={ownerId} />
            </Card>
          </Col>
        ) : null}
        <Col xs={24}>
          <Card title={t('accuracy.title')} data-testid="accuracy-chart" extra={(
            <Segmented size="small" aria-label={t('accuracy.basis')} value={basis} onChange={(v) => setBasis(v as 'submitted' | 'adjusted')}
              options={[{ value: 'submitted', label: t('accuracy.submitted') }, { value: 'adjusted', label: t('accuracy.adjusted') }]} />
          )}>
            <ErrorAlert error={accuracy.error} />
            <AccuracyChart accuracy={accuracy.data} basis={basis} loading={accuracy.isPending} />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
