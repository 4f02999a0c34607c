import { describe, expect, it } from 'vitest';
import { activeFilterCount, filterFromParams, filterToParams, withFilter } from '../filter-params';

describe('opportunity list filters', () => {
  it('round-trips through the URL, dropping unknown and empty parameters', () => {
    const params = new URLSearchParams('pipelineId=p1&stageId=s1&status=open&closeFrom=2026-01-01&bogus=1&q=');
    const filter = filterFromParams(params);
    expect(filter).toEqual({ pipelineId: 'p1', stageId: 's1', status: 'open', closeFrom: '2026-01-01' });
    expect(filterToParams(filter).toString()).toBe('pipelineId=p1&stageId=s1&status=open&closeFrom=2026-01-01');
  });

  it('keeps the report drill-down filters: department subtree and the closed-on range', () => {
    const params = new URLSearchParams('pipelineId=p1&status=won&orgNodeId=d1&ownerId=u1&closedFrom=2026-10-01&closedTo=2026-10-31');
    expect(filterFromParams(params)).toEqual({ pipelineId: 'p1', status: 'won', orgNodeId: 'd1', ownerId: 'u1', closedFrom: '2026-10-01', closedTo: '2026-10-31' });
    expect(activeFilterCount(filterFromParams(params))).toBe(6);
  });

  it('reads a saved view the same way', () => {
    expect(filterFromParams({ funnelCategory: 'best_few', ownerId: 'me', other: 3 })).toEqual({ funnelCategory: 'best_few', ownerId: 'me' });
  });

  it('clears the stage when another pipeline is chosen, keeps it otherwise', () => {
    const filter = { pipelineId: 'p1', stageId: 's1' };
    expect(withFilter(filter, 'pipelineId', 'p2')).toEqual({ pipelineId: 'p2' });
    expect(withFilter(filter, 'pipelineId', 'p1')).toEqual(filter);
    expect(withFilter(filter, 'stageId', undefined)).toEqual({ pipelineId: 'p1' });
  });

  it('counts narrowing filters only', () => {
    expect(activeFilterCount({ q: 'x', sort: 'amount', status: 'open', ownerId: 'me' })).toBe(2);
  });
});
