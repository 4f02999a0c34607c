import { Card, Col, DatePicker, Flex, Row, Select, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sentiments, touchpointChannels, type Sentiment, type TouchpointChannel } from '../../../../shared/contracts/mot.contract';
import { useAccess } from '../../../platform/access/access';
import { PageContainer } from '../../../platform/layout/page-container';
import type { TouchpointFilter } from '../api';
import { TouchpointForm } from '../components/touchpoint-form';
import { TouchpointList } from '../components/touchpoint-list';

/** 接触点: record a touchpoint quickly, and the touchpoints of the customers I can see, filtered. */
export function TouchpointsPage() {
  const { t } = useTranslation('mot');
  const { can } = useAccess();
  const [channel, setChannel] = useState<TouchpointChannel>();
  const [sentiment, setSentiment] = useState<Sentiment>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [mine, setMine] = useState(false);
  const filter: TouchpointFilter = {
    channel, sentiment, userId: mine ? 'me' : undefined,
    from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD'),
  };
  const filtered = Object.values(filter).some((v) => v !== undefined);
  return (
    <PageContainer title={t('touchpoints.title')}>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>{t('touchpoints.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {can('touchpoint:create') ? (
          <Col xs={24} lg={9}>
            <Card title={t('touchpoints.record')} size="small"><TouchpointForm /></Card>
          </Col>
        ) : null}
        <Col xs={24} lg={can('touchpoint:create') ? 15 : 24}>
          <Card size="small">
            <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }} data-testid="touchpoint-filters">
              <Select allowClear placeholder={t('field.channel')} value={channel} onChange={setChannel} style={{ minWidth: 120 }}
                options={touchpointChannels.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
              <Select allowClear placeholder={t('field.sentiment')} value={sentiment} onChange={setSentiment} style={{ minWidth: 120 }}
                options={sentiments.map((s) => ({ value: s, label: t(`sentiment.${s}`) }))} />
              <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} style={{ maxWidth: 260 }} />
              <Flex gap={6} align="center"><Switch size="small" checked={mine} onChange={setMine} /><Typography.Text>{t('touchpoints.mine')}</Typography.Text></Flex>
            </Flex>
            <TouchpointList filter={filter} filtered={filtered} />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
