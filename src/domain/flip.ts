/**
 * What would flip it: the smallest change of answers that changes the recommendation, which is the thing most
 * worth arguing about.
 *
 * The search, bounded so it fits in the Slack request path whatever the team's size:
 * - one answer at a time first: every other choice of every question (a multi choice gains or loses one pick), and
 *   for each number the nearest value, up or down within its range, that flips it (a bisection of at most
 *   NUMBER_STEPS steps, on a log scale while far apart, then rounded to two significant figures);
 * - only when no single change flips it, pairs of changes to two questions, drawn from the PAIR_POOL single
 *   changes that came closest to flipping it;
 * - a change that flips it only by ruling the recommendation out restates a hard limit, and does not count;
 * - "smallest" means fewest answers changed, then the shortest way along each question's options (a split team
 *   agreeing with what most of it said first, then with what some of it said, then an adjacent answer nobody gave
 *   before a distant one; a number moved by less before one moved by more), then question order.
 *
 * - only what a team could change or find out is tried (EFFORT): the workload numbers (zones only upward), the
 *   timeline, who owns upgrades, on-call, hiring, where it runs. Facts of identity (company size, stage, whether
 *   streaming is what you sell, the Kafka code already written) are tried only where the answer was "Don't know";
 *   among flips of as many changes, the least effort wins.
 *
 * For a team the same search runs on the panel: a change means everyone giving that answer, which, where the team
 * is split, reads "if the team agreed on …". It costs one merged rescore per change, never one per person.
 * At most about 300 single changes and 45 pairs are tried, and fewer once one flips: questions are tried least
 * effort first, and a change that could no longer beat the best flip found (more effort, or as much and no
 * smaller a move) is not tried at all. That bound never changes the answer; test/domain/flip-bound.test.ts holds
 * it to the exhaustive search.
 */
import { readAnswer } from './answer-parts.js';
import { formatNumber, roundToSignificant } from './format.js';
import { keyOf, type Move, type Panel } from './panel.js';
import { answersWith, panelEvidence, standingWith } from './panel-evidence.js';
import { ALL_QUESTIONS } from './questions.js';
import {
  type AnswerChange,
  type AnswerValue,
  type ChoiceOption,
  DECIDING_FACTORS,
  type Flip,
  PLATFORM_LABELS,
  type Platform,
  type Question,
} from './types.js';
import { kafkaLead, OVERRIDE_MARGIN, type Standing, weigh } from './weighing.js';
import { quotedAnswer } from './words.js';

/** Bisection steps per number and direction: enough to place a threshold within 1% across a number's whole range. */
const NUMBER_STEPS = 16;
/** The size of a split team agreeing on the answer most of it gave: less than moving to a neighbouring answer. */
const AGREE_WITH_MOST = 0.5;
/**
 * Agreeing on an answer some of a split team gave: more than agreeing with most, less than any answer nobody gave
 * ("if the team agreed on “mostly AWS”" where people said only "not on AWS" and "all on AWS" gave them a third
 * position to argue for).
 */
const AGREE_WITH_SOME = 0.75;
/** A number's move this large (a size of 2 is tenfold) reads as no small change. */
const FAR_MOVE = 2;
/** The closest single changes that are paired up when none flips the verdict alone. */
const PAIR_POOL = 10;

/**
 * What a team could change or find out, and the effort it takes: 1 to measure, look up or decide; 2 to change
 * how the team works; 3 to hire or move systems. Every other question is a fact of identity, tried only where
 * it was answered "Don't know" (at effort 1: finding out).
 */
const EFFORT: Record<string, number> = {
  avg_write_mbps: 1,
  peak_write_mbps: 1,
  avg_record_kb: 1,
  consumer_groups: 1,
  retention_days: 1,
  availability_zones: 1,
  time_to_production: 1,
  upgrade_appetite: 1,
  kafka_api_need: 1,
  oncall_rotation: 2,
  monitoring_maturity: 2,
  where_you_run: 3,
  platform_team: 3,
  dedicated_engineers: 3,
  kafka_ops_experience: 3,
};

