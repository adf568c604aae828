import { describe, expect, it } from 'vitest';
import { readAnswer } from '../../src/domain/answer-parts.js';
import { ALL_QUESTIONS, sanitizeAnswers } from '../../src/domain/index.js';
import type { AnswerValue, Question } from '../../src/domain/types.js';

/** Values a stored answer set might hold for a question: fitting ones and every way of not fitting. */
function candidates(question: Question): AnswerValue[] {
  if (question.kind === 'number')
    return [
      question.min,
      question.max,
      question.max + 1,
      question.min - 1,
      1.5,
      Number.NaN,
      'rough-gone',
      'x',
    ];
  const ids = question.options.map((option) => option.id);
  const pairs = ids.flatMap((a, i) => ids.slice(i + 1).map((b) => [a, b]));
  return [
    ...ids,
    'retired',
    ids,
    [],
    ...ids.map((id) => [id]),
    ...ids.map((id) => [id, id]),
    ...pairs,
    ['retired'],
  ];
}

describe('whether an answer fits its question', () => {
  it('is the same rule for what may be stored and what the scorer counts', () => {
    const disagreements = ALL_QUESTIONS.flatMap((question) =>
      candidates(question).flatMap((value) => {
        const stored = Object.hasOwn(sanitizeAnswers({ [question.id]: value }), question.id);
        // An optional question left empty may be stored, and is scored as not answered.
        const emptyOptional = Array.isArray(value) && value.length === 0 && question.optional === true;
        const scored = readAnswer(question, value) !== undefined || emptyOptional;
        return stored === scored
          ? []
          : [`${question.id}: ${JSON.stringify(value)} stored ${stored}, scored ${scored}`];
      }),
    );
    expect(disagreements).toEqual([]);
  });
});
