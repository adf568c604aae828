/**
 * Verdicts: one person's, or the team's over everyone's answers, with the cost estimate and what would flip it.
 *
 * Everyone's answers are read once and merged per question into a panel (see panel.ts for the rules that keep
 * the order answers arrive in from mattering); one person's verdict is a panel of one. Each person is also
 * weighed alone, to show how the team splits and to lower confidence where people's own answers point elsewhere.
 */
import { type Exclusion, readBallot } from './answer-parts.js';
import type { RespondentAnswers } from './answer-set.js';
import {
  type CostEstimate,
  type CostSettings,
  DEFAULT_ENGINEER_YEARLY_USD,
  estimateCosts,
  PEOPLE_QUESTIONS,
} from './cost.js';
import {
  type DisputedFact,
  disputesOf,
  type NumberRange,
  rangeEnds,
  rangesOf,
  splitAnswers,
  tiedWithAnother,
} from './disputes.js';
import { figureNotes, guessedFigures, settleFigures } from './figures.js';
import { whatWouldFlip } from './flip.js';
import { formatNumber } from './format.js';
import { buildPanel, keyOf, type Panel } from './panel.js';
import { panelEvidence } from './panel-evidence.js';
import { type PersonEvidence, scorePerson } from './person.js';
import { DEFAULT_PRICING } from './pricing.js';
import { ALL_QUESTIONS } from './questions.js';
import { decide } from './scoring.js';
import {
  type Answers,
  CATEGORIES,
  type Category,
  type CategoryResult,
  COST_ESTIMATE_DRIVER,
  type Confidence,
  type FigureNote,
  PLATFORM_LABELS,
  type Platform,
  type SignalTarget,
  type Verdict,
} from './types.js';
import { CATEGORY_WEIGHTS } from './weighing.js';
import { describeAnswer } from './words.js';

export interface TeamSplit {
  target: Category;
  /** How many people's own answers give the row to each platform, or call it even. */
  counts: Record<Platform | 'even', number>;
}

/** One person's own overall pick; "unsure" when their answers were mostly "Don't know" or unanswered. */
export interface PersonPick {
  userId: string;
  pick: Platform | 'unsure';
}

export interface TeamVerdict {
  respondents: number;
  recommendation: Platform;
  confidence: Confidence;
  /** Each person's own pick, in userId order. */
  picks: PersonPick[];
  /** People's own picks are evenly split between two or more platforms: the team verdict breaks no tie by order. */
  split: boolean;
  /** Facts the answers disagree on, most consequential first. */
  disputes: DisputedFact[];
  /** The team's range on each workload number, in question order; absent until someone gave the numbers. */
  ranges: NumberRange[];
  /**
   * The recommended platform's cheapest monthly totals with every workload number at the bottom and at the top of
   * its range; absent when everyone gave the same numbers.
   */
  rangeEnds?: { lowUsd: number; highUsd: number };
  /** One per category, in CATEGORIES order. */
  splits: TeamSplit[];
  /** Up to three categories where people disagree most, most divided first; empty when everyone agrees. */
  mostDivided: Category[];
  verdict: Verdict;
}

export const DEFAULT_COST_SETTINGS: CostSettings = {
  pricing: DEFAULT_PRICING,
  engineerYearlyUsd: DEFAULT_ENGINEER_YEARLY_USD,
};

const MOST_DIVIDED_LIMIT = 3;

/** One person's verdict. */
export function scoreAnswers(answers: Answers, settings: CostSettings = DEFAULT_COST_SETTINGS): Verdict {
  const panel = buildPanel([readBallot(answers)], settings);
  return verdictOf(panel, settings, figureNotes([{ userId: '', answers }], pricedIn(panel)).map(anonymous));
}

export function aggregateTeam(
  answerSets: readonly RespondentAnswers[],
  settings: CostSettings = DEFAULT_COST_SETTINGS,
): TeamVerdict {
  return teamVerdictOf(
    answerSets.map((set) => scorePerson(set, settings)),
    settings,
  );
}

