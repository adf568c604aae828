/**
 * A panel is everyone's answers read once and merged per question, so that the team's evidence, and the team's
 * evidence had everyone answered one question differently, are both a cheap sum over questions rather than a
 * rescore of every person (panel-evidence.ts works out the latter). One person's verdict is a panel of one.
 *
 * Rules, chosen so that the order answers arrive in never matters:
 * - people are taken in userId order;
 * - each question's signals count 1/n per person on top of the shared priors;
 * - a platform is out when anyone's answer to a fact rules it out (the stricter side holds until the team settles
 *   it; disputes.ts names the dispute), and a deciding factor overrides only when more than half of the people's
 *   answers say so;
 * - the cost estimate prices the team's typical workload: the (upper) median of each number and the most common
 *   answer to each question.
 */
import type { AnswerPart, Ballot, Contribution, Exclusion } from './answer-parts.js';
import { type CostSettings, platformCosts, readWorkload, type Workload } from './cost.js';
import { type Evidence, opsStrength } from './evidence.js';
import { ALL_QUESTIONS } from './questions.js';
import {
  type Answers,
  type AnswerValue,
  DECIDING_FACTORS,
  type DecidingFactor,
  PLATFORMS,
  type Platform,
} from './types.js';
import { holdsFactor } from './weighing.js';

