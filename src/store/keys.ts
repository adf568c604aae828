import type { DecisionRef } from './port.js';

/**
 * Every Redis key the app uses, in one place. A decision's keys share one hash tag, `{team:decision}`, so
 * they live in one Redis Cluster slot and can change together in one MULTI.
 */
export class KeySpace {
  constructor(readonly prefix = 'sv') {
    if (!/^[\w.-]+$/.test(prefix)) throw new Error(`Invalid key prefix: ${prefix}`);
  }

  private tag(ref: DecisionRef): string {
    return `${this.prefix}:{${ref.teamId}:${ref.decisionId}}`;
  }

  /** Hash: `meta` (JSON Decision without message), `message` (JSON {channel, ts}). */
  decision(ref: DecisionRef): string {
    return `${this.tag(ref)}:decision`;
  }

  /** Set of the user ids who have saved at least one step. */
  respondents(ref: DecisionRef): string {
    return `${this.tag(ref)}:respondents`;
  }

  /** Marks one delivery (a submission or a click) as handled, so a repeat is recognised. */
  delivery(ref: DecisionRef, deliveryId: string): string {
    return `${this.tag(ref)}:delivery:${deliveryId}`;
  }

  /** Hash per person: `progress` (JSON {currentStep, updatedAt}), `finished_at` (ISO) and `step:<stepId>` (JSON Answers). */
  answers(ref: DecisionRef, userId: string): string {
    return `${this.tag(ref)}:answers:${userId}`;
  }
}

export const STEP_FIELD_PREFIX = 'step:';
// scripts/save-step.ts writes these two fields by name too.
export const PROGRESS_FIELD = 'progress';
export const FINISHED_FIELD = 'finished_at';
