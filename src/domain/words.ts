/**
 * Answers in the verdict's words: "on-call today = none", "average writes = 20 MB/s".
 */
import { roughWords } from './figures.js';
import { formatAmount } from './format.js';
import { questionById } from './questions.js';
import {
  type AnswerValue,
  COST_ESTIMATE_DRIVER,
  PLATFORM_LABELS,
  type Platform,
  type Question,
} from './types.js';

/** What the answer says, in a few words: an option's short label, several joined, or a number with its unit. */
export function answerWords(question: Question, value: AnswerValue): string {
  if (question.kind === 'number') {
    return typeof value === 'number' ? formatAmount(value, question) : roughWords(question, String(value));
  }
  const ids = Array.isArray(value) ? value : [value];
  return question.options
    .filter((option) => ids.includes(option.id))
    .map((option) => option.short ?? option.label.charAt(0).toLowerCase() + option.label.slice(1))
    .join(' and ');
}

/** Quoted choices read as answers in a sentence; numbers stand as they are. */
export function quotedAnswer(question: Question, value: AnswerValue): string {
  const words = answerWords(question, value);
  return question.kind === 'number' ? words : `“${words}”`;
}

/** "<short label> = <answer>", or the question alone when there is no answer to quote. */
export function describeAnswer(questionId: string, value: AnswerValue | undefined): string {
  if (questionId === COST_ESTIMATE_DRIVER) return 'the machine cost estimate';
  const question = questionById(questionId);
  if (!question) return questionId;
  return value === undefined
    ? `${question.short}: not answered`
    : `${question.short} = ${answerWords(question, value)}`;
}

/**
 * What is out and why, platforms sharing a reason named together: "Amazon Kinesis and Amazon MSK are out: you do
 * not run on AWS, …".
 */
export function outSentences(excluded: readonly { platform: Platform; reason: string }[]): string[] {
  return groupedBy(excluded, ({ reason }) => reason).map(
    ({ key: reason, items }) =>
      `${items.map(({ platform }) => PLATFORM_LABELS[platform]).join(' and ')} ${items.length === 1 ? 'is' : 'are'} out: ${reason}`,
  );
}

/**
 * Items in groups of one key, so what shares a reason is said once: each group where its first item was, its items
 * in their order, never empty.
 */
export function groupedBy<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
): { key: string; items: [T, ...T[]] }[] {
  const groups = new Map<string, [T, ...T[]]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups].map(([key, grouped]) => ({ key, items: grouped }));
}

/** Platform names as they read mid-sentence: "self-managed Kafka", "Amazon Kinesis". */
export function nameInSentence(platform: Platform): string {
  return platform === 'kafka' ? lowerFirst(PLATFORM_LABELS.kafka) : PLATFORM_LABELS[platform];
}

export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** "a", "a and b", "a, b and c". */
export function listed(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
