/**
 * What a team's answers disagree on: the spread of each workload number (and the cost at the top of it), and the
 * facts to settle before the verdict can be trusted, each with who gave which answer and what the verdict would
 * be were the team to settle it the other way.
 */
import { type AnswerPart, readAnswer } from './answer-parts.js';
import { type CostSettings, platformCosts, readWorkload } from './cost.js';
import { figureOf, named, type Respondent } from './figures.js';
import { keyOf, type Panel } from './panel.js';
import { standingWith } from './panel-evidence.js';
import type { PersonEvidence } from './person.js';
import { ALL_QUESTIONS } from './questions.js';
import {
  type Answers,
  type AnswerValue,
  type NumberQuestion,
  PLATFORM_LABELS,
  type Platform,
  type Question,
} from './types.js';
import { answerWords } from './words.js';

/** One answer to a disputed fact and who gave it. */
export interface FactSide {
  value: AnswerValue;
  /** The answer in a few words: "must speak Kafka", "40 MB/s". */
  words: string;
  userIds: string[];
  /** Platforms this answer rules out. */
  rulesOut: Platform[];
}

/** A fact the team's answers disagree on: to settle before the verdict can be trusted. */
export interface DisputedFact {
  questionId: string;
  /** The question in a few words: "need for the Kafka API". */
  short: string;
  /** Every answer given, the ones that rule something out first. */
  sides: FactSide[];
  /**
   * The team verdict were the team to settle it on the answer that rules nothing out, or, for a choice or a spread
   * that rules nothing out, on the answer `otherwiseAt` names, when that differs.
   */
  otherwise?: Platform;
  /** The answer in words that gives `otherwise` where no side rules anything out: "5 MB/s", "no". */
  otherwiseAt?: string;
}

/**
 * A disputed fact in words, after its short name: who gave which answer, what the strictest answer rules out and,
 * where settling it changes the verdict, how ("Bob must speak Kafka; Alice and Carol do not need it — it rules
 * Amazon Kinesis out; settled the other way, the verdict would be Amazon MSK"). `name` writes a person and
 * `words` escapes the answers' words, for the surface it goes to; `ends` keeps a number split many ways to its two ends.
 */
export function disputeSentence(
  dispute: DisputedFact,
  {
    name,
    words = (text: string) => text,
    ends = false,
  }: { name: (userId: string) => string; words?: (text: string) => string; ends?: boolean },
): string {
  const number = ALL_QUESTIONS.find((question) => question.id === dispute.questionId)?.kind === 'number';
  const sides =
    ends && number && dispute.sides.length > 2 ? [dispute.sides[0], dispute.sides.at(-1)] : dispute.sides;
  const [first, ...rest] = sides.filter((side) => side !== undefined);
  if (!first) return '';
  // A fact split three or four ways names fewer people a side, so the line still fits the screen.
  const shown = sides.length > 2 ? 2 : 3;
  const others = rest.map((side) => `${named(side.userIds, name, shown)} ${words(side.words)}`).join('; ');
  const rules =
    (first.rulesOut.length > 0
      ? ` — it rules ${first.rulesOut.map((platform) => PLATFORM_LABELS[platform]).join(' and ')} out`
      : '') +
    (dispute.otherwise
      ? `; settled ${settledWords(dispute, first, words)}, the verdict would be ${PLATFORM_LABELS[dispute.otherwise]}`
      : '');
  return `${named(first.userIds, name, shown)} ${words(first.words)}; ${others}${rules}`;
}

/** How the dispute would be settled for its other verdict: the other way, or at the answer that gives it. */
function settledWords(dispute: DisputedFact, first: FactSide, words: (text: string) => string): string {
  if (first.rulesOut.length > 0) return 'the other way';
  return dispute.otherwiseAt ? `on ${words(dispute.otherwiseAt)}` : 'one way';
}

/** The team's spread on one workload number. */
export interface NumberRange {
  questionId: string;
  short: string;
  unit: string;
  /** The lowest and highest figures priced (a rough range counts as the figure it is priced at). */
  min: number;
  max: number;
  /** What the estimate is priced at. */
  pricedAt: number;
  /** The peak, priced at the average: the team's peak figure was below its average figure. */
  asAverage?: boolean;
  /**
   * The answers are more than WIDE_SPREAD times apart, a rough range read as all it allows: "1 KB" and "1 to 10 KB"
   * agree, though the range is priced at 3.2. A thing to settle.
   */
  wide: boolean;
}

/** Workload numbers further apart than this are a thing to settle. */
export const WIDE_SPREAD = 3;

const NUMBER_QUESTIONS = ALL_QUESTIONS.filter(
  (question): question is NumberQuestion => question.kind === 'number',
);

