import { z } from 'zod';
import type { AnswerSet, Decision, Progress } from '../domain/decision.js';
import { decisionIdSchema, slackIdSchema } from '../domain/ids.js';
import { answersSchema } from '../domain/validation.js';
import type { PendingNote } from './port.js';

/** Data read back from a store is validated, never trusted: these schemas check it on the way in. */

const isoDate = z.iso.datetime({ offset: true });

export const decisionMetaSchema = z.object({
  teamId: slackIdSchema,
  decisionId: decisionIdSchema,
  channelId: slackIdSchema,
  createdBy: slackIdSchema,
  title: z.string().max(150),
  createdAt: isoDate,
  decideBy: isoDate.optional(),
  decideByZone: z.object({ name: z.string().min(1).max(64), fromProfile: z.boolean() }).optional(),
  blind: z.boolean().optional(),
});

export const closureSchema = z.object({ at: isoDate, by: slackIdSchema.optional() });

export const messageRefSchema = z.object({ channel: slackIdSchema, ts: z.string().regex(/^\d+\.\d+$/) });

export const progressSchema = z.object({
  currentStep: z.number().int().min(0),
  finishedAt: isoDate.optional(),
  updatedAt: isoDate,
});

export const noteSchema = z.object({ again: z.boolean(), at: isoDate });

export { answersSchema };

export function noteFromRecord(userId: string, record: unknown): PendingNote | null {
  const parsed = noteSchema.safeParse(record);
  return parsed.success && slackIdSchema.safeParse(userId).success ? { userId, ...parsed.data } : null;
}

export function decisionFromRecord(meta: unknown, message: unknown, closed?: unknown): Decision | null {
  const parsedMeta = decisionMetaSchema.safeParse(meta);
  if (!parsedMeta.success) return null;
  // Absent until posted and until closed: not parsed then, as a failing parse is the costly kind.
  const parsedMessage = message === undefined ? undefined : messageRefSchema.safeParse(message);
  const parsedClosure = closed === undefined ? undefined : closureSchema.safeParse(closed);
  return {
    ...parsedMeta.data,
    ...(parsedMessage?.success ? { message: parsedMessage.data } : {}),
    ...(parsedClosure?.success ? { closed: parsedClosure.data } : {}),
  };
}

export function answerSetFromRecord(
  userId: string,
  progress: unknown,
  steps: Iterable<[stepId: string, answers: unknown]>,
): AnswerSet | null {
  const parsedProgress = progressSchema.safeParse(progress);
  if (!parsedProgress.success) return null;
  const validSteps: AnswerSet['steps'] = {};
  for (const [stepId, answers] of steps) {
    const parsed = answersSchema.safeParse(answers);
    if (parsed.success) validSteps[stepId] = parsed.data;
  }
  return { userId, steps: validSteps, progress: parsedProgress.data as Progress };
}

/** JSON.parse that turns corrupt data into `undefined` (which the schemas then reject). */
export function parseJson(text: string | null | undefined): unknown {
  if (text == null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
