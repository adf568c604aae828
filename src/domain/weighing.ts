/**
 * The numbers behind a verdict: each row adds the points its signals give each platform to the priors; hard
 * limits take platforms off the table; a weighted sum of the category rows, less the cost gaps, picks the
 * recommendation, unless a deciding factor answered strongly overrides it in favour of self-managed Kafka.
 * Everything walks questions and platforms in a fixed order, so the result never depends on the order of keys.
 */
import type { Contribution } from './answer-parts.js';
import { type CostGap, costGapsOf, machineSignals } from './cost-row.js';
import { type Evidence, priorsFor } from './evidence.js';
import {
  CATEGORIES,
  type Category,
  DECIDING_FACTORS,
  type DecidingFactor,
  PLATFORMS,
  type Platform,
  type Signal,
  type SignalTarget,
  type Strength,
} from './types.js';

/** How much each row counts toward the recommendation: people cost dominates, raw speed is usually pass/fail. */
export const CATEGORY_WEIGHTS: Record<Category, number> = {
  performance: 0.5,
  setup: 2,
  ops_people: 2,
  ops_machines: 1,
  incident_risk: 1.5,
};

/** The lead in points (best over second best) at which a row's advantage becomes slight, clear or decisive. */
export const STRENGTH_THRESHOLDS = { slight: 0.5, clear: 3, decisive: 6 } as const;

/** A deciding factor overrides the categories when Kafka leads its row by at least this many points. */
export const OVERRIDE_MARGIN = 5;

/** On an exact tie the option with less to run yourselves wins. */
const TIE_ORDER: Platform[] = ['kinesis', 'msk', 'kafka'];

export interface RowStanding {
  scores: Record<Platform, number>;
  /** The leader, even when its lead is too small to count. */
  best: Platform;
  /** The runner-up; absent when only one platform is left. */
  second?: Platform;
  strength: Strength;
  /** Only one platform is left in this row. */
  sole: boolean;
}

/** The numbers behind a verdict, without the words: cheap enough to work out for every member of a big team. */
export interface Standing {
  candidates: Platform[];
  rows: Record<SignalTarget, RowStanding>;
  /** The weighted sum of the category rows, per candidate. */
  overall: Record<Platform, number>;
  strongFactors: DecidingFactor[];
  /** What the categories favour; while a deciding factor overrides, the option it overrides (before the cost gaps if they already tip it to Kafka). */
  categoriesFavour: Platform;
  overallMargin: number;
  overridingFactor: DecidingFactor | undefined;
  recommendation: Platform;
  /** The machine row's signals from the cost estimate. */
  costContributions: readonly Contribution[];
  /** Candidates whose monthly total is far above the cheapest's, with the points that cost them. */
  costGaps: CostGap[];
  /** What the categories would favour without the cost gaps. */
  favouredBeforeCost: Platform;
  /** The candidate with the second-best overall score. */
  runnerUp: Platform | undefined;
}

