import { STEPS } from './questions.js';
import type { Answers } from './types.js';

/**
 * One person's answers as the questionnaire keeps them: step by step, and finished once the last step was
 * submitted. The shape is structural so the store's records fit without the domain knowing the store.
 */
export interface SteppedAnswers {
  userId: string;
  steps: Record<string, Answers>;
  progress: { finishedAt?: string };
  /** Equal for equal answers (the store's encoding of every step): see RespondentAnswers.version. */
  version?: string;
}

/** One person's answers merged across steps: what the scorer reads. */
export interface RespondentAnswers {
  userId: string;
  answers: Answers;
  /**
   * Where known, a string that is equal only for equal answers, so a person scored before is recognised by one
   * string comparison instead of a walk through every answer (PersonEvidenceCache, at each publish).
   */
  version?: string;
}

/** One person's answers across all steps, as the scorer wants them. */
export function mergeSteps(set: Pick<SteppedAnswers, 'steps'>): Answers {
  return Object.assign({}, ...STEPS.map((step) => set.steps[step.id] ?? {}));
}

/** The first step the person has not saved yet, or undefined when every step is saved. */
export function firstMissingStep(set: Pick<SteppedAnswers, 'steps'>): number | undefined {
  const index = STEPS.findIndex((step) => set.steps[step.id] === undefined);
  return index === -1 ? undefined : index;
}

/** Counts in the verdict: finished, with every step saved. */
export function isComplete(set: SteppedAnswers): boolean {
  return set.progress.finishedAt !== undefined && firstMissingStep(set) === undefined;
}

/** The complete answer sets, ready to score as a team. */
export function respondentsOf(sets: readonly SteppedAnswers[]): RespondentAnswers[] {
  return sets.filter(isComplete).map((set) => ({
    userId: set.userId,
    answers: mergeSteps(set),
    ...(set.version !== undefined && { version: set.version }),
  }));
}
