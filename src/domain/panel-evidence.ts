/**
 * What a panel says had everyone answered some questions another way: the evidence the flip search and the
 * disputed facts weigh. A single move, the common case, is worked out from tallies kept per panel and moved
 * question, so it costs as much for three hundred people as for the few different answers they gave.
 */
import type { Contribution, Exclusion } from './answer-parts.js';
import { PEOPLE_QUESTIONS, platformCosts, readWorkload } from './cost.js';
import type { Evidence } from './evidence.js';
import {
  adjust,
  excludedBy,
  type Group,
  heldByMost,
  keyOf,
  leansFactor,
  type Move,
  opsStrengthOf,
  type Panel,
  strongFactorsOf,
} from './panel.js';
import { ALL_QUESTIONS } from './questions.js';
import { type Answers, DECIDING_FACTORS, type DecidingFactor, PLATFORMS, type Platform } from './types.js';
import { holdsFactor, type Standing, weigh } from './weighing.js';

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
      ? moves.length === 1 && moves[0]
        ? excludedWith(panel, moves[0])
        : excludedBy(count, panel.exclusionGroups, moves)
      : panel.base.excluded;
  const strongFactors =
    touches(panel.leaningFactors) || moves.some((move) => move.part.contributions.some(leansFactor))
      ? moves.length === 1 && moves[0]
        ? strongFactorsWith(panel, moves[0])
        : strongFactorsOf(count, panel.factorGroups, moves)
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

const SINGLE_MOVES = new WeakMap<Panel, Map<string, Standing>>();

/**
 * The standing were everyone to answer one question this way, worked out once per panel: the flip search and the
 * disputed facts ask about many of the same answers.
 */
export function standingWith(panel: Panel, move: Move): Standing {
  const known = SINGLE_MOVES.get(panel) ?? new Map<string, Standing>();
  SINGLE_MOVES.set(panel, known);
  const key = `${move.questionIndex}\t${keyOf(move.value)}`;
  const standing = known.get(key) ?? weigh(panelEvidence(panel, [move]));
  known.set(key, standing);
  return standing;
}

interface Tallied {
  exclusion: Exclusion;
  times: number;
  /** The first group (in people's order) to give it. */
  first: number;
}

/** Per question and platform: the reasons people give when that question's answer is set aside, and who has none. */
type ReasonsWithout = Record<Platform, { reasons: Tallied[]; without: { people: number; first: number } }>;

const REASONS_WITHOUT = new WeakMap<Panel, Map<number, ReasonsWithout>>();

/**
 * excludedBy for one move, from a tally kept per moved question: what a move costs then depends on how many
 * different reasons people give, not on how many people give them.
 */
function excludedWith(panel: Panel, move: Move): Exclusion[] {
  const perQuestion = REASONS_WITHOUT.get(panel) ?? new Map<number, ReasonsWithout>();
  REASONS_WITHOUT.set(panel, perQuestion);
  let tally = perQuestion.get(move.questionIndex);
  if (!tally) {
    tally = reasonsWithout(panel.exclusionGroups, ALL_QUESTIONS[move.questionIndex]?.id);
    perQuestion.set(move.questionIndex, tally);
  }
  const known = tally;
  return PLATFORMS.flatMap((platform) => {
    const { reasons, without } = known[platform];
    const moved = move.part.excludes.find((exclusion) => exclusion.platform === platform);
    let best: Tallied | undefined;
    let movedJoined = false;
    for (const entry of reasons) {
      const joins = moved !== undefined && without.people > 0 && entry.exclusion.reason === moved.reason;
      movedJoined ||= joins;
      const merged: Tallied = joins
        ? {
            exclusion: without.first < entry.first ? moved : entry.exclusion,
            times: entry.times + without.people,
            first: Math.min(entry.first, without.first),
          }
        : entry;
      if (!best || merged.times > best.times || (merged.times === best.times && merged.first < best.first))
        best = merged;
    }
    if (moved && without.people > 0 && !movedJoined) {
      const entry = { exclusion: moved, times: without.people, first: without.first };
      if (!best || entry.times > best.times || (entry.times === best.times && entry.first < best.first))
        best = entry;
    }
    return best && panel.ballots.length > 0 ? [best.exclusion] : [];
  });
}

function reasonsWithout(
  groups: readonly Group<Exclusion[]>[],
  questionId: string | undefined,
): ReasonsWithout {
  const tallyFor = (platform: Platform) => {
    const reasons = new Map<string, Tallied>();
    const without = { people: 0, first: Number.POSITIVE_INFINITY };
    groups.forEach(({ of: own, people }, index) => {
      const reason = own.find(
        (exclusion) => exclusion.platform === platform && exclusion.questionId !== questionId,
      );
      if (!reason) {
        without.people += people;
        without.first = Math.min(without.first, index);
        return;
      }
      const known = reasons.get(reason.reason);
      if (known) known.times += people;
      else reasons.set(reason.reason, { exclusion: reason, times: people, first: index });
    });
    return { reasons: [...reasons.values()], without };
  };
  return { kafka: tallyFor('kafka'), kinesis: tallyFor('kinesis'), msk: tallyFor('msk') };
}

const ROWS_WITHOUT = new WeakMap<
  Panel,
  Map<number, Record<DecidingFactor, Group<Record<Platform, number>>[]>>
>();

/**
 * strongFactorsOf for one move, from each deciding-factor row with the moved question's answer taken out,
 * grouped: people whose rows then match decide alike.
 */
function strongFactorsWith(panel: Panel, move: Move): DecidingFactor[] {
  const perQuestion =
    ROWS_WITHOUT.get(panel) ?? new Map<number, Record<DecidingFactor, Group<Record<Platform, number>>[]>>();
  ROWS_WITHOUT.set(panel, perQuestion);
  // A question nobody's answer leans a factor with takes nothing out: those moves share one set of rows.
  const taken = panel.leaningFactors.has(move.questionIndex) ? move.questionIndex : -1;
  let rows = perQuestion.get(taken);
  if (!rows) {
    const without = (factor: DecidingFactor) => {
      const distinct = new Map<string, Group<Record<Platform, number>>>();
      for (const { of: member, people } of panel.factorGroups) {
        // The same steps as strongFactorsOf takes, so the rounding is the same.
        const row = { ...member.points[factor] };
        adjust(row, member.parts[taken]?.contributions, factor, -1);
        const key = `${row.kafka} ${row.kinesis} ${row.msk}`;
        const known = distinct.get(key);
        if (known) known.people += people;
        else distinct.set(key, { of: row, people });
      }
      return [...distinct.values()];
    };
    rows = {
      streaming_product: without('streaming_product'),
      versatile_deployment: without('versatile_deployment'),
    };
    perQuestion.set(taken, rows);
  }
  const holders = { streaming_product: 0, versatile_deployment: 0 };
  for (const factor of DECIDING_FACTORS) {
    for (const { of: rest, people } of rows[factor]) {
      const row = { ...rest };
      adjust(row, move.part.contributions, factor, 1);
      if (holdsFactor(row)) holders[factor] += people;
    }
  }
  return heldByMost(panel.ballots.length, holders);
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
