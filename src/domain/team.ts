/**
 * The team's view: everyone's answers scored the same way, merged into one verdict, plus where people split.
 *
 * Rules, chosen so that the order answers arrive in never matters:
 * - answer sets are taken in userId order;
 * - the team's rows average everyone's points (each person's signals count 1/n on top of the shared priors);
 * - a platform is out, and a deciding factor overrides, only when more than half of the people's answers say so;
 * - "Don't know" answers are pooled over everyone; people whose own answers point elsewhere lower confidence.
 */
import { ALL_QUESTIONS } from './questions.js';
import {
  advantageOf,
  type Contribution,
  decide,
  type Evidence,
  type Exclusion,
  gatherEvidence,
  type Standing,
  weigh,
} from './scoring.js';
import {
  type Answers,
  CATEGORIES,
  type Category,
  type Confidence,
  DECIDING_FACTORS,
  PLATFORMS,
  type Platform,
  type Verdict,
} from './types.js';

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

const MOST_DIVIDED_LIMIT = 3;

export function aggregateTeam(answerSets: RespondentAnswers[]): TeamVerdict {
  // Each person gets the numbers only; the words are worked out once, for the team.
  const people = [...answerSets].sort(byUserId).map(({ answers }) => {
    const evidence = gatherEvidence(answers);
    return { evidence, standing: weigh(evidence) };
  });
  const count = people.length;
  const isMajority = (agreeing: number) => agreeing > count / 2;

  const excluded: Exclusion[] = PLATFORMS.flatMap((platform) => {
    const reasons = people.flatMap(({ evidence }) =>
      evidence.excluded
        .filter((exclusion) => exclusion.platform === platform)
        .map((exclusion) => exclusion.reason),
    );
    return isMajority(reasons.length) ? [{ platform, reason: mostCommon(reasons) }] : [];
  });

  const total = (pick: (evidence: Evidence) => number) =>
    people.reduce((sum, { evidence }) => sum + pick(evidence), 0);
  const verdict = decide({
    contributions: averageContributions(people.map(({ evidence }) => evidence)),
    excluded,
    strongFactors: DECIDING_FACTORS.filter((factor) =>
      isMajority(people.filter(({ standing }) => standing.strongFactors.includes(factor)).length),
    ),
    dontKnowCount: total((evidence) => evidence.dontKnowCount),
    choiceAnsweredCount: total((evidence) => evidence.choiceAnsweredCount),
    answeredCount: total((evidence) => evidence.answeredCount),
    // With nobody yet, judge it as one person who answered nothing.
    questionCount: total((evidence) => evidence.questionCount) || ALL_QUESTIONS.length,
    peerRecommendations: people.map(({ standing }) => standing.recommendation),
  });

  const splits = splitsOf(people.map(({ standing }) => standing));
  return {
    respondents: count,
    recommendation: verdict.recommendation,
    confidence: verdict.confidence,
    splits,
    mostDivided: mostDivided(splits, count),
    verdict,
  };
}

/**
 * Everyone's signals, each counting 1/n. Contributions from the question data are shared objects, so identical
 * answers merge into one and the team verdict stays small, whatever the team's size.
 */
function averageContributions(everyone: Evidence[]): Contribution[] {
  const totals = new Map<Contribution, number>();
  for (const evidence of everyone) {
    for (const contribution of evidence.contributions) {
      totals.set(contribution, (totals.get(contribution) ?? 0) + contribution.signal.points);
    }
  }
  return Array.from(totals, ([{ questionId, signal }, points]) => ({
    questionId,
    signal: { ...signal, points: points / everyone.length },
  }));
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

function mostCommon(reasons: string[]): string {
  const tally = new Map<string, number>();
  for (const reason of reasons) tally.set(reason, (tally.get(reason) ?? 0) + 1);
  let best = '';
  let bestCount = 0;
  for (const [reason, times] of tally) {
    if (times > bestCount) {
      best = reason;
      bestCount = times;
    }
  }
  return best;
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
        return [key, Array.isArray(value) ? [...value].sort() : value];
      }),
  );
}
