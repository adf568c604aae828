import { z } from 'zod';
import { roughFieldOf } from '../domain/figures.js';
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
  const read = (blockId: string) => {
    const element = elementState.safeParse(
      values.success ? values.data[blockId]?.[ACTION_IDS.answer] : undefined,
    );
    raw[blockId] = element.success ? answerIn(element.data) : null;
  };
  for (const question of step.questions) {
    read(question.id);
    // A number's rough answer (a range or "Don't know") sits in its own block beside the field.
    if (question.kind === 'number') read(roughFieldOf(question.id));
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