/**
 * Questions a flip moves one way only, toward later options: fewer zones than the team runs in would buy a
 * verdict with the resilience the team asked for (a team losing revenue per hour down told to run in one zone).
 */
const ONLY_UPWARD: ReadonlySet<string> = new Set(['availability_zones']);

/** The effort of changing a question's answer, or undefined when it is a fact of identity the team gave. */
export function effortOf(question: Question, typical: AnswerValue | undefined): number | undefined {
  return EFFORT[question.id] ?? (typical === 'dont_know' ? 1 : undefined);
}

interface Candidate {
  move: Move;
  question: Question;
  /** How far the answer moves: 1 for a neighbouring option. */
  size: number;
  /** What making the change takes (EFFORT). */
  effort: number;
  /** Where it comes in the questionnaire (question, then the order its changes are listed), for deterministic ties. */
  order: number;
}

/** Room for every change of one question in the order of candidates. */
const CHANGES_PER_QUESTION = 1000;

/** `exhaustive` tries every change even once one flips: the search the bound must agree with, for tests. */
export function whatWouldFlip(panel: Panel, current: Platform, { exhaustive = false } = {}): Flip | null {
  if (panel.ballots.length === 0) return null;
  const evaluate = (moves: Move[]): Standing =>
    moves.length === 1 && moves[0] ? standingWith(panel, moves[0]) : weigh(panelEvidence(panel, moves));
  // A change that rules the recommendation out only restates a hard limit: not worth arguing about.
  const restatesLimit = (standing: Standing) => !standing.candidates.includes(current);
  const flips = (standing: Standing) => standing.recommendation !== current;

  const tried: { candidate: Candidate; standing: Standing }[] = [];
  const found: { candidate: Candidate; standing: Standing }[] = [];
  let best: Candidate | undefined;
  let order = 0;
  const moveTo = (question: Question, value: AnswerValue): Move | undefined => {
    const part = readAnswer(question, value);
    return part && { questionIndex: ALL_QUESTIONS.indexOf(question), value, part };
  };
  const probe: Probe = (question, value) => {
    const move = moveTo(question, value);
    if (!move) return false;
    const standing = evaluate([move]);
    return flips(standing) && !restatesLimit(standing);
  };
  const consider: Consider = (question, value, size) => {
    const move = moveTo(question, value);
    if (!move) return;
    const standing = evaluate([move]);
    if (restatesLimit(standing)) return;
    const effort = effortOf(question, panel.consensus[question.id]) ?? 1;
    const candidate = { move, question, size, effort, order: order++ };
    if (!flips(standing)) {
      tried.push({ candidate, standing });
      return;
    }
    found.push({ candidate, standing });
    if (!best || compareSets([candidate], [best]) < 0) best = candidate;
  };

  // As much effort and no smaller a move, found later (questions come least effort first): it would lose the tie.
  const beaten: Beaten = (size) => !exhaustive && best !== undefined && size >= best.size;

  // Least effort first; a change of more effort than the best flip found cannot beat it.
  const questions = ALL_QUESTIONS.flatMap((question, index) => {
    const effort = effortOf(question, panel.consensus[question.id]);
    return effort === undefined ? [] : [{ question, index, effort }];
  }).sort((a, b) => a.effort - b.effort || a.index - b.index);
  for (const { question, index, effort } of questions) {
    if (!exhaustive && best && effort > best.effort) break;
    order = index * CHANGES_PER_QUESTION;
    const typical = panel.consensus[question.id];
    const unanimous = panel.agreeing[index] === panel.ballots.length;
    if (question.kind === 'number') {
      if (typeof typical === 'number') searchNumber(panel, question, typical, { probe, consider, beaten });
      continue;
    }
    const given = unanimous
      ? undefined
      : new Set([...(panel.given[index]?.values() ?? [])].map(({ value }) => keyOf(value)));
    for (const { value, size: away } of choiceChanges(question, typical)) {
      const asMostSay = typical !== undefined && keyOf(value) === keyOf(typical);
      if (unanimous && asMostSay) continue;
      // Where the team is split, everyone agreeing with what most say is the smallest move of all, then with what
      // some say.
      let size = away;
      if (asMostSay) size = AGREE_WITH_MOST;
      else if (given?.has(keyOf(value))) size = Math.min(away, AGREE_WITH_SOME);
      if (beaten(size)) {
        order++;
        continue;
      }
      consider(question, value, size);
    }
  }

  if (best) return flipOf(panel, [best], found.find(({ candidate }) => candidate === best)?.standing);

  const pool = [...tried]
    .sort(
      (a, b) =>
        distanceToFlip(a.standing, current) - distanceToFlip(b.standing, current) ||
        a.candidate.size - b.candidate.size ||
        a.candidate.order - b.candidate.order,
    )
    .slice(0, PAIR_POOL)
    .map(({ candidate }) => candidate)
    .sort((a, b) => a.order - b.order);
  const pairs: { pair: Candidate[]; standing: Standing }[] = [];
  pool.forEach((first, i) => {
    for (const second of pool.slice(i + 1)) {
      if (first.question === second.question) continue;
      const moves = [first.move, second.move];
      const answers = answersWith(panel, moves);
      if (Number(answers.peak_write_mbps) < Number(answers.avg_write_mbps)) continue;
      const standing = evaluate(moves);
      if (flips(standing) && !restatesLimit(standing)) pairs.push({ pair: [first, second], standing });
    }
  });
  const bestPair = smallest(pairs.map(({ pair }) => pair));
  return bestPair ? flipOf(panel, bestPair, pairs.find(({ pair }) => pair === bestPair)?.standing) : null;
}

