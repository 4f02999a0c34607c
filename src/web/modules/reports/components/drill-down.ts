import type { FunnelCategory } from '../../../../shared/contracts/opportunities.contract';
import type { ReportFilter } from '../api';

/** What a click on the funnel picks: one stage's open opportunities, one category's, or the period's won/lost ones. */
export type FunnelPick =
  | { kind: 'stage'; stageId: string }
  | { kind: 'category'; category: FunnelCategory }
  | { kind: 'closed'; outcome: 'won' | 'lost' };

/**
 * The opportunity list showing what a funnel figure counts, with the report's department and owner:
 * a stage or category → its open opportunities now (the figure is a snapshot, so no period); the
 * order category and the won/lost totals → the opportunities closed so in the report's period.
 */
export function funnelDrillDown(report: { pipelineId: string; from: string; to: string }, filter: Pick<ReportFilter, 'orgNodeId' | 'ownerId'>, pick: FunnelPick): string {
  const params = new URLSearchParams({ pipelineId: report.pipelineId });
  const closed = (outcome: 'won' | 'lost') => { params.set('status', outcome); params.set('closedFrom', report.from); params.set('closedTo', report.to); };
  if (pick.kind === 'stage') {
    params.set('stageId', pick.stageId);
    params.set('status', 'open');
  } else if (pick.kind === 'category') {
    if (pick.category === 'order') closed('won');
    else { params.set('funnelCategory', pick.category); params.set('status', 'open'); }
  } else {
    closed(pick.outcome);
  }
  if (filter.orgNodeId) params.set('orgNodeId', filter.orgNodeId);
  if (filter.ownerId) params.set('ownerId', filter.ownerId);
  return `/opportunities/list?${params.toString()}`;
}
