/**
 * Checks answers against the question data: one step's raw form input as people typed it, and whole answer sets
 * read back from storage, which may predate today's questions.
 */
import { z } from 'zod';
import { type ChoiceMisfit, choiceMisfit, numberFits } from './answer-fit.js';
import { roughFieldOf, roughIdsOf } from './figures.js';
import { formatNumber } from './format.js';
import { ALL_QUESTIONS } from './questions.js';
import type { Answers, AnswerValue, NumberQuestion, Question, Step } from './types.js';

/**
 * One step's input as it arrives from a form, keyed by question id: option ids, lists of option ids, or typed
 * text for numbers; a number's rough answer (a range or "Don't know" id) comes under roughFieldOf(question id).
 */
export type RawStepInput = Record<string, string | string[] | null | undefined>;

export type StepParseResult = { ok: true; answers: Answers } | { ok: false; errors: Record<string, string> };

/** Any stored answer set; sanitizeAnswers then fits it to today's questions. */
export const answersSchema: z.ZodType<Answers> = z.record(
  z.string(),
  z.union([z.string(), z.array(z.string()), z.number()]),
);

/** Plain decimals only: exponents and words ("1e999", "NaN") are not what anyone means by a throughput. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Built once per question object, so callers may also pass steps of their own. */
const VALUE_SCHEMAS = new WeakMap<Question, z.ZodType<AnswerValue>>();
const INPUT_SCHEMAS = new WeakMap<Question, z.ZodType<AnswerValue>>();

export function parseStepAnswers(step: Step, raw: RawStepInput): StepParseResult {
  const answers: Answers = {};
  const errors: Record<string, string> = {};
  for (const question of step.questions) {
    const value = Object.hasOwn(raw, question.id) ? raw[question.id] : undefined;
    if (question.kind === 'number') {
      const rough = roughFieldOf(question.id);
      const roughValue = Object.hasOwn(raw, rough) ? raw[rough] : undefined;
      if (!isBlank(roughValue)) {
        if (!isBlank(value)) errors[rough] = 'Either type a number or pick one here, not both';
        else {
          const result = roughSchema(question).safeParse(roughValue);
          if (result.success) answers[question.id] = result.data;
          else errors[rough] = invalidChoiceMessage(question);
        }
        continue;
      }
    }
    if (isBlank(value)) {
      if (!question.optional) errors[question.id] = missingMessage(question);
      continue;
    }
    const result = cached(INPUT_SCHEMAS, question, inputSchema).safeParse(value);
    if (result.success) answers[question.id] = result.data;
    else errors[question.id] = result.error.issues[0]?.message ?? invalidChoiceMessage(question);
  }
  checkPeakAgainstAverage(step, answers, errors);
  return Object.keys(errors).length === 0 ? { ok: true, answers } : { ok: false, errors };
}

/**
 * The answers of a step that are valid so far, leaving out the missing and the wrong ones: what is kept when
 * a person goes Back from a step they have not finished.
 */
export function validAnswersOf(step: Step, raw: RawStepInput): Answers {
  const all = parseStepAnswers(step, raw);
  if (all.ok) return all.answers;
  const clean = parseStepAnswers(
    {
      ...step,
      questions: step.questions.filter((q) => !(q.id in all.errors) && !(roughFieldOf(q.id) in all.errors)),
    },
    raw,
  );
  return clean.ok ? clean.answers : {};
}

/**
 * Keeps only the answers that still fit today's questions, so a retired question or a renamed option is dropped
 * (and asked again) instead of confusing the scorer.
 */
export function sanitizeAnswers(answers: Answers): Answers {
  const kept: Answers = {};
  for (const question of ALL_QUESTIONS) {
    if (!Object.hasOwn(answers, question.id)) continue;
    const result = cached(VALUE_SCHEMAS, question, valueSchema).safeParse(answers[question.id]);
    if (result.success) kept[question.id] = result.data;
  }
  return kept;
}

function cached(
  schemas: WeakMap<Question, z.ZodType<AnswerValue>>,
  question: Question,
  build: (question: Question) => z.ZodType<AnswerValue>,
): z.ZodType<AnswerValue> {
  const known = schemas.get(question);
  if (known) return known;
  const built = build(question);
  schemas.set(question, built);
  return built;
}