/** The other answers a choice question could take, each with how far it is from the typical one. */
function choiceChanges(
  question: Question & { options: ChoiceOption[] },
  typical: AnswerValue | undefined,
): { value: AnswerValue; size: number }[] {
  const firm = question.options.filter((option) => !option.dontKnow);
  if (question.kind === 'single') {
    const at = firm.findIndex((option) => option.id === typical);
    return firm.flatMap((option, index) =>
      ONLY_UPWARD.has(question.id) && at !== -1 && index < at
        ? []
        : [{ value: option.id, size: at === -1 || option.id === typical ? 1 : Math.abs(index - at) }],
    );
  }
  const picks = firm.filter((option) => !option.exclusive);
  const current = new Set(Array.isArray(typical) ? typical : []);
  const sets = new Map<string, string[]>();
  for (const option of picks) {
    const next = picks
      .filter((pick) => (pick === option ? !current.has(pick.id) : current.has(pick.id)))
      .map((pick) => pick.id);
    if (next.length > 0) sets.set(keyOf(next), next);
  }
  for (const loner of firm.filter((option) => option.exclusive)) sets.set(loner.id, [loner.id]);
  return [...sets.values()].map((value) => ({ value, size: 1 }));
}

type Probe = (question: Question, value: AnswerValue) => boolean;
type Consider = (question: Question, value: AnswerValue, size: number) => void;
/** Whether a change of this size, of the effort now tried, can no longer beat the best flip found. */
type Beaten = (size: number) => boolean;

/**
 * For one number, the nearest value each way that flips the verdict, if the far end of its range does; otherwise a
 * tenfold move, kept for the pair search. Probes along the way are not kept as candidates.
 */
