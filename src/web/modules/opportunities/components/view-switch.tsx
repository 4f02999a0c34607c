import { AppstoreOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

/** Kanban ⇄ list, keeping the pipeline chosen. */
export function ViewSwitch({ value, pipelineId }: { value: 'kanban' | 'list'; pipelineId?: string }) {
  const { t } = useTranslation('opportunities');
  const navigate = useNavigate();
  const query = pipelineId ? `?pipelineId=${pipelineId}` : '';
  return (
    <Segmented<'kanban' | 'list'> value={value} data-testid="view-switch"
      options={[
        { value: 'kanban', label: t('view.kanban'), icon: <AppstoreOutlined /> },
        { value: 'list', label: t('view.list'), icon: <UnorderedListOutlined /> },
      ]}
      onChange={(v) => navigate(v === 'kanban' ? `/opportunities${query}` : `/opportunities/list${query}`)} />
  );
}
