/**
 * Turns answers into a verdict. Each row adds the points its signals give each platform to fixed priors; hard
 * constraints take platforms off the table; a weighted sum of the category rows picks the recommendation, unless
 * a deciding factor answered strongly overrides it in favour of self-managed Kafka.
 *
 * Answers are read one question at a time into parts (the signals and exclusions one answer adds), so a team's
 * answers can be merged per question and "what if this answer were different" costs one part swapped, not a
 * rescore. Everything walks questions and platforms in a fixed order, so the result never depends on the order
 * of keys in the answers.
 */
import { choiceMisfit } from './answer-fit.js';
import { type CostSettings, type PlatformCost, platformCosts, readWorkload, type Workload } from './cost.js';
import { formatKb } from './cost-model.js';
import { figureOf } from './figures.js';
import { formatNumber, formatUsd } from './format.js';
import { CAPACITY } from './pricing.js';
import { ALL_QUESTIONS } from './questions.js';
import {
  type Answers,
  type AnswerValue,
  CATEGORIES,
  type Category,
  type CategoryResult,
  type ChoiceOption,
  COST_ESTIMATE_DRIVER,
  type Confidence,
  DECIDING_FACTORS,
  type DecidingFactor,
  PLATFORM_LABELS,
  PLATFORMS,
  type Platform,
  type Question,
  type Signal,
  type SignalTarget,
  type Strength,
  TARGET_LABELS,
  type Verdict,
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

/** An answer is quoted as a row's reason when it leans at least this far; a mere nudge defers to the prior. */
export const REASON_MIN_POINTS = 2;

/** A deciding factor overrides the categories when Kafka leads its row by at least this many points. */
export const OVERRIDE_MARGIN = 5;

/** An overall lead (in weighted points) below this is a close call and costs one level of confidence. */
export const CLOSE_CALL_MARGIN = 3;

/** Shares of "Don't know" answers from which confidence is at most medium, and low. */
export const DONT_KNOW_LIMITS = { medium: 0.15, low: 0.4 } as const;

/** Shares of a team agreeing with the team verdict below which confidence drops one level, and to low. */
export const AGREEMENT_LIMITS = { lower: 0.75, low: 0.5 } as const;

/** On an exact tie the option with less to run yourselves wins. */
const TIE_ORDER: Platform[] = ['kinesis', 'msk', 'kafka'];

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
const DISCOUNTED_ROWS = new Set<SignalTarget>(['setup', 'ops_people', 'incident_risk']);

/** Workload thresholds for raw speed, in MB/s written at the peak. */
const FAST_LOAD = 100;
const VERY_FAST_LOAD = 1000;
/** Kinesis shares each shard's reads between readers; past a few, every extra reader crowds them. */
const MANY_READERS = 5;
const VERY_MANY_READERS = 20;

/**
 * The machine row: each platform gains MACHINE_POINTS_PER_DOUBLING for each halving of its machine bill against
 * the dearest option's, up to MACHINE_POINTS_MAX; bills within MACHINE_NOISE of each other are within the
 * estimate's own error and count as even.
 */
const MACHINE_POINTS_PER_DOUBLING = 3;
const MACHINE_POINTS_MAX = 10;
const MACHINE_NOISE = 1.15;

/**
 * Cost in the verdict: a candidate whose monthly total (machines and people) is at least COST_GAP_RATIO times the
 * cheapest candidate's, and dearer by more than an engineer's monthly cost, loses COST_GAP_POINTS of the overall
 * score, and as much again for each further doubling. A smaller gap never moves the verdict.
 */
export const COST_GAP_RATIO = 3;
export const COST_GAP_POINTS = 20;

/** Totals this close (the dearer within 25% of the cheaper) are inside the estimate's own error. */
const CLOSE_TOTALS = 1.25;

/** A signal and the question whose answer produced it. */
export interface Contribution {
  questionId: string;
  signal: Signal;
}

export interface Exclusion {
  platform: Platform;
  reason: string;
  /** The question whose answer ruled it out. */
  questionId: string;
}

/** What one answer adds to a verdict. Parts of choice answers are shared objects, built once. */
export interface AnswerPart {
  contributions: readonly Contribution[];
  excludes: readonly Exclusion[];
  dontKnow: boolean;
  /** What it says of the team's Kafka operating strength (see opsStrength). */
  kafkaExperience: number;
  opsSupport: number;
}

/** One person's answers, read once against today's questions. */
export interface Ballot {
  /** Only the answers that fit today's questions. */
  answers: Answers;
  /** Per question, in ALL_QUESTIONS order; undefined when unanswered or unusable. */
  parts: (AnswerPart | undefined)[];
  workload: Workload | undefined;
  dontKnowCount: number;
  choiceAnsweredCount: number;
  answeredCount: number;
  /** What the answers say of the team's Kafka operating strength (see opsStrength). */
  kafkaExperience: number;
  opsSupport: number;
}

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
  /** In a team verdict, each person's own recommendation: disagreement with the team lowers confidence. */
  peerRecommendations?: Platform[];
  /** Workload figures nobody gave (short labels): the cost rests on a typical figure, or is not priced. */
  guessedFigures?: string[];
}

