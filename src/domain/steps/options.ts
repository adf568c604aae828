/** What the steps' questions share: how an option leans, throughput ranges, "Don't know". */
import type { ChoiceOption, Platform, RoughRange, Signal, SignalTarget } from '../types.js';

/** One reason leaning one row toward one or more platforms; `versus`, the platform it is a contrast with. */
export function lean(
  target: SignalTarget,
  points: Partial<Record<Platform, number>>,
  reason: string,
  versus?: Platform,
): Signal[] {
  return Object.entries(points).map(([toward, value]) => ({
    target,
    toward: toward as Platform,
    points: value,
    reason,
    ...(versus && { versus }),
  }));
}

/**
 * Rough ranges for a throughput in MB/s. Each is priced at its geometric middle, rounded: the figure an order of
 * magnitude most likely sits near; the open-ended top one at the middle of its first order of magnitude (3,200,
 * not 10,000 MB/s: "more than 1,000" is rarely ten times more). The bounds match the thresholds in
 * answer-parts.ts (100 and 1,000 MB/s peaks).
 */
export function throughputRanges(prefix: string): RoughRange[] {
  return [
    { id: `${prefix}_under_1`, label: 'under 1', low: 0.01, high: 1, pricedAt: 0.1 },
    { id: `${prefix}_1_10`, label: '1 to 10', low: 1, high: 10, pricedAt: 3.2 },
    { id: `${prefix}_10_100`, label: '10 to 100', low: 10, high: 100, pricedAt: 32 },
    { id: `${prefix}_100_1000`, label: '100 to 1,000', low: 100, high: 1000, pricedAt: 320 },
    { id: `${prefix}_over_1000`, label: 'more than 1,000', low: 1000, high: 100_000, pricedAt: 3200 },
  ];
}

export const DONT_KNOW: ChoiceOption = {
  id: 'dont_know',
  short: "don't know",
  label: "Don't know",
  dontKnow: true,
};

export const AWS_ONLY_REASON = 'Kinesis and MSK exist only on AWS';
