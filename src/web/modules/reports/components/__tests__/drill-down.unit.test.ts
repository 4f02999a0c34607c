import { describe, expect, it } from 'vitest';
import { funnelDrillDown } from '../drill-down';

const report = { pipelineId: 'p1', from: '2026-10-01', to: '2026-10-31' };
const query = (url: string) => Object.fromEntries(new URL(url, 'http://x').searchParams);

describe('funnel drill-down to the opportunity list', () => {
  it.each([
    [{ kind: 'stage', stageId: 's2' }, { pipelineId: 'p1', stageId: 's2', status: 'open' }],
    [{ kind: 'category', category: 'best_few' }, { pipelineId: 'p1', funnelCategory: 'best_few', status: 'open' }],
    // the order category counts the period's wins, not open opportunities
    [{ kind: 'category', category: 'order' }, { pipelineId: 'p1', status: 'won', closedFrom: '2026-10-01', closedTo: '2026-10-31' }],
    [{ kind: 'closed', outcome: 'lost' }, { pipelineId: 'p1', status: 'lost', closedFrom: '2026-10-01', closedTo: '2026-10-31' }],
  ] as const)('%j → %j', (pick, expected) => {
    const url = funnelDrillDown(report, {}, pick);
    expect(url.startsWith('/opportunities/list?')).toBe(true);
    expect(query(url)).toEqual(expected);
  });

  it('carries the report\'s department and owner filters', () => {
    expect(query(funnelDrillDown(report, { orgNodeId: 'd1', ownerId: 'me' }, { kind: 'stage', stageId: 's1' })))
      .toEqual({ pipelineId: 'p1', stageId: 's1', status: 'open', orgNodeId: 'd1', ownerId: 'me' });
  });
});
