/**
 * What a verdict is weighed from: the answers' signals and hard limits, the cost estimate, and the priors (what
 * holds for most teams), whose lead for the managed services shrinks with the team's Kafka operating strength.
 */
import type { AnswerPart, Ballot, Contribution, Exclusion } from './answer-parts.js';
import { type CostSettings, type PlatformCost, platformCosts } from './cost.js';
import { ALL_QUESTIONS } from './questions.js';
import { type DecidingFactor, PLATFORMS, type Platform, type Signal, type SignalTarget } from './types.js';

/**
 * What holds for most teams before any answer: a managed service is quicker to set up, takes fewer people and
 * fails less often than a cluster of your own. These are evidence, not walls: the managed services' lead in
 * setup, people and incident risk counts less the more the answers show a team that already runs Kafka itself
 * (opsStrength), so a seasoned Kafka team can outweigh it. The machine-cost prior stands in for the estimate
 * until the workload numbers are known, then gives way to it.
 */
const PRIORS: Signal[] = [
  {
    target: 'performance',
    toward: 'kafka',
    points: 1,
    reason: 'a tuned Kafka cluster has the most raw headroom',
  },
  { target: 'performance', toward: 'msk', points: 0.5, reason: 'MSK runs the same Kafka engine' },
  {
    target: 'setup',
    toward: 'kinesis',
    points: 10,
    reason: 'a Kinesis stream is production-ready in hours, with no servers to build',
  },
  { target: 'setup', toward: 'msk', points: 7, reason: 'AWS builds and wires up the brokers for you' },
  {
    target: 'ops_people',
    toward: 'kinesis',
    points: 10,
    reason: 'AWS runs Kinesis, so nobody on your team is paged for it',
  },
  { target: 'ops_people', toward: 'msk', points: 8, reason: 'AWS patches and replaces the brokers for you' },
  {
    target: 'ops_machines',
    toward: 'kinesis',
    points: 2,
    reason: 'Kinesis bills for use, so you never pay for idle machines',
  },
  {
    target: 'incident_risk',
    toward: 'kinesis',
    points: 7,
    reason: 'a service AWS runs for many customers fails less often than a new cluster of your own',
  },
  { target: 'incident_risk', toward: 'msk', points: 5, reason: 'AWS takes care of failed brokers' },
];

/** The most the answers can discount the managed services' starting lead. */
export const MAX_OPS_STRENGTH = 0.8;
/** What Kafka experience counts for with no operating habits behind it, and what each habit adds. */
const UNSUPPORTED_SHARE = 0.3;
const SUPPORT_SHARE = 0.14;

/**
 * How far the answers show a team that can run Kafka itself, 0..MAX_OPS_STRENGTH: years of Kafka in production
 * count most, and count fully only with the habits that keep a cluster healthy (24-hour on-call, a platform team,
 * strong monitoring, deep Linux skills, a liking for its own servers).
 */
export function opsStrength(kafkaExperience: number, opsSupport: number): number {
  const support = Math.min(1, UNSUPPORTED_SHARE + SUPPORT_SHARE * opsSupport);
  return MAX_OPS_STRENGTH * Math.min(1, kafkaExperience) * support;
}
/** The rows where Kafka operating strength discounts the managed services' head start, in CATEGORIES order. */
export const DISCOUNTED_TARGETS = [
  'setup',
  'ops_people',
  'incident_risk',
] as const satisfies readonly SignalTarget[];
const DISCOUNTED_ROWS: ReadonlySet<SignalTarget> = new Set(DISCOUNTED_TARGETS);
/** A discount of the managed services' lead is named from this scale down (a twentieth off). */
const SAID_DISCOUNT = 0.95;

