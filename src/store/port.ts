import type { Answers } from '../domain/types.js';

/**
 * The store port: everything the app keeps between requests. Adapters: redis-store.ts (durable, shared by
 * every instance) and memory-store.ts (one process, nothing survives a restart).
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

export type SavedStep =
  /** The decision does not exist (or not in this workspace): nothing was written. */
  | { status: 'missing' }
  | {
      /** 'duplicate': this delivery was saved before (a retry or a double click), so nothing was written. */
      status: 'saved' | 'duplicate';
      decision: Decision;
      /** The person's whole answer set as it stands now. */
      answerSet: AnswerSet;
      /** True when this save finished a questionnaire the person had already finished before. */
      finishedBefore: boolean;
    };

/** One person's answers to one decision, step by step. */
export interface AnswerSet {
  userId: string;
  /** Answers keyed by step id, each step as last submitted. */
  steps: Record<string, Answers>;
  progress: Progress;
}

export interface StoreHealth {
  kind: 'redis' | 'memory';
  status: 'ok' | 'degraded';
  /** False when nothing survives a restart. */
  durable: boolean;
  detail?: string;
}

export interface DecisionStore {
  createDecision(decision: Decision): Promise<void>;
  getDecision(ref: DecisionRef): Promise<Decision | null>;
  setDecisionMessage(ref: DecisionRef, message: { channel: string; ts: string }): Promise<void>;
  /**
   * Saves one step's answers and the person's progress together, only if the decision exists and only once
   * per `deliveryId` (a submission Slack delivers twice, or a double click, is saved once). Returns the
   * decision and the answer set as they now stand. `progress.finishedAt` marks the questionnaire finished;
   * when absent, an earlier finish is kept.
   */
  saveStep(
    ref: DecisionRef,
    userId: string,
    step: { id: string; answers: Answers },
    progress: Progress,
    deliveryId: string,
  ): Promise<SavedStep>;
  getAnswerSet(ref: DecisionRef, userId: string): Promise<AnswerSet | null>;
  /** Every person's answers, ordered by user id. */
  listAnswerSets(ref: DecisionRef): Promise<AnswerSet[]>;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

/** Thrown by an adapter when the backing service cannot be reached; callers tell the person to try again. */
export class StoreUnavailableError extends Error {
  readonly code = 'store_unavailable';
  constructor(cause: unknown) {
    super('The store is unavailable', { cause });
    this.name = 'StoreUnavailableError';
  }
}
