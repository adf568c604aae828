import { z } from 'zod';
import type { Step } from '../domain/types.js';
import { ACTION_IDS } from './ids.js';

/**
 * Reads a questionnaire step's raw values out of a modal's `view.state.values`. The shape is checked with
 * zod; anything malformed reads as "no answer", and the domain's validation then says what is wrong.
 */

const selectedOption = z.object({ value: z.string().max(2000) });

const elementState = z.object({
  type: z.string(),
  selected_option: selectedOption.nullish(),
  selected_options: z.array(selectedOption).max(100).nullish(),
  value: z.string().max(3000).nullish(),
});

const stateValuesSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

export type RawStepValues = Record<string, string | string[] | null>;

export function readStepValues(stateValues: unknown, step: Step): RawStepValues {
  const values = stateValuesSchema.safeParse(stateValues);
  const raw: RawStepValues = {};
  for (const question of step.questions) {
    const element = elementState.safeParse(
      values.success ? values.data[question.id]?.[ACTION_IDS.answer] : undefined,
    );
    raw[question.id] = element.success ? answerIn(element.data) : null;
  }
  return raw;
}

function answerIn(element: z.infer<typeof elementState>): string | string[] | null {
  if (element.selected_options !== undefined && element.selected_options !== null) {
    return element.selected_options.map((option) => option.value);
  }
  if (element.selected_option !== undefined) return element.selected_option?.value ?? null;
  return element.value ?? null;
}
