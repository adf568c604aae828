import type { Locator, Page } from 'playwright-core';
import { roughChoicesOf } from '../../src/domain/figures.js';
import { STEPS } from '../../src/domain/questions.js';
import type { Answers } from '../../src/domain/types.js';
import { roughFieldLabel } from '../../src/slack/views/questionnaire-modal.js';

/** The open modal, as a person sees it. */
export function modal(page: Page): Locator {
  return page.getByRole('dialog');
}

/** Fills in one questionnaire step the way a person does: by the question's words and the option's label. */
export async function fillStep(page: Page, stepIndex: number, answers: Answers): Promise<void> {
  const step = STEPS[stepIndex];
  if (!step) throw new RangeError(`no step ${stepIndex}`);
  const dialog = modal(page);
  for (const question of step.questions) {
    const answer = answers[question.id];
    if (answer === undefined) continue;
    if (question.kind === 'number') {
      // The number, or beside it a rough range or "Don't know", with the other one cleared, as a person would.
      const field = dialog.getByLabel(`${question.prompt} (${question.unit})`, { exact: true });
      const rough = dialog.getByLabel(roughFieldLabel(question), { exact: true });
      const choice = roughChoicesOf(question).find((candidate) => candidate.id === answer);
      await field.fill(choice ? '' : String(answer));
      await rough.selectOption(choice ? { label: choice.label } : { value: '' });
      continue;
    }
    const chosen = new Set(Array.isArray(answer) ? answer : [answer]);
    if (question.kind === 'multi') {
      const group = dialog.getByRole('group', { name: question.prompt, exact: true });
      for (const option of question.options) {
        await group.getByLabel(option.label, { exact: true }).setChecked(chosen.has(option.id));
      }
      continue;
    }
    const label = question.options.find((option) => chosen.has(option.id))?.label;
    if (!label) throw new Error(`no option ${String(answer)} for ${question.id}`);
    const radios = dialog.getByRole('radiogroup', { name: question.prompt, exact: true });
    if ((await radios.count()) > 0) await radios.getByLabel(label, { exact: true }).check();
    else await dialog.getByLabel(question.prompt, { exact: true }).selectOption({ label });
  }
}

/** Answers every step and presses the last step's button; a step that shows errors fails with their text. */
export async function answerQuestionnaire(page: Page, answers: Answers): Promise<void> {
  const dialog = modal(page);
  const errors = dialog.locator('.bk-error');
  await dialog.getByText(`Step 1 of ${STEPS.length}`).waitFor();
  for (let step = 0; step < STEPS.length; step++) {
    await fillStep(page, step, answers);
    const last = step === STEPS.length - 1;
    await dialog.getByRole('button', { name: last ? 'See my verdict' : 'Next', exact: true }).click();
    const next = last
      ? dialog.getByRole('heading', { name: 'Your verdict' })
      : dialog.getByText(`Step ${step + 2} of ${STEPS.length}`);
    await next.or(errors).first().waitFor();
    if ((await errors.count()) > 0) {
      const fields = await dialog
        .locator('.bk-has-error')
        .evaluateAll((blocks) => blocks.map((block) => block.textContent?.replace(/\s+/g, ' ').trim()));
      throw new Error(`step ${step + 1} was refused: ${fields.join(' | ')}`);
    }
  }
}
