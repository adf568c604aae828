/**
 * A panel is everyone's answers read once and merged per question, so that the team's evidence, and the team's
 * evidence had everyone answered one question differently, are both a cheap sum over questions rather than a
 * rescore of every person. One person's verdict is a panel of one.
 *
 * Rules, chosen so that the order answers arrive in never matters:
 * - people are taken in userId order;
 * - each question's signals count 1/n per person on top of the shared priors;
 * - a platform is out when anyone's answer to a fact rules it out (the stricter side holds until the team settles
 *   it; team.ts names the dispute), and a deciding factor overrides only when more than half of the people's
 *   answers say so;
 * - the cost estimate prices the team's typical workload: the median of each number and the most common answer
 *   to each question.
 */
import { type CostSettings, PEOPLE_QUESTIONS, platformCosts, readWorkload, type Workload } from './cost.js';
import { ALL_QUESTIONS } from './questions.js';
import {
  type AnswerPart,
  type Ballot,
  type Contribution,
  type Evidence,
  type Exclusion,
  OVERRIDE_MARGIN,
  opsStrength,
} from './scoring.js';
import {
  type Answers,
  type AnswerValue,
  DECIDING_FACTORS,
  type DecidingFactor,
  PLATFORMS,
  type Platform,
} from './types.js';

export interface Panel {
  /** In userId order. */
  ballots: Ballot[];
  /** Per question, in ALL_QUESTIONS order: everyone's signals for it, each counting 1/n, identical ones merged. */
  averaged: Contribution[][];
  /** The team's typical answer per question: the most common choice, the median number. */
  consensus: Answers;
  /** Per question: how many people answered it, and how many of them gave the typical answer. */
  answering: number[];
  agreeing: number[];
  workload: Workload | undefined;
  /** Per person: every platform their answers rule out, in the order the reasons speak. */
  exclusions: Exclusion[][];
  /** Per person: the points of each deciding-factor row. */
  factorPoints: Record<DecidingFactor, Record<Platform, number>>[];
  settings: CostSettings;
  /** What the answers as given decide, kept so that a move only recomputes what it touches. */
  base: Pick<
    Evidence,
    | 'excluded'
    | 'strongFactors'
    | 'costs'
    | 'engineerMonthlyUsd'
    | 'opsStrength'
    | 'dontKnowCount'
    | 'choiceAnsweredCount'
    | 'answeredCount'
    | 'questionCount'
  >;
  /** Questions whose answers rule platforms out, lean a deciding factor, or show Kafka strength, for anyone. */
  excluding: Set<number>;
  leaningFactors: Set<number>;
  strengthening: Set<number>;
}

/** Everyone answering one question the same way; `part` is what that answer adds. */
export interface Move {
  questionIndex: number;
  value: AnswerValue;
  part: AnswerPart;
}

/** Questions the cost estimate reads: the workload for the machines, and the people figures' answers. */
const COST_QUESTIONS = new Set(
  ALL_QUESTIONS.flatMap((question, index) =>
    question.kind === 'number' ||
    question.id === 'availability_zones' ||
    question.id === 'kafka_usage' ||
    PEOPLE_QUESTIONS.has(question.id)
      ? [index]
      : [],
  ),
);

export function buildPanel(ballots: Ballot[], settings: CostSettings): Panel {
  const count = ballots.length;
  const averaged = ALL_QUESTIONS.map((_, index) => {
    const totals = new Map<Contribution, number>();
    for (const ballot of ballots) {
      for (const contribution of ballot.parts[index]?.contributions ?? []) {
        totals.set(contribution, (totals.get(contribution) ?? 0) + contribution.signal.points);
      }
    }
    return Array.from(totals, ([{ questionId, signal }, points]) => ({
      questionId,
      signal: { ...signal, points: points / count },
    }));
  });

  const consensus: Answers = {};
  const answering: number[] = [];
  const agreeing: number[] = [];
  for (const question of ALL_QUESTIONS) {
    const given = ballots.flatMap((ballot) => {
      const value = ballot.answers[question.id];
      return value === undefined ? [] : [value];
    });
    answering.push(given.length);
    const typical = typicalAnswer(question.id, given);
    if (typical === undefined) {
      agreeing.push(0);
      continue;
    }
    consensus[question.id] = typical;
    agreeing.push(given.filter((value) => keyOf(value) === keyOf(typical)).length);
  }

  const workload = readWorkload(consensus);
  const total = (pick: (ballot: Ballot) => number) => ballots.reduce((sum, ballot) => sum + pick(ballot), 0);
  const exclusions = ballots.map((ballot) => allExclusions(ballot.parts));
  const factorPoints = ballots.map((ballot) => factorPointsOf(ballot.parts));
  const touched = (carries: (part: AnswerPart) => boolean) =>
    new Set(
      ALL_QUESTIONS.flatMap((_, index) =>
        ballots.some((ballot) => {
          const part = ballot.parts[index];
          return part !== undefined && carries(part);
        })
          ? [index]
          : [],
      ),
    );
  return {
    ballots,
    averaged,
    consensus,
    answering,
    agreeing,
    workload,
    exclusions,
    factorPoints,
    settings,
    base: {
      excluded: excludedBy(ballots.length, exclusions, []),
      strongFactors: strongFactorsOf(ballots, factorPoints, []),
      ...(workload && { costs: platformCosts(workload, consensus, settings) }),
      engineerMonthlyUsd: settings.engineerYearlyUsd / 12,
      opsStrength: opsStrengthOf(ballots, []),
      dontKnowCount: total((ballot) => ballot.dontKnowCount),
      choiceAnsweredCount: total((ballot) => ballot.choiceAnsweredCount),
      answeredCount: total((ballot) => ballot.answeredCount),
      // With nobody yet, judge it as one person who answered nothing.
      questionCount: ALL_QUESTIONS.length * Math.max(1, ballots.length),
    },
    excluding: touched((part) => part.excludes.length > 0),
    leaningFactors: touched((part) => part.contributions.some(leansFactor)),
    strengthening: new Set(
      ALL_QUESTIONS.flatMap((question, index) =>
        question.kind !== 'number' &&
        question.options.some((option) => option.kafkaExperience !== undefined || option.opsSupport)
          ? [index]
          : [],
      ),
    ),
  };
}

