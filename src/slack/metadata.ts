import { z } from 'zod';
import { decisionIdSchema } from '../domain/ids.js';

/**
 * What a questionnaire modal carries between requests in `private_metadata`: which decision, which step.
 * Slack hands it back on every submission, so it is parsed as untrusted input.
 */
export interface QuestionnaireMetadata {
  decisionId: string;
  step: number;
  /** The step was opened alone from the summary of a finished person's answers. */
  editing?: boolean;
}

const wireSchema = z.object({
  d: decisionIdSchema,
  s: z.number().int().min(0).max(50),
  e: z.literal(1).optional(),
});

export function encodeMetadata(metadata: QuestionnaireMetadata): string {
  return JSON.stringify({ d: metadata.decisionId, s: metadata.step, ...(metadata.editing && { e: 1 }) });
}

export function decodeMetadata(text: string | undefined): QuestionnaireMetadata | null {
  if (!text) return null;
  try {
    const parsed = wireSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    const { d: decisionId, s: step, e } = parsed.data;
    return e === 1 ? { decisionId, step, editing: true } : { decisionId, step };
  } catch {
    return null;
  }
}