function searchNumber(
  panel: Panel,
  question: Question & { kind: 'number' },
  typical: number,
  { probe, consider, beaten }: { probe: Probe; consider: Consider; beaten: Beaten },
): void {
  // The average never goes above the peak, nor the peak below the average.
  const peak = Number(panel.consensus.peak_write_mbps);
  const average = Number(panel.consensus.avg_write_mbps);
  const low =
    question.id === 'peak_write_mbps' && average > 0 ? Math.max(question.min, average) : question.min;
  const high = question.id === 'avg_write_mbps' && peak > 0 ? Math.min(question.max, peak) : question.max;
  const clamp = (value: number) => {
    const within = Math.min(high, Math.max(low, value));
    return question.integer ? Math.round(within) : within;
  };
  const sizeOf = (value: number) => 2 * Math.abs(Math.log10(value / typical));

  for (const end of [high, low]) {
    if (end === typical) continue;
    const up = end > typical;
    if (!probe(question, end)) {
      const tenfold = clamp(up ? typical * 10 : typical / 10);
      if (tenfold !== typical && !beaten(sizeOf(tenfold))) consider(question, tenfold, sizeOf(tenfold));
      continue;
    }
    // Bisect between the typical value (no flip) and the end (flip). The flip lies beyond `calm`, so once that is
    // as far as the best flip found, this one cannot beat it.
    let calm = typical;
    let flipped = end;
    let lost = false;
    for (let step = 0; step < NUMBER_STEPS && !lost; step++) {
      // Halve the ratio while the two are far apart, the difference once they are close.
      const far = Math.max(calm, flipped) / Math.min(calm, flipped) > 2;
      const middle = clamp(far ? Math.sqrt(calm * flipped) : (calm + flipped) / 2);
      if (middle === calm || middle === flipped) break;
      if (probe(question, middle)) flipped = middle;
      else calm = middle;
      lost = beaten(sizeOf(calm));
      // The answer is the flip rounded away from the typical value, if that flips it. Once both ends round to the
      // same figure, so does every value between them, and if that figure flips it, bisecting on ends there too.
      const figure = clamp(roundAway(flipped, up, question.integer));
      if (
        figure === clamp(roundAway(calm, up, question.integer)) &&
        figure !== typical &&
        probe(question, figure)
      )
        break;
    }
    if (lost) continue;
    const rounded = clamp(roundAway(flipped, up, question.integer));
    const value = rounded !== typical && probe(question, rounded) ? rounded : flipped;
    consider(question, value, sizeOf(value));
  }
}

function roundAway(value: number, up: boolean, integer: boolean): number {
  if (integer) return up ? Math.ceil(value) : Math.floor(value);
  const rounded = roundToSignificant(value, 2);
  const step = 10 ** (Math.floor(Math.log10(value)) - 1);
  if (up && rounded < value) return rounded + step;
  if (!up && rounded > value) return rounded - step;
  return rounded;
}

/** Fewest changes, then the least effort, then the smallest moves, then the earliest in the questionnaire. */
function smallest(sets: Candidate[][]): Candidate[] | undefined {
  let best: Candidate[] | undefined;
  for (const set of sets) {
    if (!best || compareSets(set, best) < 0) best = set;
  }
  return best;
}

function compareSets(a: Candidate[], b: Candidate[]): number {
  const total = (set: Candidate[], of: (candidate: Candidate) => number) =>
    set.reduce((sum, candidate) => sum + of(candidate), 0);
  return (
    a.length - b.length ||
    total(a, (candidate) => candidate.effort) - total(b, (candidate) => candidate.effort) ||
    total(a, (candidate) => candidate.size) - total(b, (candidate) => candidate.size) ||
    orderOf(a) - orderOf(b)
  );
}

function orderOf(set: Candidate[]): number {
  return Math.min(...set.map((candidate) => candidate.order));
}

/**
 * How far a standing is from recommending something else, in points: the lead over the runner-up, or, while a
 * deciding factor overrides, how far that factor would have to fall.
 */