export interface RowStanding {
  scores: Record<Platform, number>;
  /** The leader, even when its lead is too small to count. */
  best: Platform;
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
  categoriesFavour: Platform;
  overallMargin: number;
  overridingFactor: DecidingFactor | undefined;
  recommendation: Platform;
  /** The machine row's signals from the cost estimate. */
  costContributions: readonly Contribution[];
  /** Candidates whose monthly total is far above the cheapest's, with the points that cost them. */
  costGaps: { platform: Platform; points: number }[];
  /** What the categories would favour without the cost gaps. */
  favouredBeforeCost: Platform;
  /** The candidate with the second-best overall score. */
  runnerUp: Platform | undefined;
}

/** Reads answers defensively: values that no longer fit a question (a retired option, a wrong type) are skipped. */
export function readBallot(answers: Answers): Ballot {
  const kept: Answers = {};
  const parts: (AnswerPart | undefined)[] = [];
  let dontKnowCount = 0;
  let choiceAnsweredCount = 0;
  let answeredCount = 0;
  let kafkaExperience = 0;
  let opsSupport = 0;
  for (const question of ALL_QUESTIONS) {
    const value = answers[question.id];
    const part = readAnswer(question, value);
    parts.push(part);
    if (part === undefined || value === undefined) continue;
    // A rough workload answer is kept as the figure it is priced at, so everything after reads numbers.
    const figure = question.kind === 'number' ? figureOf(question, value)?.value : value;
    if (figure !== undefined) kept[question.id] = figure;
    answeredCount++;
    kafkaExperience += part.kafkaExperience;
    opsSupport += part.opsSupport;
    // A number counts only when it is "Don't know": giving the workload figures never dilutes the share.
    if (question.kind !== 'number' || part.dontKnow) choiceAnsweredCount++;
    if (part.dontKnow) dontKnowCount++;
  }
  return {
    answers: kept,
    parts,
    workload: readWorkload(kept),
    dontKnowCount,
    choiceAnsweredCount,
    answeredCount,
    kafkaExperience,
    opsSupport,
  };
}

