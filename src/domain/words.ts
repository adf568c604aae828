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
  const byReason = new Map<string, Platform[]>();
  for (const { platform, reason } of excluded)
    byReason.set(reason, [...(byReason.get(reason) ?? []), platform]);
  return [...byReason].map(
    ([reason, platforms]) =>
      `${platforms.map((platform) => PLATFORM_LABELS[platform]).join(' and ')} ${platforms.length === 1 ? 'is' : 'are'} out: ${reason}`,
  );
}

/** Platform names as they read mid-sentence: "self-managed Kafka", "Amazon Kinesis". */
export function nameInSentence(platform: Platform): string {
  return platform === 'kafka' ? lowerFirst(PLATFORM_LABELS.kafka) : PLATFORM_LABELS[platform];
}

export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
