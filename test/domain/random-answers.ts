import { roughIdsOf } from '../../src/domain/figures.js';
import { ALL_QUESTIONS, type Answers, type AnswerValue, type Question } from '../../src/domain/index.js';

/** A small seeded PRNG (mulberry32), so property tests fail the same way every run. */
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

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function shuffled<T>(random: () => number, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function randomValue(random: () => number, question: Question): AnswerValue {
  if (question.kind === 'number') {
    // Now and then a rough range or "Don't know" instead of the number, as people answer when unsure.
    if (random() < 0.2) return pick(random, roughIdsOf(question));
    // Log-uniform, so tiny and huge workloads are both common.
    const value = Math.exp(
      Math.log(question.min) + random() * (Math.log(question.max) - Math.log(question.min)),
    );
    const rounded = question.integer ? Math.round(value) : Math.round(value * 100) / 100;
    return Math.min(question.max, Math.max(question.min, rounded));
  }
  if (question.kind === 'single') return pick(random, question.options).id;
  const loners = question.options.filter((option) => option.dontKnow || option.exclusive);
  const others = question.options.filter((option) => !option.dontKnow && !option.exclusive);
  if (random() < 0.25) return [pick(random, loners).id];
  const chosen = others.filter(() => random() < 0.5).map((option) => option.id);
  return chosen.length > 0 ? chosen : [pick(random, others).id];
}

/** A valid answer set drawn from the question data; about one question in ten is left unanswered. */
export function randomAnswers(random: () => number): Answers {
  const answers: Answers = {};
  for (const question of ALL_QUESTIONS) {
    if (random() < 0.1) continue;
    answers[question.id] = randomValue(random, question);
  }
  return answers;
}

/** The same answers with keys, and the picks inside multi-choice answers, in a different order. */
export function reordered(random: () => number, answers: Answers): Answers {
  return Object.fromEntries(
    shuffled(random, Object.entries(answers)).map(([key, value]) => [
      key,
      Array.isArray(value) ? shuffled(random, value) : value,
    ]),
  );
}
