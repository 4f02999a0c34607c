import type { FunnelCategory, RequirableField, StageApproval } from '../../../shared/contracts/opportunities.contract.js';
import { addDays, daysBetween, todayIn, type IsoDate } from '../../../shared/dates.js';
import { money } from '../../../shared/money.js';
import { searchKeysFor } from '../../platform/search/search-keys.rules.js';

/**
 * Pure rules of opportunities and the funnel (domain §6): probability bands, stage gates, days in
 * stage, the best-few decision-date flag. No IO, no clock: `asOf` and instants are parameters.
 */

// ── funnel bands (§6.1) ──────────────────────────────────────────────────────────────────────

/** The band limits (policies funnel.inFunnelMinPercent / funnel.bestFewMinPercent), as decimal strings. */
export interface FunnelBands { inFunnelMin: string; bestFewAbove: string }
export const defaultFunnelBands: FunnelBands = { inFunnelMin: '25', bestFewAbove: '50' };

/**
 * A probability lies in its funnel category's band: above < 25, in 25–50 inclusive, best few > 50
 * and < 100, order exactly 100 (all in percent).
 */
export function isProbabilityInBand(probability: string, category: FunnelCategory, bands: FunnelBands = defaultFunnelBands): boolean {
  const p = money.parse(probability);
  if (p.lt(0) || p.gt(100)) return false;
  switch (category) {
    case 'above': return p.lt(bands.inFunnelMin);
    case 'in': return p.gte(bands.inFunnelMin) && p.lte(bands.bestFewAbove);
    case 'best_few': return p.gt(bands.bestFewAbove) && p.lt(100);
    case 'order': return p.eq(100);
  }
}

/** The band of a category as [min, max] with inclusivity, for messages ("25–50"). */
export function bandLabel(category: FunnelCategory, bands: FunnelBands = defaultFunnelBands): string {
  switch (category) {
    case 'above': return `0 ≤ p < ${bands.inFunnelMin}`;
    case 'in': return `${bands.inFunnelMin} ≤ p ≤ ${bands.bestFewAbove}`;
    case 'best_few': return `${bands.bestFewAbove} < p < 100`;
    case 'order': return 'p = 100';
  }
}

/** Weighted amount = amount × probability / 100, two decimals half-up. */
export function weightedAmount(amount: string, probability: string): string {
  return money.mul(amount, money.parse(probability).div(100));
}

// ── pipeline shape ───────────────────────────────────────────────────────────────────────────

export interface StageShape { name: string; probability: string; funnelCategory: FunnelCategory }

export type PipelineProblem =
  | { kind: 'band'; index: number; category: FunnelCategory }
  | { kind: 'order_count'; count: number }
  | { kind: 'order_not_last'; index: number }
  | { kind: 'duplicate_name'; index: number };

/**
 * A pipeline's stages are valid when each probability lies in its category's band, exactly one
 * stage is the order (成交) stage and it is the last, and no two stages share a name.
 */
export function pipelineProblems(stages: readonly StageShape[], bands: FunnelBands = defaultFunnelBands): PipelineProblem[] {
  const problems: PipelineProblem[] = [];
  stages.forEach((s, index) => {
    if (!isProbabilityInBand(s.probability, s.funnelCategory, bands)) problems.push({ kind: 'band', index, category: s.funnelCategory });
  });
  const orders = stages.map((s, i) => [s, i] as const).filter(([s]) => s.funnelCategory === 'order');
  if (orders.length !== 1) problems.push({ kind: 'order_count', count: orders.length });
  else if (orders[0]![1] !== stages.length - 1) problems.push({ kind: 'order_not_last', index: orders[0]![1] });
  const seen = new Set<string>();
  stages.forEach((s, index) => {
    const key = s.name.trim();
    if (seen.has(key)) problems.push({ kind: 'duplicate_name', index });
    seen.add(key);
  });
  return problems;
}

/**
 * Whether a pipeline may be used by someone of a department: unrestricted pipelines by everyone;
 * restricted ones by members of a listed department or of a department under it, and by managers
 * above it (their path contains it, or its path contains theirs).
 */
export function isPipelineUsable(departmentIds: readonly string[], caller: { seesAll: boolean; departmentPath: string | null }, pathOf: (id: string) => string | undefined): boolean {
  if (departmentIds.length === 0 || caller.seesAll) return true;
  const mine = caller.departmentPath;
  if (!mine) return false;
  return departmentIds.some((id) => mine.includes(`/${id}/`) || (pathOf(id) ?? '').startsWith(mine));
}

// ── stage gates (§6.2) ───────────────────────────────────────────────────────────────────────

export interface GateStage {
  id: string; position: number; name: string; funnelCategory: FunnelCategory;
  requiredFields: readonly RequirableField[]; requiredApprovals: readonly StageApproval[]; keyNode: string | null;
}

export interface GateOpportunity {
  status: string; stageId: string;
  amount: string; expectedCloseDate: string | null; contactCount: number; competitors: readonly string[];
  needDescription: string | null; signals: Record<string, unknown>;
  keyNodes: Record<string, { done?: boolean } | undefined>;
}