function distanceToFlip(standing: Standing, current: Platform): number {
  if (standing.recommendation !== current) return 0;
  if (standing.overridingFactor) {
    return standing.strongFactors.reduce((sum, factor) => {
      const row = standing.rows[factor].scores;
      return sum + Math.max(0.5, kafkaLead(row) - OVERRIDE_MARGIN + 0.5);
    }, 0);
  }
  const others = standing.candidates.filter((platform) => platform !== current);
  const lead = Math.min(
    ...others.map((platform) => standing.overall[current] - standing.overall[platform]),
    Number.POSITIVE_INFINITY,
  );
  if (current === 'kafka' || !standing.candidates.includes('kafka')) return lead;
  const overrideGap = Math.min(
    ...DECIDING_FACTORS.map((factor) => {
      const row = standing.rows[factor].scores;
      return OVERRIDE_MARGIN - kafkaLead(row);
    }),
  );
  return Math.min(lead, Math.max(0, overrideGap));
}

function flipOf(panel: Panel, set: Candidate[], standing: Standing | undefined): Flip | null {
  if (!standing) return null;
  const ordered = [...set].sort((a, b) => a.move.questionIndex - b.move.questionIndex);
  const changes: AnswerChange[] = ordered.map(({ question, move }) => {
    const from = panel.consensus[question.id];
    return { questionId: question.id, ...(from !== undefined && { from }), to: move.value };
  });
  const clauses = ordered.map(({ question, move }) => clause(panel, question, move.value));
  const joined = clauses.join(' and ');
  const platform = PLATFORM_LABELS[standing.recommendation];
  // A number that must move tenfold or more ("at least 127 reading services (now 2)") is no realistic change:
  // the reader should learn the verdict stands firm, then how far it would take ("Nothing small. Only if …").
  const far = ordered.some(({ question, size }) => question.kind === 'number' && size >= FAR_MOVE);
  return {
    changes,
    recommendation: standing.recommendation,
    sentence: far
      ? `Nothing small. Only if ${joined} would the verdict be ${platform}.`
      : `If ${joined}, the verdict would be ${platform}.`,
  };
}

/** One change in words; where the team is split it reads as the team agreeing. */
function clause(panel: Panel, question: Question, to: AnswerValue): string {
  const index = ALL_QUESTIONS.indexOf(question);
  const from = panel.consensus[question.id];
  const split = panel.agreeing[index] !== panel.ballots.length;
  if (question.kind === 'number' && typeof from === 'number' && typeof to === 'number') {
    // A threshold, as a team lead would say it: "if there were at least 127 reading services (now 2)".
    const figure = formatNumber(to);
    const bound = `${to > from ? 'at least' : 'at most'} ${figure}`;
    // The figure the team's estimate uses, not "the median": of two answers it is the larger.
    const now = split ? `priced now at ${formatNumber(from)}` : `now ${formatNumber(from)}`;
    const threshold = figure === '1' ? (question.thresholdOne ?? question.threshold) : question.threshold;
    return `${threshold.replace('{bound}', bound)} (${now})`;
  }
  // A choice reads as the question answered otherwise: "if “where you run” were answered “mostly AWS”".
  const answered = `“${question.short}” were answered ${quotedAnswer(question, to)}`;
  if (from === undefined) return answered;
  if (!split) return `${answered} instead of ${quotedAnswer(question, from)}`;
  // "Most" only for more than half; a largest group short of that is counted ("2 of 4").
  const agreeing = panel.agreeing[index] ?? 0;
  const people = panel.ballots.length;
  const majority = agreeing * 2 > people;
  const largest = majority ? 'most' : `${formatNumber(agreeing)} of ${formatNumber(people)}`;
  if (question.kind !== 'number' && keyOf(to) === keyOf(from)) {
    return `everyone answered “${question.short}” as ${largest} do (${quotedAnswer(question, to)})`;
  }
  const now =
    question.kind === 'number'
      ? `priced now at ${quotedAnswer(question, from)}`
      : `${largest} now say ${quotedAnswer(question, from)}`;
  return `the team agreed on ${question.short} = ${quotedAnswer(question, to)} (${now})`;
}
