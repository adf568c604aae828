import { STEPS } from '../../src/domain/questions.js';
import type { Answers, Question, Step } from '../../src/domain/types.js';
import { parseStepAnswers } from '../../src/domain/validation.js';

/** What a person typed and picked on one step, keyed by question id. */
export type StepInput = Record<string, string | string[]>;

/** A small seeded PRNG (mulberry32): the same people answer the same way in every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One person's questionnaire: per step, what they type into the modal and what the app then stores. */
export interface Respondent {
  raw: StepInput[];
  answers: Answers[];
}

/** Every question answered, drawn until each step passes the app's own validation. */
export function randomRespondent(random: () => number): Respondent {
  const respondent: Respondent = { raw: [], answers: [] };
  for (const step of STEPS) {
    const { raw, answers } = validStep(random, step);
    respondent.raw.push(raw);
    respondent.answers.push(answers);
  }
  return respondent;
}

function validStep(random: () => number, step: Step): { raw: StepInput; answers: Answers } {
  for (let attempt = 0; attempt < 100; attempt++) {
    const raw: StepInput = {};
    for (const question of step.questions) raw[question.id] = rawValue(random, question);
    const parsed = parseStepAnswers(step, raw);
    if (parsed.ok) return { raw, answers: parsed.answers };
  }
  throw new Error(`no valid random answers for step ${step.id} in 100 draws`);
}

function rawValue(random: () => number, question: Question): string | string[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  if (question.kind === 'number') {
    const value = question.min + random() * (question.max - question.min) * random() * random();
    return String(question.integer ? Math.round(value) : Math.round(value * 10) / 10);
  }
  if (question.kind === 'single') return pick(question.options).id;
  const combinable = question.options.filter((option) => !option.dontKnow && !option.exclusive);
  const chosen = combinable.filter(() => random() < 0.4).map((option) => option.id);
  return chosen.length > 0 ? chosen : [pick(question.options).id];
}

/** All of a person's steps in one answer set, as the scorer reads them. */
export function mergedAnswers(respondent: Respondent): Answers {
  return Object.assign({}, ...respondent.answers);
}