export interface Panel {
  /** In userId order. */
  ballots: Ballot[];
  /** Per question, in ALL_QUESTIONS order: everyone's signals for it, each counting 1/n, identical ones merged. */
  averaged: Contribution[][];
  /** The team's typical answer per question: the most common choice, the median number. */
  consensus: Answers;
  /** Per question, in ALL_QUESTIONS order: each distinct answer given (its shared part) and how many gave it. */
  given: readonly ReadonlyMap<AnswerPart, Readonly<Typical>>[];
  /** Per number question (by id), every number given, in ascending order. */
  numbers: ReadonlyMap<string, readonly number[]>;
  /** Per question: how many people answered it, and how many of them gave the typical answer. */
  answering: number[];
  agreeing: number[];
  workload: Workload | undefined;
  /**
   * People with the same exclusions (every platform their answers rule out, in the order the reasons speak), and
   * people with the same answers to the questions that lean a deciding factor: what a move recomputes is worked
   * out once per group, so it costs as much for three hundred people as for the few different answers they gave.
   * Groups are in the order of their first member.
   */
  exclusionGroups: Group<Exclusion[]>[];
  factorGroups: Group<FactorGroup>[];
  /**
   * Per deciding factor, how many people's own answers lean it strongly enough to override: the team's row
   * averages everyone, so it cannot tell one person's strong answer from most people's. base.strongFactors are
   * the factors most people hold.
   */
  factorHolders: Record<DecidingFactor, number>;
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

export interface Group<T> {
  of: T;
  people: number;
}

interface FactorGroup {
  /** The parts of one member, who answers as every other. */
  parts: readonly (AnswerPart | undefined)[];
  /** The points of each deciding-factor row. */
  points: Record<DecidingFactor, Record<Platform, number>>;
}

/** Everyone answering one question the same way; `part` is what that answer adds. */
export interface Move {
  questionIndex: number;
  value: AnswerValue;
  part: AnswerPart;
}

/** Questions whose options speak of Kafka experience or operating habits (see opsStrength). */
const STRENGTHENING = new Set(
  ALL_QUESTIONS.flatMap((question, index) =>
    question.kind !== 'number' &&
    question.options.some((option) => option.kafkaExperience !== undefined || option.opsSupport)
      ? [index]
      : [],
  ),
);

/** An answer to one question and how many gave it. */
export interface Typical {
  value: AnswerValue;
  times: number;
}

/** What the panel reads of one person beyond their parts, worked out once per ballot: ballots outlive a publish. */
interface BallotFacts {
  exclusions: Exclusion[];
  /** The exclusions as text, to find the people with the same ones. */
  exclusionKey: string;
  factorPoints: Record<DecidingFactor, Record<Platform, number>>;
  /** The ballot's answers to the questions that lean a deciding factor, as a key, and which questions those were. */
  factorKey: { questions: string; key: string } | undefined;
}

const BALLOT_FACTS = new WeakMap<Ballot, BallotFacts>();

function factsOf(ballot: Ballot): BallotFacts {
  const known = BALLOT_FACTS.get(ballot);
  if (known) return known;
  const exclusions = allExclusions(ballot.parts);
  const facts: BallotFacts = {
    factorKey: undefined,
    exclusions,
    exclusionKey: exclusions
      .map(({ platform, questionId, reason }) => `${platform}\t${questionId}\t${reason}`)
      .join('\n'),
    factorPoints: factorPointsOf(ballot.parts),
  };
  BALLOT_FACTS.set(ballot, facts);
  return facts;
}

export function buildPanel(ballots: Ballot[], settings: CostSettings): Panel {
  const count = ballots.length;
  // Choice parts are shared objects, one per answer: each question's answers are counted per part, not per person.
  const given = ALL_QUESTIONS.map((question, index) => {
    const answers = new Map<AnswerPart, Typical>();
    for (const ballot of ballots) {
      const part = ballot.parts[index];
      const value = ballot.answers[question.id];
      if (!part || value === undefined) continue;
      const known = answers.get(part);
      if (known) known.times++;
      else answers.set(part, { value, times: 1 });
    }
    return answers;
  });
  const averaged = given.map((answers) => {
    const totals = new Map<Contribution, number>();
    for (const [part, { times: people }] of answers) {
      for (const contribution of part.contributions) {
        // Added once per person, as a sum person by person would, so the rounding is the same.
        let total = totals.get(contribution) ?? 0;
        for (let person = 0; person < people; person++) total += contribution.signal.points;
        totals.set(contribution, total);
      }
    }
    return Array.from(totals, ([{ questionId, signal }, points]) => ({
      questionId,
      signal: { ...signal, points: points / count },
    }));
  });

  const numbers = new Map<string, number[]>();
  for (const question of ALL_QUESTIONS) {
    if (question.kind !== 'number') continue;
    const sorted: number[] = [];
    for (const ballot of ballots) {
      const value = ballot.answers[question.id];
      if (value !== undefined) sorted.push(Number(value));
    }
    numbers.set(
      question.id,
      sorted.sort((a, b) => a - b),
    );
  }
  const consensus: Answers = {};
  const answering: number[] = [];
  const agreeing: number[] = [];
  ALL_QUESTIONS.forEach((question, index) => {
    const typical =
      question.kind === 'number'
        ? medianAnswer(numbers.get(question.id) ?? [])
        : commonAnswer(index, given[index]);
    answering.push([...(given[index]?.values() ?? [])].reduce((sum, { times }) => sum + times, 0));
    agreeing.push(typical?.times ?? 0);
    if (typical) consensus[question.id] = typical.value;
  });

  const workload = readWorkload(consensus);
  const total = (pick: (ballot: Ballot) => number) => ballots.reduce((sum, ballot) => sum + pick(ballot), 0);
  const facts = ballots.map(factsOf);
  const touched = (carries: (part: AnswerPart) => boolean) =>
    new Set(given.flatMap((answers, index) => ([...answers.keys()].some(carries) ? [index] : [])));
  const leaningFactors = touched((part) => part.contributions.some(leansFactor));
  const exclusionGroups = groupsOf(
    facts,
    (fact) => fact.exclusionKey,
    (fact) => fact.exclusions,
  );
  const leaning = [...leaningFactors];
  const leaningKey = leaning.join(' ');
  const factorGroups = groupsOf(
    ballots,
    (ballot, index) => factorKeyOf(ballot, facts[index], leaning, leaningKey),
    (ballot, index) => ({ parts: ballot.parts, points: facts[index]?.factorPoints ?? factorPointsOf([]) }),
  );
  const factorHolders = factorHoldersOf(factorGroups, []);
  return {
    ballots,
    averaged,
    given,
    consensus,
    numbers,
    answering,
    agreeing,
    workload,
    exclusionGroups,
    factorGroups,
    factorHolders,
    settings,
    base: {
      excluded: excludedBy(ballots.length, exclusionGroups, []),
      strongFactors: heldByMost(ballots.length, factorHolders),
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
    leaningFactors,
    strengthening: STRENGTHENING,
  };
}

/**
 * A ballot's answers to the questions that lean a deciding factor, as a key: kept with the ballot while those
 * questions stay the same (ballots outlive a publish, and the questions change only with the team's answers).
 */
function factorKeyOf(
  ballot: Ballot,
  facts: BallotFacts | undefined,
  leaning: readonly number[],
  leaningKey: string,
): string {
  if (facts?.factorKey?.questions === leaningKey) return facts.factorKey.key;
  const key = leaning.map((index) => partIdOf(ballot.parts[index])).join(' ');
  if (facts) facts.factorKey = { questions: leaningKey, key };
  return key;
}

function groupsOf<Item, T>(
  items: readonly Item[],
  keyOfItem: (item: Item, index: number) => string,
  describe: (item: Item, index: number) => T,
): Group<T>[] {
  const groups = new Map<string, Group<T>>();
  items.forEach((item, index) => {
    const key = keyOfItem(item, index);
    const known = groups.get(key);
    if (known) known.people++;
    else groups.set(key, { of: describe(item, index), people: 1 });
  });
  return [...groups.values()];
}

/** A number per answer part: parts are shared, so equal ids mean equal answers. */
const PART_IDS = new WeakMap<AnswerPart, number>();
let nextPartId = 0;

function partIdOf(part: AnswerPart | undefined): number {
  if (!part) return -1;
  const known = PART_IDS.get(part);
  if (known !== undefined) return known;
  const id = nextPartId++;
  PART_IDS.set(part, id);
  return id;
}

/** The team's Kafka operating strength: each person's, capped, averaged, with the moves applied to everyone. */
export function opsStrengthOf(ballots: readonly Ballot[], moves: readonly Move[]): number {
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

/** Platforms anyone's answers rule out, each with the reason given most often (the first met, on a tie). */
export function excludedBy(
  count: number,
  groups: readonly Group<Exclusion[]>[],
  moves: readonly Move[],
): Exclusion[] {
  const movedIds = new Set(moves.map((move) => ALL_QUESTIONS[move.questionIndex]?.id));
  const movedExclusions = moves.flatMap((move) => move.part.excludes);
  return PLATFORMS.flatMap((platform) => {
    const tally = new Map<string, { exclusion: Exclusion; times: number }>();
    for (const { of: own, people } of groups) {
      const reason =
        own.find((exclusion) => exclusion.platform === platform && !movedIds.has(exclusion.questionId)) ??
        movedExclusions.find((exclusion) => exclusion.platform === platform);
      if (!reason) continue;
      const known = tally.get(reason.reason);
      if (known) known.times += people;
      else tally.set(reason.reason, { exclusion: reason, times: people });
    }
    let best: { exclusion: Exclusion; times: number } | undefined;
    for (const entry of tally.values()) if (!best || entry.times > best.times) best = entry;
    return best && count > 0 ? [best.exclusion] : [];
  });
}

/** Deciding factors that most people answered strongly enough to override the categories. */
export function strongFactorsOf(
  count: number,
  groups: readonly Group<FactorGroup>[],
  moves: readonly Move[],
): DecidingFactor[] {
  return heldByMost(count, factorHoldersOf(groups, moves));
}

/** Per deciding factor, how many people hold it (holdsFactor on their own row), with the moves applied to everyone. */
export function factorHoldersOf(
  groups: readonly Group<FactorGroup>[],
  moves: readonly Move[],
): Record<DecidingFactor, number> {
  const holders = { streaming_product: 0, versatile_deployment: 0 };
  for (const factor of DECIDING_FACTORS) {
    for (const { of: member, people } of groups) {
      const row = { ...member.points[factor] };
      for (const move of moves) {
        adjust(row, member.parts[move.questionIndex]?.contributions, factor, -1);
        adjust(row, move.part.contributions, factor, 1);
      }
      if (holdsFactor(row)) holders[factor] += people;
    }
  }
  return holders;
}

/** A deciding factor overrides only when more than half of the people hold it: one person's answer is not the team's. */
export function heldByMost(count: number, holders: Record<DecidingFactor, number>): DecidingFactor[] {
  return DECIDING_FACTORS.filter((factor) => holders[factor] > count / 2);
}

export function leansFactor({ signal }: Contribution): boolean {
  return (DECIDING_FACTORS as readonly string[]).includes(signal.target);
}

/** A stable text form of an answer, for counting identical ones whatever order multi-choice picks came in. */
export function keyOf(value: AnswerValue): string {
  if (!Array.isArray(value)) return String(value);
  // Called per person per question: one pick needs no sorted copy.
  return value.length === 1 ? String(value[0]) : [...value].sort().join(' ');
}

/**
 * The upper median of numbers in ascending order: a value someone actually gave and, of an even split, the larger,
 * the side capacity is planned for (two people saying 2 and 100 MB/s are priced at 100, not sized for the smaller).
 */
function medianAnswer(sorted: readonly number[]): Typical | undefined {
  const median = sorted[Math.floor(sorted.length / 2)];
  if (median === undefined) return undefined;
  let times = 0;
  for (const value of sorted) if (value === median) times++;
  return { value: median, times };
}

/**
 * The most common choice (one part per distinct answer); ties go to the answer listed first in the question, then
 * to the smaller set of picks.
 */
function commonAnswer(index: number, given: Map<AnswerPart, Typical> | undefined): Typical | undefined {
  const question = ALL_QUESTIONS[index];
  const options = question?.kind === 'number' ? [] : (question?.options ?? []);
  const order = (value: AnswerValue) => {
    const ids = Array.isArray(value) ? value : [value];
    return ids.map((id) => options.findIndex((option) => option.id === id));
  };
  let best: (Typical & { order: number[] }) | undefined;
  for (const { value, times } of given?.values() ?? []) {
    if (best && times < best.times) continue;
    const sorted = Array.isArray(value) ? [...value].sort() : value;
    const entry = { value: sorted, times, order: order(sorted) };
    if (!best || entry.times > best.times || comesFirst(entry.order, best.order)) best = entry;
  }
  return best && { value: best.value, times: best.times };
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

export function adjust(
  row: Record<Platform, number>,
  contributions: readonly Contribution[] | undefined,
  factor: DecidingFactor,
  sign: 1 | -1,
): void {
  for (const { signal } of contributions ?? []) {
    if (signal.target === factor) row[signal.toward] += sign * signal.points;
  }
}