/** What one answer adds, or undefined when the value does not fit the question. */
export function readAnswer(question: Question, value: AnswerValue | undefined): AnswerPart | undefined {
  if (question.kind === 'number') {
    const figure = figureOf(question, value);
    if (!figure) return undefined;
    const part = figure.value === undefined ? NO_SIGNAL : numberPart(question.id, figure.value);
    return figure.dontKnow ? dontKnowPartOf(part) : part;
  }
  const chosen = readChoice(question, value);
  if (chosen === undefined) return undefined;
  if (chosen.length === 1 && chosen[0]) return OPTION_PARTS.get(chosen[0]);
  const key = chosen.map((option) => option.id).join(' ');
  const cache = MULTI_PARTS.get(question.id) ?? new Map<string, AnswerPart>();
  MULTI_PARTS.set(question.id, cache);
  const known = cache.get(key);
  if (known) return known;
  const optionParts = chosen.flatMap((option) => OPTION_PARTS.get(option) ?? []);
  const part: AnswerPart = {
    contributions: optionParts.flatMap((each) => each.contributions),
    excludes: optionParts.flatMap((each) => each.excludes),
    dontKnow: false,
    kafkaExperience: optionParts.reduce((sum, each) => sum + each.kafkaExperience, 0),
    opsSupport: optionParts.reduce((sum, each) => sum + each.opsSupport, 0),
  };
  cache.set(key, part);
  return part;
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

export function weigh(evidence: Evidence): Standing {
  const remaining = PLATFORMS.filter((platform) => !evidence.excluded.some((e) => e.platform === platform));
  // Kafka runs anywhere, so no answer rules out everything; this only keeps the ranking total.
  const candidates = remaining.length > 0 ? remaining : [...PLATFORMS];
  // Deciding factors ask whether Kafka's own strengths matter, so they are weighed whatever is excluded.
  const poolFor = (target: SignalTarget) => (isDecidingFactor(target) ? PLATFORMS : candidates);

  const costContributions = machineSignals(evidence.costs, candidates);
  const scores = perTarget(() => zeroScores());
  for (const signal of priorsFor(evidence)) scores[signal.target][signal.toward] += signal.points;
  for (const { signal } of evidence.contributions) scores[signal.target][signal.toward] += signal.points;
  for (const { signal } of costContributions) scores[signal.target][signal.toward] += signal.points;

  const rows = perTarget((target) => {
    const pool = poolFor(target);
    const row = scores[target];
    // Rounded so that averaged team points compare as people would read them; platforms that are out score 0.
    for (const platform of PLATFORMS) {
      row[platform] = pool.includes(platform) ? Math.round(row[platform] * 1000) / 1000 : 0;
    }
    const { best, second } = rank(row, pool);
    return {
      scores: row,
      best,
      strength: second === undefined ? 'decisive' : strengthOf(row[best] - row[second]),
      sole: second === undefined,
    };
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
    evidence.strongFactors ??
    DECIDING_FACTORS.filter((factor) => kafkaLead(scores[factor]) >= OVERRIDE_MARGIN);
  const overridingFactor =
    candidates.includes('kafka') && categoriesFavour !== 'kafka'
      ? strongestFactor(strongFactors, scores)
      : undefined;

  return {
    candidates,
    rows,
    overall,
    strongFactors,
    categoriesFavour,
    overallMargin:
      runnerUp === undefined ? Number.POSITIVE_INFINITY : overall[categoriesFavour] - overall[runnerUp],
    overridingFactor,
    recommendation: overridingFactor ? 'kafka' : categoriesFavour,
    costContributions,
    costGaps,
    favouredBeforeCost,
    runnerUp: overridingFactor ? categoriesFavour : runnerUp,
  };
}

/** A verdict without the cost table and the flip, which need the answers themselves. */
export type Judgement = Omit<Verdict, 'cost' | 'flip'>;

/**
 * The verdict in words. `describe` turns a question id into its short label and the answer given
 * ("on-call today = none"), for the rows' `from`.
 */
export function decide(evidence: Evidence, describe: (questionId: string) => string): Judgement {
  const standing = weigh(evidence);
  const { candidates, categoriesFavour, overridingFactor, recommendation } = standing;
  const contributions = [...evidence.contributions, ...standing.costContributions];
  const explain = (target: SignalTarget) => {
    const pool = isDecidingFactor(target) ? PLATFORMS : candidates;
    const fromAnswers = contributions.filter(
      ({ signal }) => signal.target === target && pool.includes(signal.toward),
    );
    const priors = priorsFor(evidence);
    const row = explainRow(target, standing.rows[target], fromAnswers, evidence.excluded, priors);
    const prior =
      row.advantage === 'even' || standing.rows[target].sole
        ? undefined
        : heaviest(
            priors.filter((signal) => signal.target === target),
            row.advantage,
          );
    return {
      ...row,
      from: [...row.drivenBy.map(describe), ...(prior ? [`what holds for most teams: ${prior.reason}`] : [])],
    };
  };

  const applying = DECIDING_FACTORS.filter((factor) => advantageOf(standing.rows[factor]) === 'kafka');
  const { confidence, confidenceReason } = judgeConfidence(evidence, {
    recommendation,
    overridingFactor,
    closeCall: !overridingFactor && standing.overallMargin < CLOSE_CALL_MARGIN,
    soleOption: candidates.length === 1,
    runnerUp: standing.runnerUp,
  });
  const costSentence = costSentenceOf(evidence, standing);

  return {
    recommendation,
    confidence,
    confidenceReason,
    ...(costSentence && { costSentence }),
    rows: CATEGORIES.map(explain),
    decidingFactors: applying.map(explain),
    ...(overridingFactor && {
      override: {
        categoriesFavour,
        factor: overridingFactor,
        sentence:
          `The categories favour ${nameInSentence(categoriesFavour)}; your deciding factor ` +
          `(${lowerFirst(TARGET_LABELS[overridingFactor])}) favours ${nameInSentence('kafka')}.`,
      },
    }),
    excluded: evidence.excluded.map(({ platform, reason }) => ({ platform, reason })),
    dontKnowShare: dontKnowShare(evidence),
  };
}

export function advantageOf(row: RowStanding): Platform | 'even' {
  return row.strength === 'even' ? 'even' : row.best;
}

function explainRow(
  target: SignalTarget,
  row: RowStanding,
  fromAnswers: Contribution[],
  excluded: Exclusion[],
  priors: readonly Signal[],
): Omit<CategoryResult, 'from'> {
  const { scores, best, strength } = row;
  if (row.sole) {
    // The hard limits decided this row: the first reason, and the answers that set the limits.
    const drivenBy = [...new Set(excluded.map((exclusion) => exclusion.questionId))];
    return { target, advantage: best, strength, scores, reason: excluded[0]?.reason ?? '', drivenBy };
  }
  return {
    target,
    advantage: advantageOf(row),
    strength,
    scores,
    reason:
      strength === 'even' ? evenReason(fromAnswers) : strongestReason(target, fromAnswers, best, priors),
    // Only the answers that moved the row toward its leader speak for it.
    drivenBy: questionsThatMoved(
      strength === 'even' ? fromAnswers : fromAnswers.filter(({ signal }) => signal.toward === best),
    ),
  };
}

const SCALED_PRIORS = new Map<string, readonly Signal[]>();

/**
 * The priors for this evidence: without the machine-cost prior once the estimate is there, and the managed
 * services' lead in setup, people and risk discounted by the team's Kafka operating strength.
 */
function priorsFor(evidence: Evidence): readonly Signal[] {
  const scale = Math.round((1 - Math.min(MAX_OPS_STRENGTH, evidence.opsStrength)) * 1000) / 1000;
  const key = `${evidence.costs ? 'estimate' : 'prior'}|${scale}`;
  const known = SCALED_PRIORS.get(key);
  if (known) return known;
  const priors = PRIORS.filter((signal) => !(evidence.costs && signal.target === 'ops_machines')).map(
    (signal) =>
      DISCOUNTED_ROWS.has(signal.target) && signal.toward !== 'kafka' && scale < 1
        ? {
            ...signal,
            points: Math.round(signal.points * scale * 100) / 100,
            reason: `${signal.reason}, though less so for a team that already runs Kafka itself`,
          }
        : signal,
  );
  SCALED_PRIORS.set(key, priors);
  return priors;
}

function isDecidingFactor(target: SignalTarget): target is DecidingFactor {
  return (DECIDING_FACTORS as readonly string[]).includes(target);
}

function kafkaLead(scores: Record<Platform, number>): number {
  return scores.kafka - Math.max(scores.kinesis, scores.msk);
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

/** The phrase of the heaviest answer pointing at the winner (summed across a team), else the prior's. */
function strongestReason(
  target: SignalTarget,
  fromAnswers: Contribution[],
  winner: Platform,
  priors: readonly Signal[],
): string {
  const answered = heaviest(
    fromAnswers.map(({ signal }) => signal),
    winner,
  );
  if (answered && answered.points >= REASON_MIN_POINTS) return answered.reason;
  const prior = heaviest(
    priors.filter((signal) => signal.target === target),
    winner,
  );
  return prior?.reason ?? answered?.reason ?? '';
}

/** The reason giving the winner the most points; the first one met wins a tie. */
function heaviest(signals: Signal[], winner: Platform): { reason: string; points: number } | undefined {
  const totals = new Map<string, number>();
  for (const { toward, reason, points } of signals) {
    if (toward === winner) totals.set(reason, (totals.get(reason) ?? 0) + points);
  }
  let best: { reason: string; points: number } | undefined;
  for (const [reason, points] of totals) {
    if (points > (best?.points ?? 0)) best = { reason, points };
  }
  return best;
}

function evenReason(fromAnswers: Contribution[]): string {
  return fromAnswers.length > 0
    ? 'the answers pull both ways about equally'
    : 'nothing in the answers points either way';
}

/** Question ids ranked by how many points they moved in the row, at most three; ties keep question order. */
function questionsThatMoved(fromAnswers: Contribution[]): string[] {
  const moved = new Map<string, number>();
  for (const { questionId, signal } of fromAnswers) {
    moved.set(questionId, (moved.get(questionId) ?? 0) + signal.points);
  }
  return [...moved]
    .sort(([idA, a], [idB, b]) => b - a || questionIndex(idA) - questionIndex(idB))
    .slice(0, 3)
    .map(([questionId]) => questionId);
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

const CONFIDENCE_LEVELS: Confidence[] = ['low', 'medium', 'high'];

/**
 * Confidence starts from how firmly people answered (the share of "Don't know", and whether most questions were
 * answered at all), then drops a level for each thing that makes the verdict fragile: a close call, a design near
 * a platform's limit, low-confidence prices under the recommended design, two options whose totals are within
 * the estimate's own error; and for a team that does not agree with its verdict. The reason names each.
 */
function judgeConfidence(
  evidence: Evidence,
  outcome: {
    recommendation: Platform;
    overridingFactor: DecidingFactor | undefined;
    closeCall: boolean;
    soleOption: boolean;
    runnerUp: Platform | undefined;
  },
): { confidence: Confidence; confidenceReason: string } {
  const share = dontKnowShare(evidence);
  const dontKnowPart = `${Math.round(share * 100)}% of the answers were “Don't know”`;
  const name = nameInSentence(outcome.recommendation);
  let level: number;
  let reason: string;
  if (evidence.answeredCount < evidence.questionCount / 2) {
    level = 0;
    reason = 'Fewer than half of the questions were answered.';
  } else if (share >= DONT_KNOW_LIMITS.low) {
    level = 0;
    reason = `${dontKnowPart}, so this is a rough guess.`;
  } else if (share >= DONT_KNOW_LIMITS.medium) {
    level = 1;
    reason = `${dontKnowPart}; firmer answers would sharpen it.`;
  } else if (outcome.soleOption) {
    level = 2;
    reason = `Only ${name} is left once the hard limits are applied.`;
  } else if (outcome.overridingFactor) {
    level = 2;
    const factor = lowerFirst(TARGET_LABELS[outcome.overridingFactor]);
    reason = `The answers were firm, and the deciding factor (${factor}) settles it.`;
  } else {
    level = 2;
    reason = `The answers were firm, and ${name} leads clearly.`;
  }

  const fragile = fragilities(evidence, outcome);
  if (fragile.length > 0 && level > 0) {
    level = Math.max(0, level - fragile.length);
    reason = fragile.join(' ');
  }

  const peers = evidence.peerRecommendations ?? [];
  if (peers.length > 0) {
    const agreeing = peers.filter((platform) => platform === outcome.recommendation).length;
    const agreement = agreeing / peers.length;
    const allowed =
      agreement < AGREEMENT_LIMITS.low ? 0 : agreement < AGREEMENT_LIMITS.lower ? level - 1 : level;
    if (allowed < level) {
      level = Math.max(0, allowed);
      reason = `Only ${agreeing} of ${peers.length} people’s answers point to ${name}.`;
    }
  }

  return { confidence: CONFIDENCE_LEVELS[level] ?? 'low', confidenceReason: reason };
}

/** What makes the verdict fragile, one sentence each. */
function fragilities(
  evidence: Evidence,
  outcome: {
    recommendation: Platform;
    closeCall: boolean;
    soleOption: boolean;
    runnerUp: Platform | undefined;
  },
): string[] {
  const found: string[] = [];
  const label = PLATFORM_LABELS[outcome.recommendation];
  if (outcome.closeCall && !outcome.soleOption) {
    found.push(`${label} leads only narrowly, so a few answers could change it.`);
  }
  const guessed = evidence.guessedFigures ?? [];
  if (guessed.length > 0) {
    found.push(
      `Nobody gave these workload figures: ${guessed.join(', ')}; ${evidence.costs ? 'the cost rests on typical figures' : 'the cost could not be compared'}.`,
    );
  }
  const own = evidence.costs?.[outcome.recommendation];
  if (own?.nearLimit) {
    const { what, used, limit } = own.nearLimit;
    found.push(
      `Its design uses ${Math.round((used / limit) * 100)}% of a published limit (${what}: ${formatNumber(Math.round(used * 100) / 100)} of ${formatNumber(limit)}), so growth would need another design.`,
    );
  }
  if (own && own.lowConfidence.length > 0) {
    found.push(`Its cost rests on low-confidence prices (${own.lowConfidence.join(', ')}).`);
  }
  const other = outcome.runnerUp && evidence.costs?.[outcome.runnerUp];
  if (own && other && outcome.runnerUp && !outcome.soleOption) {
    const [low, high] = [own.totalUsd, other.totalUsd].sort((a, b) => a - b);
    if (low !== undefined && high !== undefined && high <= low * CLOSE_TOTALS) {
      found.push(
        `${label} and ${nameInSentence(outcome.runnerUp)} cost within 25% of each other a month, inside the estimate’s own error.`,
      );
    }
  }
  return found;
}

/** One line on the monthly totals, when their gap moved the verdict or had to be outweighed. */
function costSentenceOf(evidence: Evidence, standing: Standing): string | undefined {
  const costs = evidence.costs;
  if (!costs || standing.costGaps.length === 0) return undefined;
  const recommended = standing.recommendation;
  const own = costs[recommended];
  if (!own) return undefined;
  const about = (platform: Platform) => formatUsd(costs[platform]?.totalUsd ?? 0);
  const penalised = standing.costGaps.some((gap) => gap.platform === recommended);
  if (penalised) {
    const cheapest = standing.candidates
      .filter((platform) => costs[platform])
      .sort((a, b) => (costs[a]?.totalUsd ?? 0) - (costs[b]?.totalUsd ?? 0))[0];
    if (!cheapest || cheapest === recommended) return undefined;
    return (
      `${PLATFORM_LABELS[recommended]} costs about ${about(recommended)} a month against ` +
      `${nameInSentence(cheapest)}’s ${about(cheapest)}; ${standing.overridingFactor ? 'the deciding factor outweighs' : 'the other rows outweigh'} the gap.`
    );
  }
  const dearest = [...standing.costGaps].sort(
    (a, b) => (costs[b.platform]?.totalUsd ?? 0) - (costs[a.platform]?.totalUsd ?? 0),
  )[0];
  if (!dearest) return undefined;
  const decides = standing.favouredBeforeCost !== standing.categoriesFavour && !standing.overridingFactor;
  return (
    `${PLATFORM_LABELS[recommended]} costs about ${about(recommended)} a month against ` +
    `${nameInSentence(dearest.platform)}’s ${about(dearest.platform)}` +
    (decides
      ? `, and that gap decides it: the other rows favour ${nameInSentence(standing.favouredBeforeCost)}.`
      : '.')
  );
}

function dontKnowShare(evidence: Evidence): number {
  return evidence.choiceAnsweredCount === 0 ? 0 : evidence.dontKnowCount / evidence.choiceAnsweredCount;
}

/** A rule's signals, built once: every respondent shares them, and they read the same for a team. */
function rule(
  questionId: string,
  target: Category,
  points: Partial<Record<Platform, number>>,
  reason: string,
): Contribution[] {
  return PLATFORMS.flatMap((toward) => {
    const value = points[toward];
    return value === undefined ? [] : [{ questionId, signal: { target, toward, points: value, reason } }];
  });
}

function partOf(contributions: Contribution[] = [], excludes: Exclusion[] = []): AnswerPart {
  return { contributions, excludes, dontKnow: false, kafkaExperience: 0, opsSupport: 0 };
}

const NO_SIGNAL = partOf();

const NUMBER_PARTS = {
  veryFastPeak: partOf(
    rule(
      'peak_write_mbps',
      'performance',
      { kafka: 2, msk: 1 },
      `at peaks over ${formatNumber(VERY_FAST_LOAD)} MB/s, a tuned cluster has the most headroom`,
    ),
  ),
  fastPeak: partOf(
    rule(
      'peak_write_mbps',
      'performance',
      { kafka: 1 },
      `at peaks over ${formatNumber(FAST_LOAD)} MB/s, a tuned cluster has more headroom`,
    ),
  ),
  manyReaders: partOf(
    rule(
      'consumer_groups',
      'performance',
      { kafka: 1, msk: 1 },
      `more than ${MANY_READERS} consumer groups would share each Kinesis shard’s read limit`,
    ),
  ),
  veryManyReaders: partOf(
    rule(
      'consumer_groups',
      'performance',
      { kafka: 2, msk: 2 },
      `more than ${VERY_MANY_READERS} consumer groups would crowd each Kinesis shard’s read limit`,
    ),
  ),
};

/**
 * Signals and hard limits from one workload number. Each rule reads a single number, so a number's effect can be
 * swapped on its own; what the numbers cost together is the cost estimate's business (see costSignals).
 */
function numberPart(questionId: string, value: number): AnswerPart {
  switch (questionId) {
    case 'peak_write_mbps':
      if (value >= VERY_FAST_LOAD) return NUMBER_PARTS.veryFastPeak;
      return value >= FAST_LOAD ? NUMBER_PARTS.fastPeak : NO_SIGNAL;
    case 'consumer_groups':
      if (value > VERY_MANY_READERS) return NUMBER_PARTS.veryManyReaders;
      return value > MANY_READERS ? NUMBER_PARTS.manyReaders : NO_SIGNAL;
    case 'avg_record_kb':
      return value > CAPACITY.kinesisMaxRecordKb
        ? partOf(
            [],
            [
              {
                platform: 'kinesis',
                questionId,
                reason: `records of ${formatKb(value)} are over Kinesis’s 10 MiB maximum; teams with payloads this large keep them in S3 and stream a pointer`,
              },
            ],
          )
        : NO_SIGNAL;
    case 'retention_days':
      return value > CAPACITY.kinesisMaxRetentionDays
        ? partOf(
            [],
            [
              {
                platform: 'kinesis',
                questionId,
                reason: `records must stay readable for ${formatNumber(value)} days, and Kinesis keeps them for at most ${CAPACITY.kinesisMaxRetentionDays}`,
              },
            ],
          )
        : NO_SIGNAL;
    default:
      return NO_SIGNAL;
  }
}

/**
 * The machine row from the estimate: each candidate's points grow with how far its machine bill undercuts the
 * dearest candidate's, so the cheapest leads the row by as much as its bill undercuts the next one's.
 */
function machineSignals(
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
  return priced.flatMap(({ platform, usd }) => {
    const ratio = dearest.usd / usd;
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
      `the machines on ${nameInSentence(platform)} cost about ${formatUsd(usd)} a month, against ${formatUsd(dearest.usd)} on ${nameInSentence(dearest.platform)}`,
    );
  });
}

/** Candidates whose monthly total is far above the cheapest candidate's, and what that costs them in points. */
function costGapsOf(evidence: Evidence, candidates: readonly Platform[]): Standing['costGaps'] {
  const costs = evidence.costs;
  if (!costs) return [];
  const totals = candidates.flatMap((platform) => {
    const cost = costs[platform];
    return cost ? [{ platform, usd: cost.totalUsd }] : [];
  });
  if (totals.length < 2) return [];
  const cheapest = Math.max(1, Math.min(...totals.map(({ usd }) => usd)));
  return totals.flatMap(({ platform, usd }) => {
    const ratio = usd / cheapest;
    if (ratio < COST_GAP_RATIO || usd - cheapest <= evidence.engineerMonthlyUsd) return [];
    return [{ platform, points: COST_GAP_POINTS * (1 + Math.log2(ratio / COST_GAP_RATIO)) }];
  });
}

/** Each option's part, built once and shared, so a team's worth of answers allocates little. */
const OPTION_PARTS = new Map<ChoiceOption, AnswerPart>(
  ALL_QUESTIONS.flatMap((question) =>
    question.kind === 'number'
      ? []
      : question.options.map((option): [ChoiceOption, AnswerPart] => [
          option,
          {
            contributions: (option.signals ?? []).map((signal) => ({ questionId: question.id, signal })),
            excludes: (option.constraint?.excludes ?? []).map((platform) => ({
              platform,
              reason: option.constraint?.reason ?? '',
              questionId: question.id,
            })),
            dontKnow: option.dontKnow === true,
            kafkaExperience: option.kafkaExperience ?? 0,
            opsSupport: option.opsSupport ? 1 : 0,
          },
        ]),
  ),
);

/** Parts of multi-choice combinations met so far; a question has few enough options to keep them all. */
const MULTI_PARTS = new Map<string, Map<string, AnswerPart>>();

const SINGLE_PICKS = new Map(
  ALL_QUESTIONS.flatMap((question) =>
    question.kind === 'number'
      ? []
      : [[question.id, new Map(question.options.map((option) => [option.id, [option]]))] as const],
  ),
);

/** The chosen options in the question's own order, or undefined when the value does not fit the question. */
function readChoice(question: Question, value: AnswerValue | undefined): readonly ChoiceOption[] | undefined {
  if (question.kind === 'number' || choiceMisfit(question, value)) return undefined;
  if (question.kind === 'single')
    return typeof value === 'string' ? SINGLE_PICKS.get(question.id)?.get(value) : undefined;
  // An optional question left empty fits, but says nothing: it is not counted as answered.
  const chosen = question.options.filter((option) => Array.isArray(value) && value.includes(option.id));
  return chosen.length === 0 ? undefined : chosen;
}

/** A number's part marked "Don't know", built once per part like the others. */
const DONT_KNOW_PARTS = new Map<AnswerPart, AnswerPart>();
function dontKnowPartOf(part: AnswerPart): AnswerPart {
  const known = DONT_KNOW_PARTS.get(part);
  if (known) return known;
  const marked = { ...part, dontKnow: true };
  DONT_KNOW_PARTS.set(part, marked);
  return marked;
}

const QUESTION_ORDER = new Map(ALL_QUESTIONS.map((question, index) => [question.id, index]));

/** A question's position in the questionnaire; the cost estimate and unknown ids come after every question. */
function questionIndex(questionId: string): number {
  return QUESTION_ORDER.get(questionId) ?? ALL_QUESTIONS.length;
}

function zeroScores(): Record<Platform, number> {
  return { kafka: 0, kinesis: 0, msk: 0 };
}

/** Platform names as they read mid-sentence: "self-managed Kafka", "Amazon Kinesis". */
function nameInSentence(platform: Platform): string {
  return platform === 'kafka' ? lowerFirst(PLATFORM_LABELS.kafka) : PLATFORM_LABELS[platform];
}

export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
