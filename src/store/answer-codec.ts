import { FIGURE_TYPICAL, FIGURE_UNKNOWN } from '../domain/figures.js';
import { STEPS } from '../domain/questions.js';
import type { Answers, AnswerValue, NumberQuestion, Question } from '../domain/types.js';
import { parseJson } from './records.js';

/**
 * One step's answers as Redis keeps them: short, so that a person's answers hash stays a compact listpack
 * (Redis keeps a hash so while every value is at most `hash-max-listpack-value`, 64 bytes by default).
 *
 * `1|` then one token per question of the step, in the step's order, joined by `,`: a single choice is its
 * option's position (base 36), a multiple choice `+` followed by its options' positions, a number as written,
 * a number's rough answer `~` and its range's position, or `?` for "Don't know" (`?t` when priced at the
 * typical figure), an unanswered question nothing (trailing ones are left off). Positions are why options and questions are
 * only ever appended (see ChoiceOption.id). Answers this cannot say exactly (a step or an option it does not
 * know) are kept as JSON, which is also how the previous version kept every step: a value without the tag is
 * read as JSON. Whatever this reads back is validated by the caller like any data from Redis.
 */
const COMPACT_TAG = '1|';
const MAX_POSITION = 35;

const STEP_QUESTIONS = new Map(STEPS.map((step) => [step.id, step.questions]));

export function encodeStep(stepId: string, answers: Answers): string {
  return compactOf(stepId, answers) ?? JSON.stringify(answers);
}

/** The step's answers as stored (either form), or `undefined` when they cannot be read. */
export function decodeStep(stepId: string, stored: string): unknown {
  if (!stored.startsWith(COMPACT_TAG)) return parseJson(stored);
  const questions = STEP_QUESTIONS.get(stepId);
  const tokens = stored.slice(COMPACT_TAG.length).split(',');
  if (!questions || tokens.length > questions.length) return undefined;
  const answers: Answers = {};
  for (const [index, token] of tokens.entries()) {
    const question = questions[index] as Question;
    if (token === '') continue;
    const value = answerOf(question, token);
    if (value === undefined) return undefined;
    answers[question.id] = value;
  }
  return answers;
}

function compactOf(stepId: string, answers: Answers): string | undefined {
  const questions = STEP_QUESTIONS.get(stepId);
  if (!questions) return undefined;
  const answered = Object.keys(answers);
  if (answered.some((id) => !questions.some((question) => question.id === id))) return undefined;
  const tokens: string[] = [];
  for (const question of questions) {
    if (!Object.hasOwn(answers, question.id)) {
      tokens.push('');
      continue;
    }
    const token = tokenOf(question, answers[question.id] as AnswerValue);
    if (token === undefined) return undefined;
    tokens.push(token);
  }
  while (tokens.at(-1) === '') tokens.pop();
  return COMPACT_TAG + tokens.join(',');
}

const ROUGH_TOKENS: Record<string, string> = { [FIGURE_UNKNOWN]: '?', [FIGURE_TYPICAL]: '?t' };
const ROUGH_IDS = new Map(Object.entries(ROUGH_TOKENS).map(([id, token]) => [token, id]));

function tokenOf(question: Question, value: AnswerValue): string | undefined {
  if (question.kind === 'number') {
    if (typeof value === 'string') return roughTokenOf(question, value);
    return typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0)
      ? String(value)
      : undefined;
  }
  if (question.kind === 'single') return typeof value === 'string' ? positionOf(question, value) : undefined;
  if (!Array.isArray(value)) return undefined;
  const positions = value.map((id) => positionOf(question, id));
  return positions.every((position) => position !== undefined) ? `+${positions.join('')}` : undefined;
}

function answerOf(question: Question, token: string): AnswerValue | undefined {
  if (question.kind === 'number') {
    if (ROUGH_IDS.has(token)) return ROUGH_IDS.get(token);
    if (token.startsWith('~')) {
      const position = token.slice(1);
      return /^[0-9a-z]$/.test(position) ? question.ranges[Number.parseInt(position, 36)]?.id : undefined;
    }
    const value = Number(token);
    return Number.isFinite(value) ? value : undefined;
  }
  if (question.kind === 'single') return token.length === 1 ? optionAt(question, token) : undefined;
  if (!token.startsWith('+')) return undefined;
  const ids = [...token.slice(1)].map((position) => optionAt(question, position));
  return ids.every((id) => id !== undefined) ? (ids as string[]) : undefined;
}

function roughTokenOf(question: NumberQuestion, id: string): string | undefined {
  const known = ROUGH_TOKENS[id];
  if (known) return known;
  const position = question.ranges.findIndex((range) => range.id === id);
  return position >= 0 && position <= MAX_POSITION ? `~${position.toString(36)}` : undefined;
}

function positionOf(question: Question, id: string): string | undefined {
  if (question.kind === 'number') return undefined;
  const position = question.options.findIndex((option) => option.id === id);
  return position >= 0 && position <= MAX_POSITION ? position.toString(36) : undefined;
}

function optionAt(question: Question, position: string): string | undefined {
  if (question.kind === 'number' || !/^[0-9a-z]$/.test(position)) return undefined;
  return question.options[Number.parseInt(position, 36)]?.id;
}
