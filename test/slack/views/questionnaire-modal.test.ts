import { describe, expect, it } from 'vitest';
import { FIGURE_TYPICAL, FIGURE_UNKNOWN, roughFieldOf } from '../../../src/domain/figures.js';
import { ALL_QUESTIONS, STEPS } from '../../../src/domain/questions.js';
import type { Answers } from '../../../src/domain/types.js';
import { checkView } from '../../../src/emulator/index.js';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS } from '../../../src/slack/ids.js';
import { decodeMetadata } from '../../../src/slack/metadata.js';
import { buildAnswersSummaryModal } from '../../../src/slack/views/answers-summary.js';
import {
  buildNoticeModal,
  buildQuestionnaireModal,
  EDIT_STEP_SUBMIT,
  LAST_STEP_SUBMIT,
} from '../../../src/slack/views/questionnaire-modal.js';
import { WEB_APP_SHOP_ON_AWS } from '../../domain/fixtures.js';
import { blockById as find } from '../../support/blocks.js';

const longTitle = 'A'.repeat(150);

type Input = {
  label: { text: string };
  hint?: { text: string };
  optional: boolean;
  element: Record<string, unknown>;
};
type Choice = { text: { text: string }; value: string };

describe('number questions as data', () => {
  const workloadIndex = STEPS.findIndex((step) => step.questions.some((q) => q.kind === 'number'));
  const numbers = ALL_QUESTIONS.filter((question) => question.kind === 'number');

  it.each(numbers)(
    '$id shows its unit in the label and offers ranges and “Don’t know” beside the field',
    (question) => {
      if (question.kind !== 'number') throw new Error('not a number');
      const view = buildQuestionnaireModal({ decisionId: 'd', decisionTitle: 't', step: workloadIndex });
      const field = find<Input>(view.blocks, question.id);
      expect(field?.element.type).toBe('number_input');
      expect(`${field?.label.text} ${field?.hint?.text ?? ''}`).toContain(`(${question.unit})`);
      // Either the number or the rough answer: the form cannot require one field of two, validation does.
      expect(field?.optional).toBe(true);
      const rough = find<Input>(view.blocks, roughFieldOf(question.id));
      expect(rough?.element.type).toBe('static_select');
      const options = (rough?.element.options ?? []) as Choice[];
      expect(options.map((option) => option.value)).toEqual([
        ...question.ranges.map((range) => range.id),
        FIGURE_TYPICAL,
        FIGURE_UNKNOWN,
      ]);
      for (const range of question.ranges) {
        const shown = options.find((option) => option.value === range.id)?.text.text;
        // Its unit, or its own words where label and unit would not read ("one day", "1 to 10 MiB").
        expect(shown).toContain(range.words ?? question.unit);
        expect(shown).not.toMatch(/MiB KB|^one (days|consumer groups)/);
        // Priced at a figure with its unit ("priced at 32 KB"), in the range's own unit ("1 to 10 MiB (priced at
        // 3 MiB)", never "… 3,200 KB"); a range of one value is that value, unsaid.
        if (range.low === range.high) expect(shown).not.toContain('priced at');
        else {
          const units = [question.unit, question.unitOne, question.largeUnit?.unit].filter(Boolean).join('|');
          expect(shown).toMatch(new RegExp(`priced at [\\d.,]+ (${units})\\)$`));
          expect(shown).not.toMatch(/^(more than |[\d.,]+ to )[\d.,]+ MiB \(priced at [\d.,]+ KB\)/);
        }
      }
      const blockIds = view.blocks.map((block) => block.block_id);
      expect(blockIds.indexOf(roughFieldOf(question.id))).toBe(blockIds.indexOf(question.id) + 1);
    },
  );

  it('pre-fills a rough answer in its select and leaves the field empty', () => {
    const view = buildQuestionnaireModal({
      decisionId: 'd',
      decisionTitle: 't',
      step: workloadIndex,
      answers: { avg_write_mbps: 'avg_10_100', retention_days: FIGURE_TYPICAL },
    });
    expect(find<Input>(view.blocks, 'avg_write_mbps')?.element.initial_value).toBeUndefined();
    expect(
      (find<Input>(view.blocks, roughFieldOf('avg_write_mbps'))?.element.initial_option as Choice | undefined)
        ?.value,
    ).toBe('avg_10_100');
    expect(
      (find<Input>(view.blocks, roughFieldOf('retention_days'))?.element.initial_option as Choice | undefined)
        ?.value,
    ).toBe(FIGURE_TYPICAL);
  });
});

