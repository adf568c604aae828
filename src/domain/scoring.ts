/**
 * Turns the weighed evidence into a verdict in words: each row's reason and the answers behind it, the override,
 * the confidence and what makes it fragile, the line on cost. The numbers come from weighing.ts.
 */
import type { Contribution } from './answer-parts.js';
import { type CostGap, dearerThanCheapest } from './cost-row.js';
import { DISCOUNTED_TARGETS, type Evidence, experienceDiscount, priorsFor } from './evidence.js';
import { formatNumber, formatUsd } from './format.js';
import { ALL_QUESTIONS } from './questions.js';
import {
  CATEGORIES,
  type CategoryResult,
  type Confidence,
  DECIDING_FACTORS,
  type DecidingFactor,
  PLATFORM_LABELS,
  PLATFORMS,
  type Platform,
  type Signal,
  type SignalTarget,
  TARGET_LABELS,
  type Verdict,
} from './types.js';
import {
  advantageOf,
  inContrast,
  isDecidingFactor,
  type RowStanding,
  type Standing,
  weigh,
} from './weighing.js';
import { listed, lowerFirst, nameInSentence } from './words.js';

/** An answer is quoted as a row's reason when it leans at least this far; a mere nudge defers to the prior. */
export const REASON_MIN_POINTS = 2;

/**
 * An overall lead (in weighted points) below this is a close call and costs one level of confidence: less than one
 * answer strong enough to be a row's reason (REASON_MIN_POINTS) in a row weighing 2, plus a point. At 3, a small web
 * shop already running Kafka clients, Connect and Streams apps got Kinesis "leading clearly" by 3.75 of 132 points,
 * which one reading service fewer turned into MSK.
 */
export const CLOSE_CALL_MARGIN = 5;

/** Shares of "Don't know" answers from which confidence is at most medium, and low. */
export const DONT_KNOW_LIMITS = { medium: 0.15, low: 0.4 } as const;

/** Shares of a team agreeing with the team verdict below which confidence drops one level, and to low. */
export const AGREEMENT_LIMITS = { lower: 0.75, low: 0.5 } as const;

/** Totals this close (the dearer within 25% of the cheaper) are inside the estimate's own error. */
const CLOSE_TOTALS = 1.25;

/** A verdict without the cost table and the flip, which need the answers themselves. */
export type Judgement = Omit<Verdict, 'cost' | 'flip'>;

/**
 * The verdict in words. `describe` turns a question id into its short label and the answer given
 * ("on-call today = none"), for the rows' `from`; `describeLimit` does so for the answers behind a hard limit,
 * where a team's typical answer may not be the one that raised it (defaults to `describe`).
 */
