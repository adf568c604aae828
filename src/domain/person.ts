/**
 * One person's part of a team verdict, scored from their answers alone: what the team aggregation and the
 * argument camps need of each person, worked out once per answer set rather than at every publish.
 *
 * PersonEvidenceCache keeps them in the process: a publish re-scores only the people whose answers changed since
 * the last one. It is checked against the answers themselves (or their version, which the store derives from
 * them), so it can never serve a stale score, and losing it (a restart, another instance) only costs one full
 * rescore.
 */
import { type Ballot, readBallot } from './answer-parts.js';
import type { RespondentAnswers } from './answer-set.js';
import type { CostSettings } from './cost.js';
import { evidenceOf } from './evidence.js';
import { ALL_QUESTIONS } from './questions.js';
import { DONT_KNOW_LIMITS } from './scoring.js';
import { type Answers, type AnswerValue, CATEGORIES, type Category, type Platform } from './types.js';
import { advantageOf, inContrast, weigh } from './weighing.js';

/** Where one person's own answers put a category row, and the reason that pushed it there hardest. */
export interface PersonRow {
  side: Platform | 'even';
  /** Absent for 'even', or when no answer moved the row. */
  reason?: string;
  /** The question whose answer gave the reason (a hard limit's, for a row the limits decided). */
  questionId?: string;
}

export interface PersonEvidence {
  userId: string;
  /** The answers as given, to order the same person twice by content. */
  answers: Answers;
  /** The answers' version, when the caller knew one (RespondentAnswers.version). */
  version?: string;
  /** The answers read against today's questions; its parts are shared with every other ballot. */
  ballot: Ballot;
  /** Their own overall recommendation. */
  recommendation: Platform;
  /** Mostly "Don't know", or fewer than half of the questions answered: no pick of their own. */
  unsure: boolean;
  rows: Record<Category, PersonRow>;
}

/** Scores one person. The team verdict must be aggregated with the same settings. */
export function scorePerson(
  { userId, answers, version }: RespondentAnswers,
  settings: CostSettings,
): PersonEvidence {
  const ballot = readBallot(answers);
  const evidence = evidenceOf(ballot, settings);
  const standing = weigh(evidence);
  const contributions = [...evidence.contributions, ...standing.costContributions];
  const rowOf = (target: Category): PersonRow => {
    const side = advantageOf(standing.rows[target]);
    if (side === 'even') return { side };
    // Left alone by hard limits, the row's reason is the person's own first limit, as their verdict says it.
    const limit = standing.rows[target].sole ? evidence.excluded[0] : undefined;
    if (limit) return { side, reason: limit.reason, questionId: limit.questionId };
    // The reason that puts the side furthest ahead of the row's runner-up: "the team avoids deep server tuning"
    // leans Kinesis and MSK alike, so it is no reason to prefer either to the other, and two camps quoting it
    // argued nothing. The first such reason wins a tie; none ahead, the strongest toward the side.
    const rival = standing.rows[target].second;
    const toward = new Map<string, { questionId: string; reason: string; side: number; rival: number }>();
    for (const { questionId, signal } of contributions) {
      if (signal.target !== target || !inContrast(signal, standing.candidates)) continue;
      if (signal.toward !== side && signal.toward !== rival) continue;
      const key = `${questionId}\n${signal.reason}`;
      const entry = toward.get(key) ?? { questionId, reason: signal.reason, side: 0, rival: 0 };
      if (signal.toward === side) entry.side += signal.points;
      else entry.rival += signal.points;
      toward.set(key, entry);
    }
    let best: { questionId: string; reason: string; lead: number; points: number } | undefined;
    for (const entry of toward.values()) {
      if (entry.side <= 0) continue;
      const lead = entry.side - entry.rival;
      if (!best || lead > best.lead || (lead === best.lead && entry.side > best.points)) {
        best = { questionId: entry.questionId, reason: entry.reason, lead, points: entry.side };
      }
    }
    return best ? { side, reason: best.reason, questionId: best.questionId } : { side };
  };
  return {
    userId,
    answers,
    ...(version !== undefined && { version }),
    ballot,
    recommendation: standing.recommendation,
    unsure: unsure(ballot),
    rows: Object.fromEntries(CATEGORIES.map((target) => [target, rowOf(target)])) as Record<
      Category,
      PersonRow
    >,
  };
}

/**
 * Whether these answers count as "not sure" in a team's picks: mostly "Don't know", or fewer than half answered.
 * The person's own verdict says so, so the channel's "not sure (1): @Carol" matches what their modal said.
 */
export function isUnsure(answers: Answers): boolean {
  return unsure(readBallot(answers));
}

function unsure(ballot: Ballot): boolean {
  const share = ballot.choiceAnsweredCount === 0 ? 1 : ballot.dontKnowCount / ballot.choiceAnsweredCount;
  return share >= DONT_KNOW_LIMITS.low || ballot.answeredCount < ALL_QUESTIONS.length / 2;
}

/** About 1 KB each beside the shared question data: ten thousand people is a few megabytes. */
const DEFAULT_LIMIT = 10_000;

/**
 * Scored people, the decision least recently published first out. An entry is reused only for the same scope
 * and person, the very same settings object, and answers equal value for value (or the same version); anything
 * else is scored afresh.
 */
export class PersonEvidenceCache {
  /** Per scope (a decision), its people by user id; scopes in the order last used. */
  private readonly scopes = new Map<
    string,
    Map<string, { settings: CostSettings; evidence: PersonEvidence }>
  >();
  private people = 0;

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  /** Everyone's evidence, in the order given; `scope` names the decision, e.g. "T1:D1". */
  scoreAll(scope: string, sets: readonly RespondentAnswers[], settings: CostSettings): PersonEvidence[] {
    const known = this.scopes.get(scope);
    const kept = new Map<string, { settings: CostSettings; evidence: PersonEvidence }>();
    const scored = sets.map((set) => {
      const entry = known?.get(set.userId);
      const evidence =
        entry && entry.settings === settings && sameAnswerSet(entry.evidence, set)
          ? entry.evidence
          : scorePerson(set, settings);
      kept.set(set.userId, { settings, evidence });
      return evidence;
    });
    // Only the people of this publish are kept: someone who left the decision is forgotten with it.
    this.people += kept.size - (known?.size ?? 0);
    this.scopes.delete(scope);
    this.scopes.set(scope, kept);
    for (const [oldest, people] of this.scopes) {
      if (this.people <= this.limit || oldest === scope) break;
      this.scopes.delete(oldest);
      this.people -= people.size;
    }
    return scored;
  }

  /** How many people are kept. */
  get size(): number {
    return this.people;
  }
}

/** By version where both have one (a string comparison), else answer by answer. */
function sameAnswerSet(scored: PersonEvidence, set: RespondentAnswers): boolean {
  if (scored.version !== undefined && set.version !== undefined) return scored.version === set.version;
  return sameAnswers(scored.answers, set.answers);
}

// Plain loops: this runs for every cached person at every publish that has no versions.
function sameAnswers(a: Answers, b: Answers): boolean {
  let count = 0;
  for (const key in a) {
    const left = a[key];
    const right = b[key];
    if (left === undefined || right === undefined || !sameValue(left, right)) return false;
    count++;
  }
  for (const _ in b) count--;
  return count === 0;
}

function sameValue(a: AnswerValue, b: AnswerValue): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return a === b;
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}
