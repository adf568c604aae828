/**
 * The cost estimate in the verdict: the machine row's signals from each candidate's machine bill, and the points a
 * candidate loses when its monthly total is far above the cheapest's.
 */
import { type Contribution, rule } from './answer-parts.js';
import type { PlatformCost } from './cost.js';
import type { Evidence } from './evidence.js';
import { formatUsd } from './format.js';
import { COST_ESTIMATE_DRIVER, type Platform } from './types.js';
import { nameInSentence } from './words.js';

/**
 * The machine row: each platform gains MACHINE_POINTS_PER_DOUBLING for each halving of its machine bill against
 * the dearest option's, up to MACHINE_POINTS_MAX; bills within MACHINE_NOISE of each other are within the
 * estimate's own error and count as even.
 */
const MACHINE_POINTS_PER_DOUBLING = 3;
const MACHINE_POINTS_MAX = 10;
const MACHINE_NOISE = 1.15;

/**
 * Cost in the verdict: a candidate whose monthly total (machines and people) is more than COST_GAP_START times the
 * cheapest candidate's loses COST_GAP_POINTS of the overall score for each doubling beyond that (20 at three
 * times, 40 at six), in full once it is dearer by twice COST_GAP_FLOOR of an engineer's monthly cost, in part
 * above the floor, not at all below it. Both sides are ramps, not steps: a verdict that a 1% change in the peak
 * swung from one option to another at three times the bill was a cliff no reader could follow. Gaps worth less than
 * COST_GAP_MIN_POINTS move nothing and go unsaid.
 *
 * The floor keeps a threefold gap between small bills ($150 against $50) from deciding anything. A quarter of an
 * engineer-month ($4,200 a month at the default $200,000 a year, $50,000 a year) is money a team lead would weigh;
 * a whole engineer-month let self-run Kafka at $8,500 a month against Kinesis's $910 (a ten-person startup) pass
 * unremarked.
 */
export const COST_GAP_START = 1.5;
export const COST_GAP_FLOOR = 0.25;
export const COST_GAP_POINTS = 20;
const COST_GAP_MIN_POINTS = 2;

/**
 * The machine row from the estimate: each candidate's points grow with how far its machine bill undercuts the
 * dearest candidate's, so the cheapest leads the row by as much as its bill undercuts the next one's.
 */
export function machineSignals(
  costs: Partial<Record<Platform, PlatformCost>> | undefined,
  candidates: readonly Platform[],
): readonly Contribution[] {
  if (!costs) return [];
  const priced = candidates.flatMap((platform) => {
    const cost = costs[platform];
    return cost ? [{ platform, usd: Math.max(1, cost.machinesUsd) }] : [];
  });
  if (priced.length < 2) return [];
  const dearest = priced.reduce((a, b) => (b.usd > a.usd ? b : a));
  // Points against the dearest, words against the next dearer: the row's lead is over the runner-up, so that is
  // the bill its reason names ("$1,100 against $1,200 on self-managed Kafka", not against MSK's $3,300).
  const ascending = [...priced].sort((a, b) => a.usd - b.usd);
  return priced.flatMap(({ platform, usd }) => {
    const ratio = dearest.usd / usd;
    const next = ascending.find((other) => other.usd > usd) ?? dearest;
    if (ratio < MACHINE_NOISE) return [];
    const points = Math.min(
      MACHINE_POINTS_MAX,
      Math.round(MACHINE_POINTS_PER_DOUBLING * Math.log2(ratio) * 2) / 2,
    );
    if (points <= 0) return [];
    return rule(
      COST_ESTIMATE_DRIVER,
      'ops_machines',
      { [platform]: points },
      `the machines on ${nameInSentence(platform)} cost about ${formatUsd(usd)} a month, against ${formatUsd(next.usd)} on ${nameInSentence(next.platform)}`,
    );
  });
}

/** A candidate whose monthly total is far above the cheapest's, and the points that costs it. */
export interface CostGap {
  platform: Platform;
  points: number;
}

