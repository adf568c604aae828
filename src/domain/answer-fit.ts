import type {
  AnswerValue,
  ChoiceOption,
  MultiChoiceQuestion,
  NumberQuestion,
  SingleChoiceQuestion,
} from './types.js';

/**
 * Whether an answer fits its question: the one rule both the form's validation and the scorer read, so what a
 * person may save and what counts in a verdict never drift apart.
 */

/** Why a value does not fit a choice question, in the order they are checked: a person hears the first. */
export type ChoiceMisfit =
  | { kind: 'not-a-list' }
  | { kind: 'not-offered' }
  | { kind: 'none-chosen' }
  | { kind: 'repeated' }
  /** "Don't know" or an exclusive option chosen together with others. */
  | { kind: 'combined'; loner: ChoiceOption };

export function choiceMisfit(
  question: SingleChoiceQuestion | MultiChoiceQuestion,
  value: AnswerValue | undefined,
): ChoiceMisfit | undefined {
  if (question.kind === 'single') {
    return typeof value === 'string' && question.options.some((option) => option.id === value)
      ? undefined
      : { kind: 'not-offered' };
  }
  if (!Array.isArray(value)) return { kind: 'not-a-list' };
  if (!value.every((id) => question.options.some((option) => option.id === id)))
    return { kind: 'not-offered' };
  if (value.length === 0 && !question.optional) return { kind: 'none-chosen' };
  if (new Set(value).size !== value.length) return { kind: 'repeated' };
  const loner = question.options.find((option) => value.includes(option.id) && isLoner(option));
  return loner && value.length > 1 ? { kind: 'combined', loner } : undefined;
}

/** A typed number fits when it is finite, within the question's bounds, and whole where the question counts. */
export function numberFits(question: NumberQuestion, value: number): boolean {
  return (
    Number.isFinite(value) &&
    value >= question.min &&
    value <= question.max &&
    (!question.integer || Number.isInteger(value))
  );
}

function isLoner(option: ChoiceOption): boolean {
  return option.dontKnow === true || option.exclusive === true;
}
