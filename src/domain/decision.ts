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
}