/** The team verdict over people already scored (scorePerson) with the same settings. */
export function teamVerdictOf(
  evidences: readonly PersonEvidence[],
  settings: CostSettings = DEFAULT_COST_SETTINGS,
): TeamVerdict {
  // Settling the figures changes only answers that guessed a figure someone gave: those people are re-scored.
  const sorted = [...evidences].sort(byUserId);
  const people = settleFigures(sorted).map((settled, index) =>
    settled === sorted[index] ? settled : scorePerson(settled, settings),
  );
  const ballots = people.map((person) => person.ballot);
  const panel = buildPanel(ballots, settings);
  const verdict = verdictOf(
    panel,
    settings,
    figureNotes(people, pricedIn(panel)),
    people.map((person) => person.recommendation),
  );
  const splits = splitsOf(people);
  const picks = people.map(({ userId, unsure, recommendation }) => ({
    userId,
    pick: unsure ? ('unsure' as const) : recommendation,
  }));
  const ranges = rangesOf(panel, people);
  const ends = rangeEnds(panel, ranges, settings, verdict.recommendation);
  const disputes = ballots.length > 1 ? disputesOf(panel, people, ranges, verdict.recommendation) : [];
  const settled = unsettledConfidence(verdict, disputes);
  return {
    respondents: ballots.length,
    recommendation: verdict.recommendation,
    confidence: settled.confidence,
    picks,
    split: isSplit(picks),
    disputes,
    ranges,
    ...(ends && { rangeEnds: ends }),
    splits,
    mostDivided: mostDivided(splits, ballots.length),
    verdict: settled,
  };
}

/**
 * A team verdict that a fact still to settle would change is not firm, however firm the answers: high confidence
 * drops to medium, and the reason says which fact and how ("The answers were firm, and Amazon Kinesis leads
 * clearly, but settling average writes on 5 MB/s would make it Amazon MSK."). At medium or low the reason already
 * says why, and the fact's own line what settling it would do.
 */
function unsettledConfidence(verdict: Verdict, disputes: readonly DisputedFact[]): Verdict {
  const turning = disputes.find((dispute) => dispute.otherwise !== undefined);
  if (!turning?.otherwise || verdict.confidence !== 'high') return verdict;
  const how = turning.otherwiseAt ? `on ${turning.otherwiseAt}` : 'the other way';
  return {
    ...verdict,
    confidence: 'medium',
    confidenceReason: `${verdict.confidenceReason.replace(/\.$/, '')}, but settling ${turning.short} ${how} would make it ${PLATFORM_LABELS[turning.otherwise]}.`,
  };
}

function verdictOf(panel: Panel, settings: CostSettings, figures: FigureNote[], peers?: Platform[]): Verdict {
  const evidence = panelEvidence(panel);
  // One person agreeing with themselves says nothing about the team, nor does one person holding a factor.
  if (peers && peers.length > 1) evidence.peerRecommendations = peers;
  if (panel.ballots.length > 1) {
    evidence.team = true;
    evidence.factorHolders = { people: panel.ballots.length, holding: panel.factorHolders };
    evidence.excluded = attributed(panel, evidence.excluded);
  }
  const guessed = guessedFigures(figures);
  if (guessed.length > 0) evidence.guessedFigures = guessed;
  const judgement = decide(
    evidence,
    (questionId, row) =>
      row && !typicalLeans(panel, questionId, row)
        ? describeEveryAnswer(panel, questionId)
        : describeTypical(panel, questionId),
    (questionId) => describeEveryAnswer(panel, questionId),
  );
  if (panel.ballots.length > 1) {
    judgement.rows = judgement.rows.map((row) => ownedBySome(panel, row));
    judgement.decidingFactors = judgement.decidingFactors.map((row) => ownedBySome(panel, row));
  }
  const cost =
    panel.workload &&
    withPeopleBasis(
      estimateCosts({
        workload: panel.workload,
        answers: panel.consensus,
        settings,
        excluded: judgement.excluded,
      }),
      panel,
    );
  return {
    ...judgement,
    ...(cost && { cost }),
    ...(figures.length > 0 && { figures }),
    flip: whatWouldFlip(panel, judgement.recommendation),
  };
}

/**
 * A hard limit raised by anyone holds for the team until it is settled, but is not the team's to state as fact:
 * where not everyone's answers raise it, its reason says how many do ("for 1 of 4 people, you do not run on AWS…").
 */