describe('one step edited alone, and the summary', () => {
  it('opens a step for editing with Save, Cancel and a way back to the summary, and says nothing counts yet', () => {
    const view = buildQuestionnaireModal({ decisionId: 'd', decisionTitle: 't', step: 1, editing: true });
    expect(checkView(view, 'modal')).toEqual([]);
    expect(view.submit?.text).toBe(EDIT_STEP_SUBMIT);
    expect(view.close?.text).toBe('Cancel');
    const nav = find<{ elements: { action_id: string }[] }>(view.blocks, BLOCK_IDS.questionnaireNav);
    expect(nav?.elements.map((element) => element.action_id)).toEqual([ACTION_IDS.questionnaireSummary]);
    const progress = find<{ elements: { text: string }[] }>(view.blocks, BLOCK_IDS.stepProgress);
    expect(progress?.elements[0]?.text).toContain('changes only when you save this step');
    expect(decodeMetadata(view.private_metadata)).toEqual({ decisionId: 'd', step: 1, editing: true });
  });

  it('shows the verdict, every step’s answers and one Edit per step, with Done to close', () => {
    const steps = Object.fromEntries(
      STEPS.map((step) => [
        step.id,
        Object.fromEntries(
          step.questions.flatMap((q) =>
            q.id in WEB_APP_SHOP_ON_AWS ? [[q.id, WEB_APP_SHOP_ON_AWS[q.id]]] : [],
          ),
        ),
      ]),
    ) as Record<string, Answers>;
    const view = buildAnswersSummaryModal({
      decisionId: 'd-7',
      decisionTitle: longTitle,
      verdictText: '*Your answers point to Amazon Kinesis*',
      steps: { ...steps, workload: { ...steps.workload, avg_write_mbps: 'avg_1_10' } },
    });
    expect(checkView(view, 'modal')).toEqual([]);
    expect(view.close?.text).toBe('Done');
    expect(view.submit).toBeUndefined();
    expect(find<{ text: { text: string } }>(view.blocks, BLOCK_IDS.summaryHeading)?.text.text).toBe(
      'Edit my answers',
    );
    const edits = STEPS.map((step) =>
      find<{
        text: { text: string };
        accessory: { action_id: string; value: string; text: { text: string } };
      }>(view.blocks, BLOCK_IDS.summaryStep(step.id)),
    );
    expect(edits.map((block) => block?.accessory.action_id)).toEqual(
      STEPS.map(() => ACTION_IDS.questionnaireEditStep),
    );
    expect(edits.map((block) => block?.accessory.value)).toEqual(STEPS.map((_, index) => String(index)));
    expect(edits.map((block) => block?.accessory.text.text)).toEqual(STEPS.map(() => 'Edit'));
    expect(edits[1]?.text.text).toContain('average writes = 1 to 10 MB/s');
    expect(edits[0]?.text.text).toContain('company size = 1 to 10');
    expect(decodeMetadata(view.private_metadata)).toEqual({ decisionId: 'd-7', step: 0 });
  });
});