export function decide(
  evidence: Evidence,
  /** Given the row, so a team's description can tell whether its typical answer is what moved it. */
  describe: (questionId: string, row?: { target: SignalTarget; advantage: Platform | 'even' }) => string,
  describeLimit: (questionId: string) => string = describe,
): Judgement {
  const standing = weigh(evidence);
  const { candidates, categoriesFavour, overridingFactor, recommendation } = standing;
  const contributions = [...evidence.contributions, ...standing.costContributions];
  const explain = (target: SignalTarget) => {
    const pool = isDecidingFactor(target) ? PLATFORMS : candidates;
    const fromAnswers = contributions.filter(
      ({ signal }) =>
        signal.target === target && pool.includes(signal.toward) && inContrast(signal, candidates),
    );
    const priors = priorsFor(evidence);
    const row = explainRow(target, standing.rows[target], fromAnswers, evidence, priors);
    const prior =
      row.advantage === 'even' || standing.rows[target].sole
        ? undefined
        : heaviest(
            priors.filter((signal) => signal.target === target),
            row.advantage,
          );
    return {
      ...row,
      from: [
        ...row.drivenBy.map((questionId) =>
          standing.rows[target].sole ? describeLimit(questionId) : describe(questionId, row),
        ),
        // The prior's reason is said once: as the row's reason when it is that, else here.
        ...(prior
          ? [
              prior.reason === row.reason
                ? 'what holds for most teams'
                : `what holds for most teams: ${prior.reason}`,
            ]
          : []),
      ],
    };
  };

  const applying = DECIDING_FACTORS.filter((factor) => advantageOf(standing.rows[factor]) === 'kafka');
  // Every deciding factor held, not only the strongest (which is one of them): a reader holding two sees both.
  const overriding = overridingFactor
    ? DECIDING_FACTORS.filter((factor) => standing.strongFactors.includes(factor))
    : [];
  const { confidence, confidenceReason } = judgeConfidence(evidence, {
    recommendation,
    overridingFactor,
    overriding,
    closeCall: !overridingFactor && standing.overallMargin < CLOSE_CALL_MARGIN,
    soleOption: candidates.length === 1,
    candidates,
    runnerUp: standing.runnerUp,
    costGaps: standing.costGaps,
  });
  const costSentence = costSentenceOf(evidence, standing);
  const discount = experienceDiscount(evidence);

  return {
    recommendation,
    confidence,
    confidenceReason,
    ...(costSentence && { costSentence }),
    rows: CATEGORIES.map(explain),
    decidingFactors: applying.map((factor) =>
      withHolders(explain(factor), factor, evidence.factorHolders, standing.strongFactors),
    ),
    ...(overridingFactor && {
      override: {
        categoriesFavour,
        factor: overridingFactor,
        sentence:
          `The categories favour ${nameInSentence(categoriesFavour)}; your deciding ` +
          `${factorsNamed(overriding)} ${overriding.length > 1 ? 'favour' : 'favours'} ${nameInSentence('kafka')}.`,
      },
    }),
    excluded: evidence.excluded.map(({ platform, reason }) => ({ platform, reason })),
    dontKnowShare: dontKnowShare(evidence),
    ...(discount !== undefined && { discountNote: discountNoteOf(discount, evidence.team === true) }),
  };
}

/**
 * "The managed services’ head start in setup (people), running it (people) and incident risk counts 40% less for
 * the Kafka production experience in your answers." A team's strength is its people's mean, so the words claim
 * experience in the answers, not that the whole team has run Kafka.
 */
function discountNoteOf(discount: number, team: boolean): string {
  const rows = listed(DISCOUNTED_TARGETS.map((target) => lowerFirst(TARGET_LABELS[target])));
  return (
    `The managed services’ head start in ${rows} counts ${formatNumber(Math.round(discount * 100))}% less ` +
    `for the Kafka production experience in ${team ? 'the team’s' : 'your'} answers.`
  );
}

/** "factor (deploy anywhere)", "factors (streaming is the product and deploy anywhere)". */
function factorsNamed(factors: readonly DecidingFactor[]): string {
  const words = factors.map((factor) => lowerFirst(TARGET_LABELS[factor])).join(' and ');
  return `${factors.length > 1 ? 'factors' : 'factor'} (${words})`;
}

/** What holding a deciding factor means, after "answers point strongly to": the answers, not a quote of them. */
const FACTOR_CLAIMS: Record<DecidingFactor, string> = {
  streaming_product: 'streaming being what you sell',
  versatile_deployment: 'having to deploy anywhere',
};

/**
 * A team's deciding-factor row says how many people hold the factor. The row averages everyone, so one person's
 * strong answer can lead it clearly while the rest said no; yet the factor decides only when most people hold it,
 * so one that most do not hold claims no more than a slight lead. Where nobody holds it, the row is everyone's
 * milder lean and reads as each of them would read it alone.
 */
function withHolders(
  row: CategoryResult,
  factor: DecidingFactor,
  holders: Evidence['factorHolders'],
  strongFactors: readonly DecidingFactor[],
): CategoryResult {
  const holding = holders?.holding[factor] ?? 0;
  if (!holders || holding === 0) return row;
  // Holders are people whose answers lean the factor strongly (speed sold and tuning at every layer, say), not
  // people who answered "yes" to one question: "1 of 4 people say streaming is what you sell" beside a From line
  // where nobody had said so.
  const held = `${holding} of ${holders.people} people’s answers point strongly to ${FACTOR_CLAIMS[factor]}`;
  if (strongFactors.includes(factor)) return { ...row, reason: held };
  return {
    ...row,
    strength: row.strength === 'even' ? 'even' : 'slight',
    reason: `${held}; it decides only when most do`,
  };
}

