/**
 * Answers read one question at a time into parts: the signals and hard limits one answer adds, built once and
 * shared, so a team's answers can be merged per question and "what if this answer were different" costs one part
 * swapped, not a rescore. A ballot is one person's answers read so, with their workload.
 */
import { choiceMisfit } from './answer-fit.js';
import { readWorkload, type Workload } from './cost.js';
import { formatKb } from './cost-model.js';
import { figureOf } from './figures.js';
import { formatNumber } from './format.js';
import { CAPACITY } from './pricing.js';
import { ALL_QUESTIONS } from './questions.js';
import {
  type Answers,
  type AnswerValue,
  type Category,
  type ChoiceOption,
  PLATFORMS,
  type Platform,
  type Question,
  type Signal,
} from './types.js';

/** Workload thresholds for raw speed, in MB/s written at the peak. */
const FAST_LOAD = 100;
const VERY_FAST_LOAD = 1000;
/** Kinesis shares each shard's reads between readers; past a few, every extra reader crowds them. */
const MANY_READERS = 5;
const VERY_MANY_READERS = 20;

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

/** A rule's signals, built once: every respondent shares them, and they read the same for a team; `versus` as in Signal. */
export function rule(
  questionId: string,
  target: Category,
  points: Partial<Record<Platform, number>>,
  reason: string,
  versus?: Platform,
): Contribution[] {
  return PLATFORMS.flatMap((toward) => {
    const value = points[toward];
    return value === undefined
      ? []
      : [{ questionId, signal: { target, toward, points: value, reason, ...(versus && { versus }) } }];
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
      'kinesis',
    ),
  ),
  veryManyReaders: partOf(
    rule(
      'consumer_groups',
      'performance',
      { kafka: 2, msk: 2 },
      `more than ${VERY_MANY_READERS} consumer groups would crowd each Kinesis shard’s read limit`,
      'kinesis',
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