/** Everything a verdict is decided from: one person's answers, or a whole team's merged. */
export interface Evidence {
  /** Signals drawn from answers, in question order. */
  contributions: readonly Contribution[];
  excluded: Exclusion[];
  /** Deciding factors that override the categories; when absent, those whose row Kafka leads by OVERRIDE_MARGIN. */
  strongFactors?: DecidingFactor[];
  /** Each platform's cheapest option by its monthly total; absent without workload numbers. */
  costs?: Partial<Record<Platform, PlatformCost>>;
  /** One engineer's loaded monthly cost: a cost gap smaller than this never moves the verdict. */
  engineerMonthlyUsd: number;
  /** How far the answers show the team can run Kafka itself, 0..MAX_OPS_STRENGTH. */
  opsStrength: number;
  dontKnowCount: number;
  choiceAnsweredCount: number;
  answeredCount: number;
  questionCount: number;
  /**
   * In a team verdict, how many of the people hold each deciding factor (their own answers lean it strongly enough
   * to override): the team's row averages everyone, so one person's strong answer can lead it alone.
   */
  factorHolders?: { people: number; holding: Record<DecidingFactor, number> };
  /** In a team verdict, each person's own recommendation: disagreement with the team lowers confidence. */
  peerRecommendations?: Platform[];
  /** Workload figures nobody gave (short labels): the cost rests on a typical figure, or is not priced. */
  guessedFigures?: string[];
  /** A team's answers merged: the words speak of the team's answers, not "your answers". */
  team?: boolean;
}

/** One person's evidence. */
export function evidenceOf(ballot: Ballot, settings: CostSettings): Evidence {
  return {
    contributions: ballot.parts.flatMap((part) => part?.contributions ?? []),
    excluded: firstExclusions(ballot.parts),
    ...(ballot.workload && { costs: platformCosts(ballot.workload, ballot.answers, settings) }),
    engineerMonthlyUsd: settings.engineerYearlyUsd / 12,
    opsStrength: opsStrength(ballot.kafkaExperience, ballot.opsSupport),
    dontKnowCount: ballot.dontKnowCount,
    choiceAnsweredCount: ballot.choiceAnsweredCount,
    answeredCount: ballot.answeredCount,
    questionCount: ALL_QUESTIONS.length,
  };
}

/**
 * The first reason found speaks for each platform that is out: where you run and what you need from the API
 * before what the workload needs.
 */
function firstExclusions(parts: readonly (AnswerPart | undefined)[]): Exclusion[] {
  const found: Exclusion[] = [];
  for (const fromNumbers of [false, true]) {
    parts.forEach((part, index) => {
      if (!part || (ALL_QUESTIONS[index]?.kind === 'number') !== fromNumbers) return;
      for (const exclusion of part.excludes) {
        if (!found.some((known) => known.platform === exclusion.platform)) found.push(exclusion);
      }
    });
  }
  return PLATFORMS.flatMap((platform) => found.find((exclusion) => exclusion.platform === platform) ?? []);
}

const SCALED_PRIORS = new Map<string, readonly Signal[]>();

/**
 * The priors for this evidence: without the machine-cost prior once the estimate is there, and the managed
 * services' lead in setup, people and risk discounted by the team's Kafka operating strength.
 */
export function priorsFor(evidence: Evidence): readonly Signal[] {
  const scale = priorScale(evidence);
  const key = `${evidence.costs ? 'estimate' : 'prior'}|${scale}`;
  const known = SCALED_PRIORS.get(key);
  if (known) return known;
  const priors = PRIORS.filter((signal) => !(evidence.costs && signal.target === 'ops_machines')).map(
    (signal) =>
      DISCOUNTED_ROWS.has(signal.target) && signal.toward !== 'kafka' && scale < 1
        ? { ...signal, points: Math.round(signal.points * scale * 100) / 100 }
        : signal,
  );
  SCALED_PRIORS.set(key, priors);
  return priors;
}

/** What is left of the managed services' head start in DISCOUNTED_TARGETS: 1 with no Kafka operating strength. */
function priorScale(evidence: Evidence): number {
  return Math.round((1 - Math.min(MAX_OPS_STRENGTH, evidence.opsStrength)) * 1000) / 1000;
}

/**
 * The share the Kafka operating strength in the answers takes off the managed services' head start, once it is a
 * twentieth or more (said once per verdict, not in every row it touches); undefined below that.
 */
export function experienceDiscount(evidence: Evidence): number | undefined {
  const scale = priorScale(evidence);
  return scale <= SAID_DISCOUNT ? 1 - scale : undefined;
}
