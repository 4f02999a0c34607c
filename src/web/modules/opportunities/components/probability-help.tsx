import { useTranslation } from 'react-i18next';
import type { PipelineStage } from '../api';
import { bandText } from './funnel-band';
import { FunnelCategoryTag } from './opportunity-tags';

/** "阶段默认 35%，可在 25%–50% 之间调整": the stage's default and the band the rep may set (§6.1). */
export function ProbabilityHelp({ stage }: { stage: PipelineStage | undefined }) {
  const { t } = useTranslation('opportunities');
  if (!stage) return <>{t('form.probabilityPickStage')}</>;
  return (
    <span data-testid="probability-band">
      <FunnelCategoryTag value={stage.funnelCategory} />{' '}
      {t('form.probabilityBand', { probability: stage.probability, band: bandText(stage.funnelCategory, t('form.and')) })}
    </span>
  );
}