/** Approval evidence of the opportunity: the status of its initiation report and bid, if any. */
export interface GateEvidence { initiation_report: string | null; bid_price: string | null }

export type MoveRefusal =
  | { kind: 'closed' }
  | { kind: 'unknown_stage' }
  | { kind: 'same_stage' }
  | { kind: 'into_order' }
  | { kind: 'required_fields'; stage: string; fields: RequirableField[] }
  | { kind: 'approval'; stage: string; approval: StageApproval }
  | { kind: 'key_node'; stage: string; keyNode: string };

/** Whether a requirable field of the opportunity is filled. */
export function isFieldPresent(o: GateOpportunity, field: RequirableField): boolean {
  switch (field) {
    case 'amount': return money.parse(o.amount).gt(0);
    case 'expectedCloseDate': return o.expectedCloseDate !== null;
    case 'contacts': return o.contactCount > 0;
    case 'competitors': return o.competitors.length > 0;
    case 'needDescription': return (o.needDescription ?? '').trim() !== '';
    case 'signals': return Object.values(o.signals ?? {}).some((v) => v !== undefined && v !== null && v !== '');
  }
}

/**
 * Why an opportunity may not move to a stage, or null when it may. Moving forward leaves every stage
 * from the current one up to the one before the target, and each of them must let it go: its
 * required fields filled, its required approvals approved, its key node ticked done. Moving back
 * needs no gate. The order (成交) stage is reached by closing won, never by a move.
 */
export function moveRefusal(o: GateOpportunity, stages: readonly GateStage[], toStageId: string, evidence: GateEvidence): MoveRefusal | null {
  const target = stages.find((s) => s.id === toStageId);
  if (!target) return { kind: 'unknown_stage' };
  if (o.status !== 'open') return { kind: 'closed' };
  if (target.id === o.stageId) return { kind: 'same_stage' };
  if (target.funnelCategory === 'order') return { kind: 'into_order' };
  const current = stages.find((s) => s.id === o.stageId);
  if (!current || target.position < current.position) return null;
  const leaving = [...stages].sort((a, b) => a.position - b.position)
    .filter((s) => s.position >= current.position && s.position < target.position);
  for (const stage of leaving) {
    const missing = stage.requiredFields.filter((f) => !isFieldPresent(o, f));
    if (missing.length > 0) return { kind: 'required_fields', stage: stage.name, fields: missing };
    for (const approval of stage.requiredApprovals) {
      if (evidence[approval] !== 'approved') return { kind: 'approval', stage: stage.name, approval };
    }
    if (stage.keyNode && o.keyNodes[stage.id]?.done !== true) return { kind: 'key_node', stage: stage.name, keyNode: stage.keyNode };
  }
  return null;
}

// ── time ─────────────────────────────────────────────────────────────────────────────────────

/** Whole calendar days in the stage, counted in the workspace time zone (midnight there starts a new day). */
export function daysInStage(enteredAt: Date, now: Date, timeZone: string): number {
  return Math.max(0, daysBetween(todayIn(timeZone, enteredAt), todayIn(timeZone, now)));
}

/**
 * Best few (§6.1) means a decision within 30–60 days: an open best-few opportunity whose expected
 * close date is missing or more than `decisionDays` days after `asOf` is flagged.
 */
export function isDecisionDateMissing(o: { status: string; funnelCategory: string; expectedCloseDate: IsoDate | null }, asOf: IsoDate, decisionDays = 60): boolean {
  if (o.status !== 'open' || o.funnelCategory !== 'best_few') return false;
  if (!o.expectedCloseDate) return true;
  return daysBetween(asOf, o.expectedCloseDate) > decisionDays;
}

/** The last expected close date still accepted as of `asOf`: dates more than a year back are a typo. */
export const earliestCloseDate = (asOf: IsoDate): IsoDate => addDays(asOf, -365);

export function isCloseDateTooFarPast(expectedCloseDate: IsoDate, asOf: IsoDate): boolean {
  return expectedCloseDate < earliestCloseDate(asOf);
}

// ── closing ──────────────────────────────────────────────────────────────────────────────────

/** Loss reasons (丢单原因); labels are messages `lossReasons.<code>`. */
export const lossReasons = ['price', 'competitor', 'no_budget', 'no_decision', 'requirements', 'relationship', 'timing', 'no_bid', 'other'] as const;
export type LossReason = (typeof lossReasons)[number];
export const isLossReason = (value: string | undefined): value is LossReason => (lossReasons as readonly string[]).includes(value ?? '');

/** Which close-body field is missing: lost needs a listed reason; both need a summary (the contract schema already requires it). */
export function closeProblem(input: { outcome: 'won' | 'lost'; reason?: string }): 'reason' | null {
  if (input.outcome === 'lost' && !isLossReason(input.reason)) return 'reason';
  return null;
}

/** What the search box matches: the name with its pinyin keys, and the project number. */
export function opportunitySearchText(name: string, number: string): string {
  return [searchKeysFor(name), number.toLowerCase()].filter((k) => k !== '').join(' ');
}