function attributed(panel: Panel, excluded: readonly Exclusion[]): Exclusion[] {
  const people = panel.ballots.length;
  return excluded.map((exclusion) => {
    const raising = panel.ballots.filter((ballot) =>
      // Raised by the same question: another person's other reason to rule it out is theirs to tell.
      ballot.parts.some((part) =>
        part?.excludes.some(
          (own) => own.platform === exclusion.platform && own.questionId === exclusion.questionId,
        ),
      ),
    ).length;
    return raising < people
      ? { ...exclusion, reason: `for ${raising} of ${people} people, ${exclusion.reason}` }
      : exclusion;
  });
}

/**
 * A row's reason that only half of the people or fewer gave is theirs, not the team's: "for 1 of 3 people, some
 * customers ask to choose where data lives", as a hard limit says it. Reasons from the priors, the cost estimate or
 * a held deciding factor (which counts its holders itself) are no one answer's and stay as they are.
 */
function ownedBySome(panel: Panel, row: CategoryResult): CategoryResult {
  if (row.advantage === 'even' || row.strength === 'only') return row;
  const people = panel.ballots.length;
  for (const given of panel.given) {
    let giving = 0;
    for (const [part, { times }] of given) {
      const gives = part.contributions.some(
        ({ signal }) =>
          signal.reason === row.reason && signal.target === row.target && signal.toward === row.advantage,
      );
      if (gives) giving += times;
    }
    if (giving === 0) continue;
    return giving * 2 <= people
      ? { ...row, reason: `for ${giving} of ${people} people, ${row.reason}` }
      : row;
  }
  return row;
}

/** The figure the panel's estimate uses for a workload question. */
function pricedIn(panel: Panel): (questionId: string) => number | undefined {
  return (questionId) => {
    const value = panel.consensus[questionId];
    return typeof value === 'number' ? value : undefined;
  };
}

/** One person's own verdict names nobody. */
function anonymous(note: FigureNote): FigureNote {
  return { ...note, userIds: [] };
}

/**
 * A team's people figures read its most common answer to each question they depend on, not anyone's own: the
 * assumptions say which, so a person whose own verdict priced their people at $4,200 a month sees why the team's
 * says $5,300 at the same workload. One person's own answers, or a team's that all agree, need no such line.
 */
function withPeopleBasis(estimate: CostEstimate, panel: Panel): CostEstimate {
  if (panel.ballots.length < 2) return estimate;
  let split = false;
  const answers = ALL_QUESTIONS.flatMap((question, index) => {
    const typical = panel.consensus[question.id];
    if (!PEOPLE_QUESTIONS.has(question.id) || typical === undefined) return [];
    const answering = panel.answering[index] ?? 0;
    const agreeing = panel.agreeing[index] ?? 0;
    const words = describeAnswer(question.id, typical);
    split ||= agreeing !== answering;
    return [agreeing === answering ? words : `${words} (${agreeing} of ${answering})`];
  });
  // A team that gave the same answers is priced as each of them would be.
  if (!split) return estimate;
  return {
    ...estimate,
    assumptions: [
      ...estimate.assumptions,
      `Engineers’ time is sized from the team’s most common answers, not each person’s: ${answers.join('; ')}`,
    ],
  };
}

/**
 * Whether the team's typical answer to a question is among those that lean the row its way. Where only others do
 * (a row led for MSK by the two people whose services use Kafka clients, while most answered "none"), the row names
 * every answer given, not the typical one that did not move it.
 */
function typicalLeans(
  panel: Panel,
  questionId: string,
  row: { target: SignalTarget; advantage: Platform | 'even' },
): boolean {
  const index = ALL_QUESTIONS.findIndex((question) => question.id === questionId);
  const typical = panel.consensus[questionId];
  const given = panel.given[index];
  if (index === -1 || typical === undefined || !given || row.advantage === 'even') return true;
  if (panel.agreeing[index] === panel.answering[index]) return true;
  if (ALL_QUESTIONS[index]?.kind === 'number') return true;
  for (const [part, { value }] of given) {
    if (keyOf(value) !== keyOf(typical)) continue;
    const out = new Set(panel.base.excluded.map((exclusion) => exclusion.platform));
    return part.contributions.some(
      ({ signal }) =>
        signal.target === row.target &&
        signal.toward === row.advantage &&
        signal.points > 0 &&
        !(signal.versus && out.has(signal.versus)),
    );
  }
  return true;
}

