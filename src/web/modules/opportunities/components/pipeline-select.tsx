import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePipelines } from '../api';

/** Picks one of the active pipelines (inactive ones stay visible when already chosen). */
export function PipelineSelect({ value, onChange, id, style, allowClear, includeInactive }: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  style?: React.CSSProperties;
  allowClear?: boolean;
  includeInactive?: boolean;
}) {
  const { t } = useTranslation('opportunities');
  const pipelines = usePipelines();
  const options = (pipelines.data?.items ?? [])
    .filter((p) => p.isActive || includeInactive || p.id === value)
    .map((p) => ({ value: p.id, label: p.isActive ? p.name : `${p.name}（${t('pipeline.inactive')}）` }));
  return (
    <Select id={id} value={value} onChange={onChange} options={options} loading={pipelines.isPending} allowClear={allowClear}
      placeholder={t('filter.pipeline')} aria-label={t('filter.pipeline')} style={style} data-testid="pipeline-select" />
  );
}