function explainRow(
  target: SignalTarget,
  row: RowStanding,
  fromAnswers: Contribution[],
  evidence: Pick<Evidence, 'excluded' | 'costs'>,
  priors: readonly Signal[],
): Omit<CategoryResult, 'from'> {
  const { scores, best, strength } = row;
  if (row.sole) {
    // The hard limits decided this row: the first reason, and the answers that set the limits.
    const { excluded } = evidence;
    const drivenBy = [...new Set(excluded.map((exclusion) => exclusion.questionId))];
    return { target, advantage: best, strength, scores, reason: excluded[0]?.reason ?? '', drivenBy };
  }
  const even = () =>
    (target === 'ops_machines' && machinesEvenReason(evidence.costs, row)) || evenReason(fromAnswers);
  return {
    target,
    advantage: advantageOf(row),
    strength,
    scores,
    reason: strength === 'even' ? even() : strongestReason(target, fromAnswers, best, priors),
    // Only the answers that moved the row toward its leader speak for it.
    drivenBy: questionsThatMoved(
      strength === 'even' ? fromAnswers : fromAnswers.filter(({ signal }) => signal.toward === best),
    ),
  };
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

/**
 * An even machine row in figures: "the machines cost about the same on Amazon Kinesis and Amazon MSK ($15,600 and
 * $16,600 a month)", not that the answers pull both ways, when no answer is in the row and the estimate is.
 */
function machinesEvenReason(costs: Evidence['costs'], row: RowStanding): string | undefined {
  const leader = costs?.[row.best];
  const runnerUp = row.second && costs?.[row.second];
  if (!row.second || !leader || !runnerUp) return undefined;
  // The two the row has nearly level, the cheaper named first.
  const [first, second] =
    leader.machinesUsd <= runnerUp.machinesUsd ? [row.best, row.second] : [row.second, row.best];
  const usd = (platform: Platform) => formatUsd(costs?.[platform]?.machinesUsd ?? 0);
  return `the machines cost about the same on ${nameInSentence(first)} and ${nameInSentence(second)} (${usd(first)} and ${usd(second)} a month)`;
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
    /** Every deciding factor held, when one overrides. */
    overriding: readonly DecidingFactor[];
    closeCall: boolean;
    soleOption: boolean;
    candidates: readonly Platform[];
    runnerUp: Platform | undefined;
    costGaps: readonly CostGap[];
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
    reason = `The answers were firm, and the deciding ${factorsNamed(outcome.overriding)} ${outcome.overriding.length > 1 ? 'settle' : 'settles'} it.`;
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
      reason =
        agreeing === 0
          ? `None of the ${peers.length} people’s own answers point to ${name}.`
          : `Only ${agreeing} of ${peers.length} people’s answers point to ${name}.`;
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
    candidates: readonly Platform[];
    runnerUp: Platform | undefined;
    costGaps: readonly CostGap[];
    overridingFactor?: DecidingFactor | undefined;
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
  if (own?.stretch) found.push(`Its ${own.stretch}.`);
  const notable = dearerThanCheapest(evidence, outcome.candidates, outcome.recommendation, outcome.costGaps);
  if (notable) {
    found.push(
      `It costs ${timesWords(notable.ratio)} what ${nameInSentence(notable.cheapest)} does a month (about ${formatUsd(notable.gapUsd)} more), which ${outcome.overridingFactor ? 'the deciding factor outweighs' : 'the other answers outweigh'}.`,
    );
  }
  // Self-run Kafka that the categories did not choose (a deciding factor did, or the hard limits left nothing
  // else), for a team whose answers say it cannot run it yet: the verdict stands on people it must find first.
  const against =
    outcome.recommendation === 'kafka' && (outcome.overridingFactor || outcome.soleOption)
      ? strongestAgainstRunningIt(evidence)
      : undefined;
  if (against) {
    found.push(
      `Running it is the catch: ${against}, ${outcome.soleOption ? 'so a managed Kafka service where you run is worth comparing' : 'and self-managed Kafka needs people on call before it goes live'}.`,
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

/** A contribution this strong against running Kafka yourself is a catch worth saying. */
const CATCH_POINTS = 2;
/**
 * Below this operating strength (opsStrength) the answers show no team that runs Kafka yet: no Kafka in production
 * beyond a year, or a few years with none of the habits that keep a cluster healthy.
 */
const CATCH_STRENGTH = 0.05;

/**
 * The answers' strongest reason against the team running Kafka itself (the people row), for a team without the
 * operating strength to outweigh it.
 */
function strongestAgainstRunningIt(evidence: Evidence): string | undefined {
  if (evidence.opsStrength >= CATCH_STRENGTH) return undefined;
  let strongest: { points: number; reason: string } | undefined;
  for (const { signal } of evidence.contributions) {
    if (signal.target !== 'ops_people' || signal.toward === 'kafka' || signal.points < CATCH_POINTS) continue;
    if (!strongest || signal.points > strongest.points) strongest = signal;
  }
  return strongest?.reason;
}

/** "three times or more", "over twice", "about 1.9 times". */
function timesWords(ratio: number): string {
  if (ratio >= 3) return 'three times or more';
  if (ratio >= 2) return 'over twice';
  return `about ${formatNumber(Math.round(ratio * 10) / 10)} times`;
}

/** One line on the monthly totals, when their gap moved the verdict or had to be outweighed. */
function costSentenceOf(evidence: Evidence, standing: Standing): string | undefined {
  const costs = evidence.costs;
  if (!costs) return undefined;
  const recommended = standing.recommendation;
  const own = costs[recommended];
  if (!own) return undefined;
  const about = (platform: Platform) => formatUsd(costs[platform]?.totalUsd ?? 0);
  // Every other priced candidate, cheapest first: the nearest rival's bill is what a reader checks first, not
  // only the dearest's ("$1,400 a month against Amazon MSK’s $3,100 and self-managed Kafka’s $19,000").
  const others = standing.candidates
    .filter((platform) => platform !== recommended && costs[platform])
    .sort((a, b) => (costs[a]?.totalUsd ?? 0) - (costs[b]?.totalUsd ?? 0));
  const cheaper = others.filter((platform) => (costs[platform]?.totalUsd ?? 0) < own.totalUsd);
  // Twice the cheapest's bill or more, or a gap that cost the recommendation points; or, where the sentence speaks
  // for another option's gap that did not decide it, any cheaper option: the verdict owns up to it, naming every
  // cheaper option.
  const spoken = standing.costGaps.length > 0 && others.length > 0;
  const decides = standing.favouredBeforeCost !== standing.categoriesFavour && !standing.overridingFactor;
  // Dearer than a rival beyond the estimate's own error: said, whatever the size of the gap (Kafka veterans' own
  // cluster at $24,000 beside MSK's $18,000, $72,000 a year, went unsaid under "leads clearly"). Where another
  // gap decides it, the sentence below names every bill, the cheaper ones too.
  const beyondError =
    !decides && cheaper.some((platform) => own.totalUsd > (costs[platform]?.totalUsd ?? 0) * CLOSE_TOTALS);
  if (
    dearerThanCheapest(evidence, standing.candidates, recommended, standing.costGaps) ||
    beyondError ||
    (spoken && !decides && cheaper.length > 0)
  ) {
    return (
      `${PLATFORM_LABELS[recommended]} costs about ${about(recommended)} a month against ` +
      cheaper.map((platform) => `${nameInSentence(platform)}’s ${about(platform)}`).join(' and ') +
      `; ${standing.overridingFactor ? 'the deciding factor outweighs' : 'the other rows outweigh'} the gap.`
    );
  }
  if (!spoken) return undefined;
  return (
    `${PLATFORM_LABELS[recommended]} costs about ${about(recommended)} a month against ` +
    others.map((platform) => `${nameInSentence(platform)}’s ${about(platform)}`).join(' and ') +
    (decides
      ? `; the other rows favour ${nameInSentence(standing.favouredBeforeCost)}, and that gap decides it.`
      : '.')
  );
}

function dontKnowShare(evidence: Evidence): number {
  return evidence.choiceAnsweredCount === 0 ? 0 : evidence.dontKnowCount / evidence.choiceAnsweredCount;
}

const QUESTION_ORDER = new Map(ALL_QUESTIONS.map((question, index) => [question.id, index]));

/** A question's position in the questionnaire; the cost estimate and unknown ids come after every question. */
function questionIndex(questionId: string): number {
  return QUESTION_ORDER.get(questionId) ?? ALL_QUESTIONS.length;
}