export function rangesOf(
  panel: Pick<Panel, 'numbers' | 'consensus' | 'workload'>,
  people: readonly Respondent[],
): NumberRange[] {
  const ranges = NUMBER_QUESTIONS.flatMap((question): NumberRange[] => {
    const given = panel.numbers.get(question.id) ?? [];
    const min = given[0];
    const max = given[given.length - 1];
    const pricedAt = panel.consensus[question.id];
    if (min === undefined || max === undefined || typeof pricedAt !== 'number') return [];
    return [
      {
        questionId: question.id,
        short: question.short,
        unit: question.unit,
        min,
        max,
        pricedAt,
        wide: apart(question, people) > WIDE_SPREAD,
      },
    ];
  });
  // The peak as the estimate prices it: readWorkload reads a peak below the average as the average.
  const peak = ranges.find((range) => range.questionId === 'peak_write_mbps');
  if (peak && panel.workload && panel.workload.peakWriteMbps !== peak.pricedAt) {
    peak.pricedAt = panel.workload.peakWriteMbps;
    peak.asAverage = true;
  }
  return ranges;
}

/**
 * How far apart the answers are at the least: the highest low end over the lowest high end, a given number being
 * both ends and a rough range its bounds. At most 1 when some figure fits every answer.
 */
function apart(question: NumberQuestion, people: readonly Respondent[]): number {
  let highestLow = 0;
  let lowestHigh = Number.POSITIVE_INFINITY;
  for (const person of people) {
    const figure = figureOf(question, person.answers[question.id]);
    if (figure?.value === undefined) continue;
    highestLow = Math.max(highestLow, figure.range?.low ?? figure.value);
    lowestHigh = Math.min(lowestHigh, figure.range?.high ?? figure.value);
  }
  return lowestHigh > 0 ? highestLow / lowestHigh : 0;
}

/**
 * The recommended platform's cheapest totals were every workload number at the bottom and at the top of the
 * team's range; absent when every number was given alike.
 */
export function rangeEnds(
  panel: Panel,
  ranges: readonly NumberRange[],
  settings: CostSettings,
  recommendation: Platform,
): { lowUsd: number; highUsd: number } | undefined {
  if (!panel.workload || !ranges.some((range) => range.min !== range.max)) return undefined;
  const at = (end: (range: NumberRange) => number) => {
    const answers: Answers = { ...panel.consensus };
    for (const range of ranges) answers[range.questionId] = end(range);
    const workload = readWorkload(answers);
    return workload && platformCosts(workload, answers, settings)[recommendation]?.totalUsd;
  };
  const lowUsd = at((range) => range.min);
  const highUsd = at((range) => range.max);
  return lowUsd === undefined || highUsd === undefined ? undefined : { lowUsd, highUsd };
}

/**
 * Facts the answers disagree on: choices given differently ("Don't know" aside), and workload numbers more than
 * WIDE_SPREAD apart. Those where one side rules a platform out come first, with what the verdict would be were
 * the team to settle on the side that rules nothing out.
 */
export function disputesOf(
  panel: Panel,
  people: readonly PersonEvidence[],
  ranges: readonly NumberRange[],
  recommendation: Platform,
): DisputedFact[] {
  const disputes: DisputedFact[] = [];
  ALL_QUESTIONS.forEach((question, questionIndex) => {
    if (!question.fact) return;
    const range = ranges.find((candidate) => candidate.questionId === question.id);
    // A number is disputed only when the answers are far apart or one rules a platform out.
    if (question.kind === 'number' && !range?.wide && !panel.excluding.has(questionIndex)) return;
    if (question.kind === 'number') {
      const dispute = numberDispute(panel, people, questionIndex, range?.wide === true, recommendation);
      if (dispute) disputes.push(dispute);
      return;
    }
    // One side per distinct answer: a choice's part is shared by everyone who gave it.
    const sides = new Map<AnswerPart, FactSide>();
    const dontKnow = new Set<AnswerPart>();
    panel.ballots.forEach((ballot, person) => {
      const value = ballot.answers[question.id];
      const part = ballot.parts[questionIndex];
      const userId = people[person]?.userId;
      if (value === undefined || part === undefined || userId === undefined || dontKnow.has(part)) return;
      let side = sides.get(part);
      if (!side) {
        if (keyOf(value) === 'dont_know') {
          dontKnow.add(part);
          return;
        }
        // Words are worked out only for the sides shown (see below).
        side = {
          value: Array.isArray(value) ? [...value].sort() : value,
          words: '',
          userIds: [],
          rulesOut: rulesOutOf(part),
        };
        sides.set(part, side);
      }
      side.userIds.push(userId);
    });
    if (sides.size < 2) return;
    const ruling = [...sides.values()].some((side) => side.rulesOut.length > 0);
    const ordered = [...sides.values()].sort(
      (a, b) => b.rulesOut.length - a.rulesOut.length || b.userIds.length - a.userIds.length,
    );
    const settledOn = (side: FactSide) => settledOnAnswer(panel, questionIndex, side.value);
    let otherwise: Platform | undefined;
    let otherwiseAt: FactSide | undefined;
    if (ruling) otherwise = lenientOtherwise(ordered, settledOn, recommendation);
    else {
      // A choice that rules nothing out matters only if settling it some way changes the verdict.
      for (const side of ordered) {
        const settled = settledOn(side);
        if (settled === undefined || settled === recommendation) continue;
        otherwise = settled;
        otherwiseAt = side;
        break;
      }
      if (!otherwise) return;
    }
    disputes.push({
      questionId: question.id,
      short: question.short,
      sides: ordered.map((side) => shownSide(question, side)),
      ...(otherwise && { otherwise }),
      ...(otherwiseAt && { otherwiseAt: answerWords(question, otherwiseAt.value) }),
    });
  });
  // What rules a platform out first, then what changes the verdict, then wide numbers.
  return disputes.sort(
    (a, b) =>
      ruleCount(b) - ruleCount(a) || Number(b.otherwise !== undefined) - Number(a.otherwise !== undefined),
  );
}