/** Candidates whose monthly total is far above the cheapest candidate's, and what that costs them in points. */
export function costGapsOf(evidence: Evidence, candidates: readonly Platform[]): CostGap[] {
  const costs = evidence.costs;
  if (!costs) return [];
  const totals = candidates.flatMap((platform) => {
    const cost = costs[platform];
    return cost ? [{ platform, usd: cost.totalUsd }] : [];
  });
  if (totals.length < 2) return [];
  const cheapest = Math.max(1, Math.min(...totals.map(({ usd }) => usd)));
  const floor = COST_GAP_FLOOR * evidence.engineerMonthlyUsd;
  return totals.flatMap(({ platform, usd }) => {
    const ratio = usd / cheapest;
    const weight = Math.min(1, Math.max(0, (usd - cheapest - floor) / floor));
    const byRatio = ratio > COST_GAP_START ? COST_GAP_POINTS * Math.log2(ratio / COST_GAP_START) * weight : 0;
    const points =
      Math.round(Math.max(byRatio, dollarGapPoints(usd - cheapest, ratio, evidence)) * 100) / 100;
    return points >= COST_GAP_MIN_POINTS ? [{ platform, points }] : [];
  });
}

/**
 * Large bills in dollars, not only as a ratio: a gap of more than NOTABLE_COST_GAP engineer-months a month loses
 * DOLLAR_GAP_POINTS for each doubling beyond it (10 at two engineer-months, 20 at four), in full once the bills are
 * COST_GAP_START apart and not at all inside the estimate's own error (MACHINE_NOISE). By the ratio alone, Amazon
 * Kinesis at $130,000 a month beside self-run Kafka's $82,000 lost 2.4 points for $580,000 a year, and won for an ad
 * tech team with a platform team and infrastructure cost in its margin.
 */
const DOLLAR_GAP_POINTS = 10;

function dollarGapPoints(gapUsd: number, ratio: number, evidence: Evidence): number {
  const engineerMonths = gapUsd / Math.max(1, evidence.engineerMonthlyUsd);
  if (engineerMonths <= NOTABLE_COST_GAP) return 0;
  const outsideError = Math.min(1, Math.max(0, (ratio - MACHINE_NOISE) / (COST_GAP_START - MACHINE_NOISE)));
  return DOLLAR_GAP_POINTS * Math.log2(engineerMonths / NOTABLE_COST_GAP) * outsideError;
}

/**
 * A recommended option at least NOTABLE_COST_RATIO times the cheapest candidate's monthly total and dearer by more
 * than the COST_GAP_FLOOR, or dearer by more than NOTABLE_COST_GAP engineer-months whatever the ratio, or one whose
 * gap cost it points: a bill a reader must be told the verdict outweighs. A ratio alone let Amazon Kinesis at
 * $75,000 a month pass unremarked beside self-managed Kafka's $52,000: under 1.5 times, yet $23,000 a month more.
 * The cheapest candidate, how many times dearer and by how much a month, or undefined.
 */
export const NOTABLE_COST_RATIO = 2;
export const NOTABLE_COST_GAP = 1;

export function dearerThanCheapest(
  evidence: Evidence,
  candidates: readonly Platform[],
  recommendation: Platform,
  /** The standing's gaps (costGapsOf), worked out once per verdict. */
  gaps: readonly CostGap[],
): { cheapest: Platform; ratio: number; gapUsd: number } | undefined {
  const own = evidence.costs?.[recommendation];
  if (!own) return undefined;
  let cheapest: { platform: Platform; usd: number } | undefined;
  for (const platform of candidates) {
    const usd = evidence.costs?.[platform]?.totalUsd;
    if (usd !== undefined && (!cheapest || usd < cheapest.usd)) cheapest = { platform, usd };
  }
  if (!cheapest || cheapest.platform === recommendation) return undefined;
  const ratio = own.totalUsd / Math.max(1, cheapest.usd);
  const gapUsd = own.totalUsd - cheapest.usd;
  const notable =
    (ratio >= NOTABLE_COST_RATIO && gapUsd > COST_GAP_FLOOR * evidence.engineerMonthlyUsd) ||
    gapUsd > NOTABLE_COST_GAP * evidence.engineerMonthlyUsd;
  if (!notable && !gaps.some((gap) => gap.platform === recommendation)) {
    return undefined;
  }
  return { cheapest: cheapest.platform, ratio, gapUsd };
}
