/**
 * What the team should argue about: for each divided category, the camps people's own answers put them in and
 * the reason each camp gives most often, so the opposing reasons can be read side by side.
 *
 * Deterministic: no order of people changes it, and ties break by name, never by arrival.
 */

import type { RespondentAnswers } from './answer-set.js';
import type { CostSettings } from './cost.js';
import { type PersonEvidence, scorePerson } from './person.js';
import { DEFAULT_COST_SETTINGS } from './team.js';
import type { Category, Platform } from './types.js';

export interface Camp {
  /** Where these people's own answers put the row. */
  side: Platform | 'even';
  people: number;
  /** The reason the camp's answers give most often; absent for 'even' or when no answer moved the row. */
  reason?: string;
}

export interface CategoryArgument {
  target: Category;
  /** The two largest camps, largest first. */
  camps: Camp[];
}

const CAMPS_SHOWN = 2;

export function argumentsFor(
  answerSets: readonly RespondentAnswers[],
  targets: readonly Category[],
  settings: CostSettings = DEFAULT_COST_SETTINGS,
): CategoryArgument[] {
  if (targets.length === 0) return [];
  return argumentsFrom(
    answerSets.map((set) => scorePerson(set, settings)),
    targets,
  );
}

/** The same, over people already scored; no order of people changes it. */
export function argumentsFrom(
  people: readonly PersonEvidence[],
  targets: readonly Category[],
): CategoryArgument[] {
  return targets.map((target) => {
    const camps = new Map<Platform | 'even', Map<string, number>>();
    for (const person of people) {
      const { side, reason } = person.rows[target];
      const reasons = camps.get(side) ?? new Map<string, number>();
      if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      reasons.set('', (reasons.get('') ?? 0) + 1);
      camps.set(side, reasons);
    }
    const ranked = [...camps]
      .map(([side, reasons]): Camp => {
        const reason = mostCommon(reasons);
        return { side, people: reasons.get('') ?? 0, ...(reason ? { reason } : {}) };
      })
      .sort((a, b) => b.people - a.people || a.side.localeCompare(b.side))
      .slice(0, CAMPS_SHOWN);
    return { target, camps: ranked };
  });
}

/** The most frequent reason (the '' key counts the camp); ties go to the alphabetically first. */
function mostCommon(reasons: Map<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [reason, count] of reasons) {
    if (reason === '') continue;
    if (count > bestCount || (count === bestCount && best !== undefined && reason < best)) {
      best = reason;
      bestCount = count;
    }
  }
  return best;
}