/**
 * A workload number the team disputes: one side per answer given (a rough range is its own side, in its own
 * words: "1 to 10 MiB", not the 3 MiB it is priced at), of which the lowest, the one priced and the highest are
 * shown, so the people are gathered for those three alone (a team of hundreds may give hundreds of numbers).
 * Settled at the end furthest from the figure priced, the verdict may differ: `otherwise` says so, `otherwiseAt`
 * at which answer.
 */
function numberDispute(
  panel: Panel,
  people: readonly PersonEvidence[],
  questionIndex: number,
  wide: boolean,
  recommendation: Platform,
): DisputedFact | undefined {
  const question = ALL_QUESTIONS[questionIndex];
  if (!question) return undefined;
  // Keyed by the number, or by a rough range's id: no string is built for each of hundreds of numbers.
  const keyed = (person: number, value: AnswerValue): number | string => {
    const raw = people[person]?.answers[question.id];
    return typeof raw === 'string' && raw !== value ? raw : Number(value);
  };
  const given = new Map<number | string, NumberSide>();
  panel.ballots.forEach((ballot, person) => {
    const value = ballot.answers[question.id];
    const part = ballot.parts[questionIndex];
    if (value === undefined || part === undefined || people[person]?.userId === undefined) return;
    const key = keyed(person, value);
    const known = given.get(key);
    if (known) known.people++;
    else {
      given.set(key, {
        key,
        value: typeof key === 'string' ? key : value,
        number: Number(value),
        rulesOut: rulesOutOf(part),
        people: 1,
      });
    }
  });
  if (given.size < 2) return undefined;
  const ordered = [...given.values()];
  const ruling = ordered.some((side) => side.rulesOut.length > 0);
  if (!wide && !ruling) return undefined;
  ordered.sort((a, b) => b.rulesOut.length - a.rulesOut.length || b.people - a.people);
  const settledOn = (side: NumberSide) => settledOnAnswer(panel, questionIndex, side.value);
  const ends = extremes(ordered);
  let otherwise: Platform | undefined;
  let otherwiseAt: NumberSide | undefined;
  if (ruling) otherwise = lenientOtherwise(ordered, settledOn, recommendation);
  else {
    // A spread that rules nothing out matters if settling it at the end furthest from the figure priced changes
    // the verdict (one estimate a number, not two: a publish weighs every disputed number of hundreds of people).
    const priced = Number(panel.consensus[question.id]);
    const far = (side: NumberSide) => Math.abs(Math.log(side.number / priced));
    const furthest = ends.reduce<NumberSide | undefined>(
      (a, b) => (!a || far(b) > far(a) ? b : a),
      undefined,
    );
    const settled = furthest && furthest.number !== priced ? settledOn(furthest) : undefined;
    if (furthest && settled !== undefined && settled !== recommendation) {
      otherwise = settled;
      otherwiseAt = furthest;
    }
  }
  const middle = ordered.find((side) => side.number === panel.consensus[question.id] && !ends.includes(side));
  const shownSides = middle && ends.length === 2 ? [ends[0], middle, ends[1]] : ends;
  const shown = shownSides.flatMap((side) =>
    side
      ? [
          {
            key: side.key,
            side: { value: side.value, words: '', userIds: [] as string[], rulesOut: side.rulesOut },
          },
        ]
      : [],
  );
  const shownByKey = new Map(shown.map(({ key, side }) => [key, side]));
  panel.ballots.forEach((ballot, person) => {
    const value = ballot.answers[question.id];
    const userId = people[person]?.userId;
    if (value === undefined || ballot.parts[questionIndex] === undefined || userId === undefined) return;
    shownByKey.get(keyed(person, value))?.userIds.push(userId);
  });
  return {
    questionId: question.id,
    short: question.short,
    sides: shown.map(({ side }) => shownSide(question, side)),
    ...(otherwise && { otherwise }),
    ...(otherwiseAt && { otherwiseAt: answerWords(question, otherwiseAt.value) }),
  };
}

