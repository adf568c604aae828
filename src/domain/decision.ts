import { firstMissingStep } from './answer-set.js';
import { STEPS } from './questions.js';
import type { Answers } from './types.js';

/**
 * The decision's data and the rules about it: what a decision is, one person's answers and progress, who
 * sees the results when, where a person resumes and where a saved step leads. The store keeps these; the
 * views show them.
 */

/** A decision is always addressed within its workspace, so one workspace can never reach another's. */
export interface DecisionRef {
  teamId: string;
  decisionId: string;
}

export interface Decision extends DecisionRef {
  channelId: string;
  createdBy: string;
  title: string;
  /** ISO 8601. */
  createdAt: string;
  /** The decision message in the channel, once posted. */
  message?: { channel: string; ts: string };
  /** ISO 8601: when the decision closes itself; the thread gets a reminder a day before. */
  decideBy?: string;
  /**
   * Where the deadline's day ends: the time zone of the person who set it (users.info `tz`), or UTC when Slack
   * did not say (`fromProfile: false`). Absent on older decisions, whose deadlines ended in UTC.
   */
  decideByZone?: DeadlineZone;
  /** Individual results stay hidden until the decision closes, so early answers do not anchor later ones. */
  blind?: boolean;
  /** Set while the decision is closed: nobody can answer until it is reopened. */
  closed?: Closure;
}

export interface DeadlineZone {
  /** IANA name, e.g. "America/Los_Angeles". */
  name: string;
  fromProfile: boolean;
}

export interface Closure {
  /** ISO 8601. */
  at: string;
  /** Who closed it; absent when the deadline did. */
  by?: string;
}

/** Where one person is in the questionnaire. */
export interface Progress {
  /** Index of the step to show when the person comes back. */
  currentStep: number;
  /** ISO 8601, when the last step was last submitted. Saving a step never clears it. */
  finishedAt?: string;
  /** ISO 8601. */
  updatedAt: string;
}

/** One person's answers to one decision, step by step. */
export interface AnswerSet {
  userId: string;
  /** Answers keyed by step id, each step as last submitted. */
  steps: Record<string, Answers>;
  progress: Progress;
  /** Equal only for equal steps (the store's encoding of them), where the store has one. */
  version?: string;
}

/** A blind decision hides every result until it closes, so early answers do not anchor later ones. */
export function resultsHidden(decision: Pick<Decision, 'blind' | 'closed'>): boolean {
  return decision.blind === true && decision.closed === undefined;
}

/** The team's verdict is shown once someone finished, unless the decision is blind and still open. */
export function resultsVisible(decision: Pick<Decision, 'blind' | 'closed'>, finished: number): boolean {
  return finished > 0 && !resultsHidden(decision);
}

/** The argument (who picks what, the reasons on each side) needs more than one respondent: alone, nobody disagrees. */
export function hasArgument(team: { respondents: number }): boolean {
  return team.respondents > 1;
}

/**
 * The step a person comes back to: where they left off, or the start. Someone who finished before but has a
 * step missing (a question added since) walks on from that step.
 */
export function resumeStep(answerSet: Pick<AnswerSet, 'steps' | 'progress'> | null): number {
  if (!answerSet) return 0;
  const { currentStep } = answerSet.progress;
  return Math.min(firstMissingStep(answerSet) ?? currentStep, currentStep, STEPS.length - 1);
}

/**
 * Submitting a step finishes the questionnaire on the last step, and also for a step edited alone from the
 * summary: saved on its own, it counts and republishes once.
 */
export function finishesQuestionnaire(step: number, editing: boolean): boolean {
  return editing || step === STEPS.length - 1;
}

/** The progress saving a step records: a finish stays on its step; otherwise the person moves on to the next. */
export function progressAfterSaving(step: number, finishes: boolean, now: string): Progress {
  return finishes
    ? { currentStep: step, updatedAt: now, finishedAt: now }
    : { currentStep: step + 1, updatedAt: now };
}

/**
 * Where a saved step leads: the next step, or after a finish the first step still missing; undefined when the
 * questionnaire is done and the person sees their summary.
 */
export function stepAfterSaving(
  step: number,
  finishes: boolean,
  answerSet: Pick<AnswerSet, 'steps'>,
): number | undefined {
  return finishes ? firstMissingStep(answerSet) : step + 1;
}