export function weigh(evidence: Evidence): Standing {
  const remaining = PLATFORMS.filter((platform) => !evidence.excluded.some((e) => e.platform === platform));
  // Kafka runs anywhere, so no answer rules out everything; this only keeps the ranking total.
  const candidates = remaining.length > 0 ? remaining : [...PLATFORMS];
  // Deciding factors ask whether Kafka's own strengths matter, so they are weighed whatever is excluded.
  const poolFor = (target: SignalTarget) => (isDecidingFactor(target) ? PLATFORMS : candidates);

  const costContributions = machineSignals(evidence.costs, candidates);
  const scores = perTarget(() => zeroScores());
  for (const signal of priorsFor(evidence)) scores[signal.target][signal.toward] += signal.points;
  for (const { signal } of evidence.contributions) {
    if (inContrast(signal, candidates)) scores[signal.target][signal.toward] += signal.points;
  }
  for (const { signal } of costContributions) scores[signal.target][signal.toward] += signal.points;

  const rows = perTarget((target): RowStanding => {
    const pool = poolFor(target);
    const row = scores[target];
    // Rounded so that averaged team points compare as people would read them; platforms that are out score 0.
    for (const platform of PLATFORMS) {
      row[platform] = pool.includes(platform) ? Math.round(row[platform] * 1000) / 1000 : 0;
    }
    const { best, second } = rank(row, pool);
    // Two literals, not a spread of an optional field: this runs for every row of every probe of a flip search.
    return second === undefined
      ? { scores: row, best, strength: 'only', sole: true }
      : { scores: row, best, second, strength: strengthOf(row[best] - row[second]), sole: false };
  });

  const overall = zeroScores();
  for (const category of CATEGORIES) {
    for (const platform of candidates) {
      overall[platform] += CATEGORY_WEIGHTS[category] * scores[category][platform];
    }
  }
  const favouredBeforeCost = rank(overall, candidates).best;
  const costGaps = costGapsOf(evidence, candidates);
  for (const { platform, points } of costGaps) overall[platform] -= points;
  const { best: categoriesFavour, second: runnerUp } = rank(overall, candidates);
  const strongFactors =
    evidence.strongFactors ?? DECIDING_FACTORS.filter((factor) => holdsFactor(scores[factor]));
  // A deciding factor overrides the categories when they favour another option, before the cost gaps or after:
  // a gap that already tips them to Kafka leaves the factor as much the reason as before.
  const contested = categoriesFavour !== 'kafka' ? categoriesFavour : favouredBeforeCost;
  const overridingFactor =
    candidates.includes('kafka') && contested !== 'kafka'
      ? strongestFactor(strongFactors, scores)
      : undefined;

  return {
    candidates,
    rows,
    overall,
    strongFactors,
    categoriesFavour: overridingFactor ? contested : categoriesFavour,
    overallMargin:
      runnerUp === undefined ? Number.POSITIVE_INFINITY : overall[categoriesFavour] - overall[runnerUp],
    overridingFactor,
    recommendation: overridingFactor ? 'kafka' : categoriesFavour,
    costContributions,
    costGaps,
    favouredBeforeCost,
    runnerUp: overridingFactor ? contested : runnerUp,
  };
}

/** A signal contrasting with a platform (Signal.versus) counts only while that platform is a candidate. */
export function inContrast(signal: Signal, candidates: readonly Platform[]): boolean {
  return signal.versus === undefined || candidates.includes(signal.versus);
}

export function advantageOf(row: RowStanding): Platform | 'even' {
  return row.strength === 'even' ? 'even' : row.best;
}

export function isDecidingFactor(target: SignalTarget): target is DecidingFactor {
  return (DECIDING_FACTORS as readonly string[]).includes(target);
}

/** How far Kafka leads a row over the better of the other two (negative when it trails). */
export function kafkaLead(scores: Record<Platform, number>): number {
  return scores.kafka - Math.max(scores.kinesis, scores.msk);
}

/** A deciding-factor row that Kafka leads by enough to override the categories, one person's or the team's. */
export function holdsFactor(scores: Record<Platform, number>): boolean {
  return kafkaLead(scores) >= OVERRIDE_MARGIN;
}

/** The best and second-best candidates; exact ties go to the option with less to run. */
function rank(
  scores: Record<Platform, number>,
  candidates: readonly Platform[],
): { best: Platform; second?: Platform } {
  let best: Platform | undefined;
  let second: Platform | undefined;
  for (const platform of TIE_ORDER) {
    if (!candidates.includes(platform)) continue;
    if (best === undefined || scores[platform] > scores[best]) {
      second = best;
      best = platform;
    } else if (second === undefined || scores[platform] > scores[second]) {
      second = platform;
    }
  }
  return { best: best ?? 'kafka', second };
}

/** One value per row, built in a fixed shape. */
function perTarget<T>(build: (target: SignalTarget) => T): Record<SignalTarget, T> {
  return {
    performance: build('performance'),
    setup: build('setup'),
    ops_people: build('ops_people'),
    ops_machines: build('ops_machines'),
    incident_risk: build('incident_risk'),
    streaming_product: build('streaming_product'),
    versatile_deployment: build('versatile_deployment'),
  };
}

function strengthOf(margin: number): Strength {
  if (margin >= STRENGTH_THRESHOLDS.decisive) return 'decisive';
  if (margin >= STRENGTH_THRESHOLDS.clear) return 'clear';
  if (margin >= STRENGTH_THRESHOLDS.slight) return 'slight';
  return 'even';
}

function strongestFactor(
  strong: DecidingFactor[],
  scores: Record<SignalTarget, Record<Platform, number>>,
): DecidingFactor | undefined {
  let best: DecidingFactor | undefined;
  for (const factor of DECIDING_FACTORS) {
    if (
      strong.includes(factor) &&
      (best === undefined || kafkaLead(scores[factor]) > kafkaLead(scores[best]))
    ) {
      best = factor;
    }
  }
  return best;
}

function zeroScores(): Record<Platform, number> {
  return { kafka: 0, kinesis: 0, msk: 0 };
}
