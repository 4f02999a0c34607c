import { CommentOutlined, MailOutlined, MessageOutlined, PhoneOutlined, TeamOutlined } from '@ant-design/icons';
import { Avatar, Empty, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TouchpointChannel } from '../../../../shared/contracts/mot.contract';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { LoadMore } from '../../../platform/list/load-more';
import { useTouchpoints, type Touchpoint, type TouchpointFilter } from '../api';
import { SentimentTag, useRoleLabel } from './mot-tags';

const channelIcon = {
  face_to_face: <TeamOutlined />, phone: <PhoneOutlined />, email: <MailOutlined />, im: <MessageOutlined />, other: <CommentOutlined />,
} as const satisfies Record<TouchpointChannel, React.ReactNode>;
const sentimentBg = { positive: '#f6ffed', neutral: '#f5f5f5', negative: '#fff1f0' } as const;
const sentimentFg = { positive: '#389e0d', neutral: '#595959', negative: '#cf1322' } as const;

/** Touchpoints, latest first: who met the customer (name, role, department), how, when, the feeling and the impression. */
export function TouchpointList({ filter, showCustomer = true, filtered = false }: { filter: TouchpointFilter; showCustomer?: boolean; filtered?: boolean }) {
  const { t } = useTranslation('mot');
  const formatInstant = useFormatInstant();
  const roleLabel = useRoleLabel();
  const list = useTouchpoints(filter);
  return (
    <div data-testid="touchpoint-list">
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      <List<Touchpoint>
        loading={list.isPending}
        dataSource={list.items}
        locale={{ emptyText: <Empty description={t(filtered ? 'touchpoints.emptyFiltered' : 'touchpoints.empty')} /> }}
        renderItem={(tp) => (
          <List.Item key={tp.id} data-testid="touchpoint-item">
            <List.Item.Meta
              avatar={<Avatar style={{ background: sentimentBg[tp.sentiment], color: sentimentFg[tp.sentiment] }} icon={channelIcon[tp.channel]} aria-label={t(`channel.${tp.channel}`)} />}
              title={(
                <Flex wrap gap={6} align="center">
                  {showCustomer ? <Link to={`/customers/${tp.customerId}?tab=mot`}>{tp.customerName}</Link> : null}
                  <Typography.Text type={showCustomer ? 'secondary' : undefined} style={{ fontWeight: showCustomer ? 400 : 500 }}>
                    {tp.userName} · {roleLabel(tp.role)}{tp.departmentName ? ` · ${tp.departmentName}` : ''}
                  </Typography.Text>
                </Flex>
              )}
              description={(
                <Flex vertical gap={4}>
                  <Typography.Paragraph style={{ margin: 0, color: 'rgba(0,0,0,0.85)' }} ellipsis={{ rows: 3, expandable: true, symbol: '…' }}>{tp.impression}</Typography.Paragraph>
                  <Flex wrap gap={6} align="center">
                    <SentimentTag value={tp.sentiment} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`channel.${tp.channel}`)} · {formatInstant(tp.occurredAt)}{tp.contactName ? ` · ${tp.contactName}` : ''}
                    </Typography.Text>
                  </Flex>
                </Flex>
              )}
            />
          </List.Item>
        )}
      />
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} count={list.items.length} />
    </div>
  );
}
