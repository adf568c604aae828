import { describe, expect, it } from 'vitest';
import { STEPS } from '../../../src/domain/questions.js';
import type { Answers } from '../../../src/domain/types.js';
import { checkView } from '../../../src/emulator/index.js';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS } from '../../../src/slack/ids.js';
import { decodeMetadata } from '../../../src/slack/metadata.js';
import { buildNoticeModal, buildQuestionnaireModal } from '../../../src/slack/views/questionnaire-modal.js';
import { WEB_APP_SHOP_ON_AWS } from '../../domain/fixtures.js';
import { blockById as find } from '../../support/blocks.js';

const longTitle = 'A'.repeat(150);

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
    expect(last.submit?.text).toBe('See the verdict');
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