describe('buildQuestionnaireModal', () => {
  it.each(STEPS.map((step, index) => [index, step.id] as const))(
    'step %i (%s) is a valid modal within Slack limits',
    (index) => {
      const view = buildQuestionnaireModal({
        decisionId: 'd1',
        decisionTitle: longTitle,
        step: index,
        answers: WEB_APP_SHOP_ON_AWS,
      });
      expect(checkView(view, 'modal')).toEqual([]);
    },
  );

  it('shows "Step n of N", one input block per question, and carries decision and step in private_metadata', () => {
    const view = buildQuestionnaireModal({ decisionId: 'd-42', decisionTitle: 'Billing bus', step: 1 });
    const progress = find<{ elements: { text: string }[] }>(view.blocks, BLOCK_IDS.stepProgress);
    expect(progress?.elements[0]?.text).toContain(`Step 2 of ${STEPS.length}`);
    expect(progress?.elements[0]?.text).toContain('Billing bus');
    for (const question of STEPS[1]?.questions ?? []) {
      const block = find<{ type: string; element: { action_id: string } }>(view.blocks, question.id);
      expect(block?.type).toBe('input');
      expect(block?.element.action_id).toBe(ACTION_IDS.answer);
    }
    expect(view.callback_id).toBe(CALLBACK_IDS.questionnaire);
    expect(decodeMetadata(view.private_metadata)).toEqual({ decisionId: 'd-42', step: 1 });
  });

  it('has Next on every step but the last, whose button says what happens, and Back from step 2 on', () => {
    const first = buildQuestionnaireModal({ decisionId: 'd', decisionTitle: 't', step: 0 });
    const last = buildQuestionnaireModal({ decisionId: 'd', decisionTitle: 't', step: STEPS.length - 1 });
    expect(first.submit?.text).toBe('Next');
    expect(find(first.blocks, BLOCK_IDS.questionnaireNav)).toBeUndefined();
    expect(last.submit?.text).toBe(LAST_STEP_SUBMIT);
    // The full sentence is in the step; Slack allows 24 characters on the button.
    const outcome = find<{ text: { text: string } }>(last.blocks, BLOCK_IDS.stepOutcome);
    expect(outcome?.text.text).toContain('See my verdict and add it to the team’s');
    expect(outcome?.text.text).toContain(`*${LAST_STEP_SUBMIT}*`);
    expect(find(first.blocks, BLOCK_IDS.stepOutcome)).toBeUndefined();
    const nav = find<{ elements: { action_id: string }[] }>(last.blocks, BLOCK_IDS.questionnaireNav);
    expect(nav?.elements[0]?.action_id).toBe(ACTION_IDS.questionnaireBack);
  });

  it('pre-fills what the person saved: choices, several choices and numbers', () => {
    const answers: Answers = { ...WEB_APP_SHOP_ON_AWS, kafka_usage: ['clients', 'connect'] };
    const workload = buildQuestionnaireModal({ decisionId: 'd', decisionTitle: 't', step: 1, answers });
    const avg = find<{ element: { initial_value?: string } }>(workload.blocks, 'avg_write_mbps');
    expect(avg?.element.initial_value).toBe(String(answers.avg_write_mbps));
    const setup = buildQuestionnaireModal({ decisionId: 'd', decisionTitle: 't', step: 2, answers });
    const usage = find<{ element: { initial_options?: { value: string }[] } }>(setup.blocks, 'kafka_usage');
    expect(usage?.element.initial_options?.map((o) => o.value)).toEqual(['clients', 'connect']);
    const where = find<{ element: { initial_option?: { value: string } } }>(setup.blocks, 'where_you_run');
    expect(where?.element.initial_option?.value).toBe(answers.where_you_run);
  });

  it('pre-selects nothing on a fresh step unless the question has a neutral default', () => {
    const view = buildQuestionnaireModal({ decisionId: 'd', decisionTitle: 't', step: 0 });
    for (const block of view.blocks) {
      if (block.type !== 'input') continue;
      const element = (block as unknown as { element: Record<string, unknown> }).element;
      expect(element.initial_option, String(block.block_id)).toBeUndefined();
      expect(element.initial_options, String(block.block_id)).toBeUndefined();
    }
  });

  it('escapes the decision title so it cannot inject mentions or links', () => {
    const view = buildQuestionnaireModal({
      decisionId: 'd',
      decisionTitle: '<!channel> & <https://x|y>',
      step: 0,
    });
    const progress = find<{ elements: { text: string }[] }>(view.blocks, BLOCK_IDS.stepProgress);
    expect(progress?.elements[0]?.text).toContain('&lt;!channel&gt; &amp; &lt;https://x|y&gt;');
  });
});

describe('buildNoticeModal', () => {
  it('is a valid modal with only a Close button', () => {
    const view = buildNoticeModal({
      title: 'A title that is far too long for Slack',
      text: 'x'.repeat(5000),
    });
    expect(checkView(view, 'modal')).toEqual([]);
    expect(view.submit).toBeUndefined();
  });
});