/** An answer given, before anyone is named: what it rules out and how many gave it. */
interface NumberSide {
  /** The answer as given: the number, or a rough range's id. */
  key: number | string;
  value: AnswerValue;
  /** The figure it is priced at. */
  number: number;
  rulesOut: Platform[];
  people: number;
}

/** The team verdict were the team to settle the fact on this answer. */
function settledOnAnswer(panel: Panel, questionIndex: number, value: AnswerValue): Platform | undefined {
  const question = ALL_QUESTIONS[questionIndex];
  const part = question && readAnswer(question, value);
  return part && standingWith(panel, { questionIndex, value, part }).recommendation;
}

/** Where one side rules a platform out: the verdict on the side that rules nothing out, when it differs. */
function lenientOtherwise<Side extends Pick<FactSide, 'rulesOut'>>(
  ordered: readonly Side[],
  settledOn: (side: Side) => Platform | undefined,
  recommendation: Platform,
): Platform | undefined {
  const lenient = ordered.find((side) => side.rulesOut.length === 0);
  const settled = lenient && settledOn(lenient);
  return settled && settled !== recommendation ? settled : undefined;
}

/** A side as the dispute shows it: in words, with its own copy of what it rules out. */
function shownSide(question: Question, side: FactSide): FactSide {
  return { ...side, rulesOut: [...side.rulesOut], words: answerWords(question, side.value) };
}

/** The platforms an answer rules out, once per answer part (parts are shared by everyone who gave the answer). */
const RULED_OUT = new WeakMap<AnswerPart, Platform[]>();

function rulesOutOf(part: AnswerPart): Platform[] {
  let platforms = RULED_OUT.get(part);
  if (!platforms) {
    platforms = [...new Set(part.excludes.map((exclusion) => exclusion.platform))];
    RULED_OUT.set(part, platforms);
  }
  return platforms;
}

/** For a number, the lowest and the highest answer, the one that rules a platform out first. */
function extremes(sides: readonly NumberSide[]): NumberSide[] {
  let low: NumberSide | undefined;
  let high: NumberSide | undefined;
  for (const side of sides) {
    if (!low || side.number < low.number) low = side;
    if (!high || side.number > high.number) high = side;
  }
  if (!low || !high) return [];
  if (low === high) return [low];
  return low.rulesOut.length > high.rulesOut.length
    ? [low, high]
    : [high, low].sort((a, b) => b.rulesOut.length - a.rulesOut.length || a.number - b.number);
}

function ruleCount(dispute: DisputedFact): number {
  return dispute.sides.reduce((sum, side) => sum + side.rulesOut.length, 0);
}

type Tally = Map<string, { value: AnswerValue; times: number }>;

/** Tallies already counted, per panel and question: describing a verdict asks for the same ones again and again. */
const TALLIES = new WeakMap<Panel, Map<string, Tally>>();

function answerTally(panel: Panel, questionId: string): Tally {
  let tallies = TALLIES.get(panel);
  if (!tallies) {
    tallies = new Map();
    TALLIES.set(panel, tallies);
  }
  const known = tallies.get(questionId);
  if (known) return known;
  const tally: Tally = new Map();
  tallies.set(questionId, tally);
  const index = ALL_QUESTIONS.findIndex((question) => question.id === questionId);
  const given = ALL_QUESTIONS[index]?.kind === 'number' ? undefined : panel.given[index];
  if (given) {
    // A choice's part is shared by everyone who gave that answer: the panel has counted them already.
    for (const { value, times } of given.values()) tally.set(keyOf(value), { value, times });
    return tally;
  }
  for (const ballot of panel.ballots) {
    const value = ballot.answers[questionId];
    if (value === undefined) continue;
    const key = keyOf(value);
    const known = tally.get(key);
    if (known) known.times++;
    else tally.set(key, { value, times: 1 });
  }
  return tally;
}

export function tiedWithAnother(panel: Panel, questionId: string, agreeing: number): boolean {
  return [...answerTally(panel, questionId).values()].filter(({ times }) => times === agreeing).length > 1;
}

export function splitAnswers(panel: Panel, questionId: string): string {
  const question = ALL_QUESTIONS.find((candidate) => candidate.id === questionId);
  if (!question) return '';
  return [...answerTally(panel, questionId).values()]
    .sort((a, b) => b.times - a.times)
    .map(({ value, times }) => `“${answerWords(question, value)}” (${times})`)
    .join(', ');
}