/** The team's Kafka operating strength: each person's, capped, averaged, with the moves applied to everyone. */
function opsStrengthOf(ballots: readonly Ballot[], moves: readonly Move[]): number {
  if (ballots.length === 0) return 0;
  let total = 0;
  for (const ballot of ballots) {
    let experience = ballot.kafkaExperience;
    let support = ballot.opsSupport;
    for (const move of moves) {
      const replaced = ballot.parts[move.questionIndex];
      experience += move.part.kafkaExperience - (replaced?.kafkaExperience ?? 0);
      support += move.part.opsSupport - (replaced?.opsSupport ?? 0);
    }
    total += opsStrength(experience, support);
  }
  return total / ballots.length;
}

/**
 * The panel's evidence, optionally with everyone answering some questions another way ("Don't know" counts stay
 * those of the answers as given: a move only changes what decides the recommendation).
 */
export function panelEvidence(panel: Panel, moves: readonly Move[] = []): Evidence {
  const count = panel.ballots.length;
  const contributions: Contribution[] = [];
  panel.averaged.forEach((merged, index) => {
    const moved = moves.find((move) => move.questionIndex === index)?.part;
    for (const contribution of moved ? moved.contributions : merged) contributions.push(contribution);
  });

  const touches = (questions: Set<number>) => moves.some((move) => questions.has(move.questionIndex));
  const excluded =
    touches(panel.excluding) || moves.some((move) => move.part.excludes.length > 0)
      ? excludedBy(count, panel.exclusions, moves)
      : panel.base.excluded;
  const strongFactors =
    touches(panel.leaningFactors) || moves.some((move) => move.part.contributions.some(leansFactor))
      ? strongFactorsOf(panel.ballots, panel.factorPoints, moves)
      : panel.base.strongFactors;
  let costs = panel.base.costs;
  if (touches(COST_QUESTIONS)) {
    const answers = answersWith(panel, moves);
    const workload = readWorkload(answers);
    costs = workload && platformCosts(workload, answers, panel.settings);
  }
  const opsStrength = touches(panel.strengthening)
    ? opsStrengthOf(panel.ballots, moves)
    : panel.base.opsStrength;
  const { dontKnowCount, choiceAnsweredCount, answeredCount, questionCount, engineerMonthlyUsd } = panel.base;
  return {
    contributions,
    excluded,
    strongFactors,
    ...(costs && { costs }),
    engineerMonthlyUsd,
    opsStrength,
    dontKnowCount,
    choiceAnsweredCount,
    answeredCount,
    questionCount,
  };
}

/** Platforms anyone's answers rule out, each with the reason given most often. */
function excludedBy(count: number, exclusions: Exclusion[][], moves: readonly Move[]): Exclusion[] {
  const movedIds = new Set(moves.map((move) => ALL_QUESTIONS[move.questionIndex]?.id));
  const movedExclusions = moves.flatMap((move) => move.part.excludes);
  return PLATFORMS.flatMap((platform) => {
    const reasons: Exclusion[] = [];
    for (const own of exclusions) {
      const reason =
        own.find((exclusion) => exclusion.platform === platform && !movedIds.has(exclusion.questionId)) ??
        movedExclusions.find((exclusion) => exclusion.platform === platform);
      if (reason) reasons.push(reason);
    }
    const chosen = reasons.length > 0 && count > 0 ? mostCommon(reasons) : undefined;
    return chosen ? [chosen] : [];
  });
}