/** What a stored answer to the question must look like, with the message a person sees when it does not. */
function valueSchema(question: Question): z.ZodType<AnswerValue> {
  if (question.kind === 'number') return z.union([numberSchema(question), roughSchema(question)]);
  const base =
    question.kind === 'single' ? z.string({ error: invalidChoiceMessage(question) }) : z.array(z.string());
  return base.superRefine((value, ctx) => {
    const misfit = choiceMisfit(question, value);
    if (misfit) ctx.addIssue({ code: 'custom', message: misfitMessage(question, misfit) });
  });
}

function misfitMessage(question: Question, misfit: ChoiceMisfit): string {
  switch (misfit.kind) {
    case 'not-a-list':
      return 'Please choose from the list';
    case 'not-offered':
      return invalidChoiceMessage(question);
    case 'none-chosen':
      return missingMessage(question);
    case 'repeated':
      return 'Please choose each answer only once';
    case 'combined':
      return `“${misfit.loner.label}” cannot be combined with other answers`;
  }
}

/** What a form may send for the question: typed text for numbers, ids otherwise. */
function inputSchema(question: Question): z.ZodType<AnswerValue> {
  if (question.kind !== 'number') return cached(VALUE_SCHEMAS, question, valueSchema);
  return z
    .string({ error: rangeMessage(question) })
    .trim()
    .regex(DECIMAL, rangeMessage(question))
    .transform(Number)
    .pipe(numberSchema(question));
}

/** A rough answer to a number question: one of its ranges or "Don't know"s. */
function roughSchema(question: NumberQuestion): z.ZodType<string> {
  return z.enum(roughIdsOf(question), { error: invalidChoiceMessage(question) });
}

function numberSchema(question: NumberQuestion): z.ZodType<number, number> {
  const message = rangeMessage(question);
  return z.number({ error: message }).refine((value) => numberFits(question, value), message);
}

/** A form field left empty; whitespace alone counts as empty. */
function isBlank(value: string | string[] | null | undefined): boolean {
  if (value === undefined || value === null) return true;
  return Array.isArray(value) ? value.length === 0 : value.trim() === '';
}

function missingMessage(question: Question): string {
  if (question.kind === 'number') return 'Type a number, or pick a rough range or “Don’t know” below';
  return question.kind === 'multi' ? 'Please choose at least one answer' : 'Please choose an answer';
}

function invalidChoiceMessage(question: Question): string {
  return question.kind === 'multi'
    ? 'One of those answers is no longer offered; please choose again'
    : 'That answer is no longer offered; please choose again';
}

function rangeMessage(question: NumberQuestion): string {
  const kind = question.integer ? 'a whole number' : 'a number';
  return `Enter ${kind} from ${formatNumber(question.min)} to ${formatNumber(question.max)} ${question.unit}`;
}

/**
 * A peak below the average is a typo; catching it here saves a verdict built on it. A rough answer counts by its
 * bounds: a peak range wholly below the average (or its range) cannot be right either.
 */
function checkPeakAgainstAverage(step: Step, answers: Answers, errors: Record<string, string>): void {
  const averageQuestion = step.questions.find((question) => question.id === 'avg_write_mbps');
  const peakQuestion = step.questions.find((question) => question.id === 'peak_write_mbps');
  if (averageQuestion?.kind !== 'number' || peakQuestion?.kind !== 'number') return;
  const average = boundsOf(averageQuestion, answers.avg_write_mbps);
  const peak = boundsOf(peakQuestion, answers.peak_write_mbps);
  if (!average || !peak || peak.high >= average.low) return;
  const field =
    typeof answers.peak_write_mbps === 'number' ? 'peak_write_mbps' : roughFieldOf('peak_write_mbps');
  const floor = average.low === average.high ? '' : 'at least ';
  errors[field] =
    `The peak cannot be lower than the average (${floor}${formatNumber(average.low)} ${peakQuestion.unit})`;
}

/** The lowest and highest a given number or a range can be; undefined for "Don't know". */
function boundsOf(
  question: NumberQuestion,
  value: AnswerValue | undefined,
): { low: number; high: number } | undefined {
  if (typeof value === 'number') return { low: value, high: value };
  const range = question.ranges.find((candidate) => candidate.id === value);
  return range && { low: range.low, high: range.high };
}