/** "on-call today = none", and for a split team how many gave the typical answer: "… = none (4 of 6)". */
function describeTypical(panel: Panel, questionId: string): string {
  const index = ALL_QUESTIONS.findIndex((question) => question.id === questionId);
  const typical = panel.consensus[questionId];
  const words = describeAnswer(questionId, typical);
  if (questionId === COST_ESTIMATE_DRIVER || index === -1 || typical === undefined) return words;
  const answering = panel.answering[index] ?? 0;
  const agreeing = panel.agreeing[index] ?? 0;
  if (agreeing === answering) return words;
  const question = ALL_QUESTIONS[index];
  if (question && question.kind !== 'number' && tiedWithAnother(panel, questionId, agreeing)) {
    // No answer is the most common: name the split instead of picking one by option order.
    return `${question.short}: split between ${splitAnswers(panel, questionId)}`;
  }
  return ALL_QUESTIONS[index]?.kind === 'number'
    ? `${words} (${middleOf(answering)})`
    : `${words} (${agreeing} of ${answering})`;
}

/** Which of n numbers the team's figure is: the median of an odd count, of an even one the upper (panel.ts). */
function middleOf(answering: number): string {
  if (answering % 2 === 1) return `median of ${answering}`;
  return answering === 2 ? 'the larger of 2' : `upper median of ${answering}`;
}

/**
 * A question behind a hard limit, with every answer given where the team differs: the limit may come from the
 * fewest ("where you run: split between “mostly AWS” (2), “not on AWS” (1), “all on AWS” (1)").
 */
function describeEveryAnswer(panel: Panel, questionId: string): string {
  const index = ALL_QUESTIONS.findIndex((question) => question.id === questionId);
  const question = ALL_QUESTIONS[index];
  if (!question || panel.agreeing[index] === panel.answering[index])
    return describeTypical(panel, questionId);
  if (question.kind === 'number') {
    const given = panel.numbers.get(questionId) ?? [];
    const [low, high] = [given[0], given[given.length - 1]];
    if (low === undefined || high === undefined) return describeTypical(panel, questionId);
    return `${question.short}: ${formatNumber(low)}–${formatNumber(high)} ${question.unit}`;
  }
  return `${question.short}: split between ${splitAnswers(panel, questionId)}`;
}

/** The two largest camps of people's own picks are the same size. */
function isSplit(picks: readonly PersonPick[]): boolean {
  const counts = new Map<string, number>();
  for (const { pick } of picks) if (pick !== 'unsure') counts.set(pick, (counts.get(pick) ?? 0) + 1);
  const [first, second] = [...counts.values()].sort((a, b) => b - a);
  return first !== undefined && second !== undefined && first === second;
}

function splitsOf(people: readonly PersonEvidence[]): TeamSplit[] {
  return CATEGORIES.map((target) => {
    const counts: Record<Platform | 'even', number> = { kafka: 0, kinesis: 0, msk: 0, even: 0 };
    for (const person of people) counts[person.rows[target].side]++;
    return { target, counts };
  });
}

/**
 * Categories ranked by how many people sit outside the largest camp, each counted by how much its row weighs in
 * the verdict: a split on raw speed, usually pass/fail, is argued after one on who runs it. Ties keep the
 * CATEGORIES order.
 */
function mostDivided(splits: TeamSplit[], respondents: number): Category[] {
  return splits
    .map(({ target, counts }) => ({
      target,
      dissent: (respondents - Math.max(...Object.values(counts))) * CATEGORY_WEIGHTS[target],
    }))
    .filter(({ dissent }) => dissent > 0)
    .sort((a, b) => b.dissent - a.dissent)
    .slice(0, MOST_DIVIDED_LIMIT)
    .map(({ target }) => target);
}

/** The same person twice (which the store should prevent) is still ordered by content, never by arrival. */
function byUserId(a: PersonEvidence, b: PersonEvidence): number {
  if (a.userId !== b.userId) return a.userId < b.userId ? -1 : 1;
  const left = canonical(a.answers);
  const right = canonical(b.answers);
  return left < right ? -1 : left > right ? 1 : 0;
}

function canonical(answers: Answers): string {
  return JSON.stringify(
    Object.keys(answers)
      .sort()
      .map((key) => {
        const value = answers[key];
        return [key, value === undefined ? null : keyOf(value)];
      }),
  );
}