/** Deciding factors that most people answered strongly enough to override the categories. */
function strongFactorsOf(
  ballots: Ballot[],
  factorPoints: Record<DecidingFactor, Record<Platform, number>>[],
  moves: readonly Move[],
): DecidingFactor[] {
  return DECIDING_FACTORS.filter((factor) => {
    let strong = 0;
    factorPoints.forEach((points, person) => {
      const row = { ...points[factor] };
      for (const move of moves) {
        adjust(row, ballots[person]?.parts[move.questionIndex]?.contributions, factor, -1);
        adjust(row, move.part.contributions, factor, 1);
      }
      if (row.kafka - Math.max(row.kinesis, row.msk) >= OVERRIDE_MARGIN) strong++;
    });
    return strong > ballots.length / 2;
  });
}

function leansFactor({ signal }: Contribution): boolean {
  return (DECIDING_FACTORS as readonly string[]).includes(signal.target);
}

/** The team's typical answers with the moves applied. */
export function answersWith(panel: Panel, moves: readonly Move[]): Answers {
  const answers = { ...panel.consensus };
  for (const move of moves) {
    const question = ALL_QUESTIONS[move.questionIndex];
    if (question) answers[question.id] = move.value;
  }
  return answers;
}

/** A stable text form of an answer, for counting identical ones whatever order multi-choice picks came in. */
export function keyOf(value: AnswerValue): string {
  return Array.isArray(value) ? [...value].sort().join(' ') : String(value);
}

function typicalAnswer(questionId: string, given: AnswerValue[]): AnswerValue | undefined {
  if (given.length === 0) return undefined;
  const question = ALL_QUESTIONS.find((candidate) => candidate.id === questionId);
  if (question?.kind === 'number') {
    // The lower median: a value someone actually gave, and for peaks never below the averages' median.
    const sorted = given.map(Number).sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)];
  }
  const tally = new Map<string, { value: AnswerValue; times: number }>();
  for (const value of given) {
    const key = keyOf(value);
    const known = tally.get(key);
    if (known) known.times++;
    else tally.set(key, { value: Array.isArray(value) ? [...value].sort() : value, times: 1 });
  }
  // Ties go to the answer listed first in the question, then to the smaller set of picks.
  const order = (value: AnswerValue) => {
    const ids = Array.isArray(value) ? value : [value];
    const options = question?.options ?? [];
    return ids.map((id) => options.findIndex((option) => option.id === id));
  };
  let best: { value: AnswerValue; times: number } | undefined;
  for (const entry of tally.values()) {
    if (
      !best ||
      entry.times > best.times ||
      (entry.times === best.times && comesFirst(order(entry.value), order(best.value)))
    ) {
      best = entry;
    }
  }
  return best?.value;
}

function comesFirst(a: number[], b: number[]): boolean {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const left = a[index] ?? 0;
    const right = b[index] ?? 0;
    if (left !== right) return left < right;
  }
  return a.length < b.length;
}

function allExclusions(parts: readonly (AnswerPart | undefined)[]): Exclusion[] {
  const found: Exclusion[] = [];
  for (const fromNumbers of [false, true]) {
    parts.forEach((part, index) => {
      if (!part || (ALL_QUESTIONS[index]?.kind === 'number') !== fromNumbers) return;
      for (const exclusion of part.excludes) found.push(exclusion);
    });
  }
  return found;
}

function factorPointsOf(
  parts: readonly (AnswerPart | undefined)[],
): Record<DecidingFactor, Record<Platform, number>> {
  const points = {
    streaming_product: { kafka: 0, kinesis: 0, msk: 0 },
    versatile_deployment: { kafka: 0, kinesis: 0, msk: 0 },
  };
  for (const factor of DECIDING_FACTORS) {
    for (const part of parts) adjust(points[factor], part?.contributions, factor, 1);
  }
  return points;
}

function adjust(
  row: Record<Platform, number>,
  contributions: readonly Contribution[] | undefined,
  factor: DecidingFactor,
  sign: 1 | -1,
): void {
  for (const { signal } of contributions ?? []) {
    if (signal.target === factor) row[signal.toward] += sign * signal.points;
  }
}

/** The reason given most often; ties go to the one met first. */
function mostCommon(reasons: Exclusion[]): Exclusion | undefined {
  const tally = new Map<string, { exclusion: Exclusion; times: number }>();
  for (const exclusion of reasons) {
    const known = tally.get(exclusion.reason);
    if (known) known.times++;
    else tally.set(exclusion.reason, { exclusion, times: 1 });
  }
  let best: { exclusion: Exclusion; times: number } | undefined;
  for (const entry of tally.values()) if (!best || entry.times > best.times) best = entry;
  return best?.exclusion;
}
