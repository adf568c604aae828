/**
 * What the team should argue about: for each divided category, the camps people's own answers put them in and
 * the reason each camp gives most often, so the opposing reasons can be read side by side.
 *
 * Deterministic: no order of people changes it, and ties break by name, never by arrival.
 */

import type { RespondentAnswers } from './answer-set.js';
import type { CostSettings } from './cost.js';
import { keyOf } from './panel.js';
import { type PersonEvidence, scorePerson } from './person.js';
import { ALL_QUESTIONS } from './questions.js';
import { DEFAULT_COST_SETTINGS, type TeamVerdict } from './team.js';
import { type Category, COST_ESTIMATE_DRIVER, type Platform } from './types.js';

export interface Camp {
  /** Where these people's own answers put the row. */
  side: Platform | 'even';
  people: number;
  /**
   * The reason the camp's answers give most often, else the team row's when the row agrees with the camp; absent
   * when neither says anything. A reason resting on a fact the team answered differently is marked "(disputed)":
   * "nobody on the team has run Kafka in production" is then one person's answer, not the team's.
   */
  reason?: string;
  /**
   * The team's answers rule this platform out: the camp argues for it only once the fact that rules it out is
   * settled the other way (the facts to settle name it).
   */
  out?: true;
}

export interface CategoryArgument {
  target: Category;
  /** The two largest camps, largest first. */
  camps: Camp[];
}

/** What the argument needs of the team verdict: the divided rows, and the team's rows for a camp without reason. */
export type ArguedTeam = Pick<TeamVerdict, 'mostDivided'> & {
  verdict: Pick<TeamVerdict['verdict'], 'rows' | 'excluded'>;
};

const CAMPS_SHOWN = 2;

export function argumentsFor(
  answerSets: readonly RespondentAnswers[],
  team: ArguedTeam,
  settings: CostSettings = DEFAULT_COST_SETTINGS,
): CategoryArgument[] {
  if (team.mostDivided.length === 0) return [];
  return argumentsFrom(
    answerSets.map((set) => scorePerson(set, settings)),
    team,
  );
}

/** The same, over people already scored; no order of people changes it. */
export function argumentsFrom(people: readonly PersonEvidence[], team: ArguedTeam): CategoryArgument[] {
  const unsettled = unsettledFacts(people);
  // The machine bill's reason rests on the workload numbers: disputed whenever any of them is.
  if (NUMBER_IDS.some((questionId) => unsettled.has(questionId))) unsettled.add(COST_ESTIMATE_DRIVER);
  const out = new Set<Platform | 'even'>(team.verdict.excluded.map((exclusion) => exclusion.platform));
  return team.mostDivided.map((target) => {
    const camps = new Map<Platform | 'even', Map<string, number>>();
    for (const person of people) {
      const { side, reason, questionId } = person.rows[target];
      const reasons = camps.get(side) ?? new Map<string, number>();
      const said = reason && questionId && unsettled.has(questionId) ? `${reason} (disputed)` : reason;
      if (said) reasons.set(said, (reasons.get(said) ?? 0) + 1);
      reasons.set('', (reasons.get('') ?? 0) + 1);
      camps.set(side, reasons);
    }
    const row = team.verdict.rows.find((candidate) => candidate.target === target);
    // Largest first; of camps as large, one for a platform before "no real difference", which argues nothing (a
    // three-way 1–1–1 split showed "even" and Kafka and dropped the Kinesis camp).
    const ranked = [...camps]
      .sort(
        ([a, ofA], [b, ofB]) =>
          (ofB.get('') ?? 0) - (ofA.get('') ?? 0) ||
          Number(a === 'even') - Number(b === 'even') ||
          a.localeCompare(b),
      )
      .slice(0, CAMPS_SHOWN);
    const shown: Camp[] = [];
    for (const [side, reasons] of ranked) {
      // A camp no answer moved sits where the defaults put it: the team row says why, when it agrees. Two camps
      // quoting one reason argue nothing: the second gives its next reason, where it has one.
      const taken = shown[0]?.reason;
      const reason =
        mostCommon(reasons, taken) ??
        mostCommon(reasons) ??
        (row && row.advantage === side ? row.reason : undefined);
      shown.push({
        side,
        people: reasons.get('') ?? 0,
        ...(reason ? { reason } : {}),
        ...(out.has(side) ? { out: true as const } : {}),
      });
    }
    return { target, camps: shown };
  });
}

/** A camp's reason in a line of the argument, with words for a camp that has none. */
export function campReason(camp: Camp): string {
  return (
    camp.reason ??
    (camp.side === 'even'
      ? 'these people’s own answers give no option a lead here'
      : 'no single answer stands out')
  );
}

const FACT_IDS = ALL_QUESTIONS.filter((question) => question.fact).map((question) => question.id);
const NUMBER_IDS = ALL_QUESTIONS.filter((question) => question.kind === 'number').map(
  (question) => question.id,
);

/** The facts people answered differently. */
function unsettledFacts(people: readonly PersonEvidence[]): Set<string> {
  const unsettled = new Set<string>();
  for (const questionId of FACT_IDS) {
    let first: string | undefined;
    for (const person of people) {
      const value = person.answers[questionId];
      if (value === undefined) continue;
      const key = keyOf(value);
      if (first === undefined) first = key;
      else if (key !== first) {
        unsettled.add(questionId);
        break;
      }
    }
  }
  return unsettled;
}

/** The most frequent reason (the '' key counts the camp) other than `besides`; ties go to the alphabetically first. */
function mostCommon(reasons: Map<string, number>, besides?: string): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [reason, count] of reasons) {
    if (reason === '' || reason === besides) continue;
    if (count > bestCount || (count === bestCount && best !== undefined && reason < best)) {
      best = reason;
      bestCount = count;
    }
  }
  return best;
}
