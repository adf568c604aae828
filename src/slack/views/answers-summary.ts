import type { KnownBlock, ModalView } from '@slack/types';
import { STEPS } from '../../domain/questions.js';
import type { Answers } from '../../domain/types.js';
import { describeAnswer } from '../../domain/words.js';
import { ACTION_IDS, BLOCK_IDS } from '../ids.js';
import { encodeMetadata } from '../metadata.js';
import { escapeMrkdwn, plain, truncate } from './text.js';

export interface AnswersSummaryInput {
  decisionId: string;
  decisionTitle: string;
  /** The person's own verdict in words (buildOwnVerdictText). */
  verdictText: string;
  /** The person's saved answers, keyed by step id. */
  steps: Record<string, Answers>;
}

/**
 * The modal a finished person ends on, and sees again from the decision message: their own verdict, then what
 * they answered step by step, each step with an Edit button that opens it alone. "Done" closes it.
 */
export function buildAnswersSummaryModal(input: AnswersSummaryInput): ModalView {
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      block_id: BLOCK_IDS.summaryVerdict,
      text: { type: 'mrkdwn', text: truncate(input.verdictText, 3000) },
    },
    { type: 'divider' },
    {
      type: 'header',
      block_id: BLOCK_IDS.summaryHeading,
      text: plain('Edit my answers', 150),
    },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: truncate(
            `Your answers to _${escapeMrkdwn(input.decisionTitle)}_. *Edit* opens one step, here or later from the decision message, until the decision closes; the team verdict changes only when you save it.`,
            3000,
          ),
        },
      ],
    },
    ...STEPS.map(
      (step, index): KnownBlock => ({
        type: 'section',
        block_id: BLOCK_IDS.summaryStep(step.id),
        text: {
          type: 'mrkdwn',
          text: truncate(
            `*${index + 1}. ${step.title}*\n${answersLine(step.questions, input.steps[step.id])}`,
            3000,
          ),
        },
        accessory: {
          type: 'button',
          action_id: ACTION_IDS.questionnaireEditStep,
          text: plain('Edit', 75),
          value: String(index),
          accessibility_label: `Edit step ${index + 1}, ${step.title}`,
        },
      }),
    ),
  ];
  return {
    type: 'modal',
    private_metadata: encodeMetadata({ decisionId: input.decisionId, step: 0 }),
    title: plain('Your verdict', 24),
    close: plain('Done', 24),
    blocks,
  };
}

function answersLine(questions: (typeof STEPS)[number]['questions'], answers: Answers | undefined): string {
  return questions
    .map((question) => escapeMrkdwn(describeAnswer(question.id, answers?.[question.id])))
    .join(' · ');
}
