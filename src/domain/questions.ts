/**
 * The questionnaire as data. Question and option ids are stored with people's answers, so they never change;
 * prompts, help and signals may be reworded or re-weighted freely.
 *
 * Points use a small scale: 1 a nudge, 2 a real lean, 3 a strong lean, 5 reserved for the deciding factors.
 * Number questions and the zones question feed the cost estimate (cost.ts); the thresholds that turn numbers into
 * signals and hard limits live in answer-parts.ts. Each step's questions are in steps/, one file per step.
 */
import { PRIORITIES } from './steps/priorities.js';
import { RISK } from './steps/risk.js';
import { RUNNING_IT } from './steps/running-it.js';
import { SETUP } from './steps/setup.js';
import { TEAM_PROFILE } from './steps/team-profile.js';
import { WORKLOAD } from './steps/workload.js';
import type { Question, Step } from './types.js';

export const STEPS: Step[] = [TEAM_PROFILE, WORKLOAD, SETUP, RUNNING_IT, RISK, PRIORITIES];

export const ALL_QUESTIONS: Question[] = STEPS.flatMap((step) => step.questions);

const QUESTIONS_BY_ID = new Map(ALL_QUESTIONS.map((question) => [question.id, question]));

export function questionById(id: string): Question | undefined {
  return QUESTIONS_BY_ID.get(id);
}

/** The position of a step in STEPS, or -1 for an unknown (e.g. retired) step id. */
export function stepIndexOf(stepId: string): number {
  return STEPS.findIndex((step) => step.id === stepId);
}
