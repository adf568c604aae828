/**
 * Verdicts: one person's, or the team's over everyone's answers, with the cost estimate and what would flip it.
 *
 * Everyone's answers are read once and merged per question into a panel (see panel.ts for the rules that keep
 * the order answers arrive in from mattering); one person's verdict is a panel of one. Each person is also
 * weighed alone, to show how the team splits and to lower confidence where people's own answers point elsewhere.
 */
import {
  COST_OPTION_PLATFORMS,
  type CostEstimate,
  type CostSettings,
  DEFAULT_ENGINEER_YEARLY_USD,
  estimateCosts,
} from './cost.js';
import { whatWouldFlip } from './flip.js';
import { buildPanel, keyOf, type Panel, panelEvidence } from './panel.js';
import { DEFAULT_PRICING } from './pricing.js';
import { ALL_QUESTIONS } from './questions.js';
import { advantageOf, decide, evidenceOf, readBallot, type Standing, weigh } from './scoring.js';
import {
  type Answers,
  CATEGORIES,
  type Category,
  COST_ESTIMATE_DRIVER,
  type Confidence,
  type Platform,
  type Verdict,
} from './types.js';
import { describeAnswer } from './words.js';

export interface RespondentAnswers {
  userId: string;
  answers: Answers;
}

export interface TeamSplit {
  target: Category;
  /** How many people's own answers give the row to each platform, or call it even. */
  counts: Record<Platform | 'even', number>;
}

export interface TeamVerdict {
  respondents: number;
  recommendation: Platform;
  confidence: Confidence;
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
  return verdictOf(buildPanel([readBallot(answers)], settings), settings);
}

export function aggregateTeam(
  answerSets: RespondentAnswers[],
  settings: CostSettings = DEFAULT_COST_SETTINGS,
): TeamVerdict {
  const ballots = [...answerSets].sort(byUserId).map(({ answers }) => readBallot(answers));
  // Each person gets the numbers only; the words are worked out once, for the team.
  const standings = ballots.map((ballot) => weigh(evidenceOf(ballot, settings)));
  const verdict = verdictOf(
    buildPanel(ballots, settings),
    settings,
    standings.map((standing) => standing.recommendation),
  );
  const splits = splitsOf(standings);
  return {
    respondents: ballots.length,
    recommendation: verdict.recommendation,
    confidence: verdict.confidence,
    splits,
    mostDivided: mostDivided(splits, ballots.length),
    verdict,
  };
}

function verdictOf(panel: Panel, settings: CostSettings, peers?: Platform[]): Verdict {
  const evidence = panelEvidence(panel);
  // One person agreeing with themselves says nothing about the team.
  if (peers && peers.length > 1) evidence.peerRecommendations = peers;
  const judgement = decide(evidence, (questionId) => describeTypical(panel, questionId));
  const cost =
    panel.workload &&
    withExclusions(
      estimateCosts({ workload: panel.workload, answers: panel.consensus, settings }),
      judgement,
    );
  return {
    ...judgement,
    ...(cost && { cost }),
    flip: whatWouldFlip(panel, judgement.recommendation),
  };
}

/** Options on a platform that the hard limits took off the table are priced no further. */
function withExclusions(estimate: CostEstimate, judgement: Pick<Verdict, 'excluded'>): CostEstimate {
  return {
    ...estimate,
    options: estimate.options.map((option) => {
      const out = judgement.excluded.find(
        ({ platform }) => platform === COST_OPTION_PLATFORMS[option.option],
      );
      return out
        ? { option: option.option, platform: option.platform, available: false, reason: out.reason }
        : option;
    }),
  };
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
  return ALL_QUESTIONS[index]?.kind === 'number'
    ? `${words} (median of ${answering})`
    : `${words} (${agreeing} of ${answering})`;
}

function splitsOf(standings: Standing[]): TeamSplit[] {
  return CATEGORIES.map((target) => {
    const counts: Record<Platform | 'even', number> = { kafka: 0, kinesis: 0, msk: 0, even: 0 };
    for (const standing of standings) counts[advantageOf(standing.rows[target])]++;
    return { target, counts };
  });
}

/** Categories ranked by how many people sit outside the largest camp; ties keep the CATEGORIES order. */
function mostDivided(splits: TeamSplit[], respondents: number): Category[] {
  return splits
    .map(({ target, counts }) => ({ target, dissent: respondents - Math.max(...Object.values(counts)) }))
    .filter(({ dissent }) => dissent > 0)
    .sort((a, b) => b.dissent - a.dissent)
    .slice(0, MOST_DIVIDED_LIMIT)
    .map(({ target }) => target);
}

/** The same person twice (which the store should prevent) is still ordered by content, never by arrival. */
function byUserId(a: RespondentAnswers, b: RespondentAnswers): number {
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
