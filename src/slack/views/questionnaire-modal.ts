import type {
  ActionsBlock,
  Checkboxes,
  ContextBlock,
  InputBlock,
  KnownBlock,
  ModalView,
  NumberInput,
  PlainTextOption,
  RadioButtons,
  SectionBlock,
  StaticSelect,
} from '@slack/types';
import { STEPS } from '../../domain/questions.js';
import type { Answers, AnswerValue, ChoiceOption, Question } from '../../domain/types.js';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS } from '../ids.js';
import { encodeMetadata } from '../metadata.js';
import { escapeMrkdwn, plain, truncate } from './text.js';

export interface QuestionnaireModalInput {
  decisionId: string;
  decisionTitle: string;
  /** Index into STEPS. */
  step: number;
  /** What the person already saved for this step, shown pre-filled. */
  answers?: Answers;
  /** The person finished before and is changing their answers (their one answer set, not a second). */
  editing?: boolean;
}

const MODAL_TITLE = 'Stream Verdict';
/** Up to this many choices show as radio buttons; more become a drop-down. */
const RADIO_LIMIT = 6;

export function buildQuestionnaireModal(input: QuestionnaireModalInput): ModalView {
  const step = STEPS[input.step];
  if (!step) throw new RangeError(`No questionnaire step ${input.step}`);
  const isLast = input.step === STEPS.length - 1;
  const answers = input.answers ?? {};

  const progress: ContextBlock = {
    type: 'context',
    block_id: BLOCK_IDS.stepProgress,
    elements: [
      {
        type: 'mrkdwn',
        text: truncate(
          `*Step ${input.step + 1} of ${STEPS.length}: ${step.title}* · ${escapeMrkdwn(input.decisionTitle)}` +
            (input.editing ? ' · _Editing your answers: each step counts as soon as you save it_' : ''),
          3000,
        ),
      },
    ],
  };
  const intro: SectionBlock = {
    type: 'section',
    block_id: BLOCK_IDS.stepIntro,
    text: { type: 'mrkdwn', text: step.intro },
  };
  const blocks: KnownBlock[] = [
    progress,
    intro,
    ...step.questions.map((q) => questionBlock(q, answers[q.id])),
  ];

  if (input.step > 0) {
    const nav: ActionsBlock = {
      type: 'actions',
      block_id: BLOCK_IDS.questionnaireNav,
      elements: [
        {
          type: 'button',
          action_id: ACTION_IDS.questionnaireBack,
          text: plain('← Back'),
          value: String(input.step - 1),
        },
      ],
    };
    blocks.push(nav);
  }

  return {
    type: 'modal',
    callback_id: CALLBACK_IDS.questionnaire,
    private_metadata: encodeMetadata({ decisionId: input.decisionId, step: input.step }),
    title: plain(MODAL_TITLE, 24),
    submit: plain(isLast ? 'See the verdict' : 'Next', 24),
    close: plain('Finish later', 24),
    blocks,
  };
}

function questionBlock(question: Question, answer: AnswerValue | undefined): InputBlock {
  return {
    type: 'input',
    block_id: question.id,
    optional: question.optional ?? false,
    label: plain(question.prompt, 2000),
    hint: plain(question.help, 2000),
    element: questionElement(question, answer),
  };
}

function questionElement(question: Question, answer: AnswerValue | undefined): InputBlock['element'] {
  switch (question.kind) {
    case 'number': {
      const initial = typeof answer === 'number' ? answer : question.initial;
      const element: NumberInput = {
        type: 'number_input',
        action_id: ACTION_IDS.answer,
        is_decimal_allowed: !question.integer,
        min_value: String(question.min),
        max_value: String(question.max),
        placeholder: plain(question.unit, 150),
        ...(initial === undefined ? {} : { initial_value: String(initial) }),
      };
      return element;
    }
    case 'multi': {
      const chosen = Array.isArray(answer) ? question.options.filter((o) => answer.includes(o.id)) : [];
      const element: Checkboxes = {
        type: 'checkboxes',
        action_id: ACTION_IDS.answer,
        options: question.options.map(toSlackOption),
        ...(chosen.length > 0 ? { initial_options: chosen.map(toSlackOption) } : {}),
      };
      return element;
    }
    case 'single': {
      const chosen = typeof answer === 'string' ? question.options.find((o) => o.id === answer) : undefined;
      const initial = chosen ? { initial_option: toSlackOption(chosen) } : {};
      if (question.options.length <= RADIO_LIMIT) {
        const element: RadioButtons = {
          type: 'radio_buttons',
          action_id: ACTION_IDS.answer,
          options: question.options.map(toSlackOption),
          ...initial,
        };
        return element;
      }
      const element: StaticSelect = {
        type: 'static_select',
        action_id: ACTION_IDS.answer,
        placeholder: plain('Choose one', 150),
        options: question.options.map(toSlackOption),
        ...initial,
      };
      return element;
    }
  }
}

function toSlackOption(option: ChoiceOption): PlainTextOption {
  return { text: plain(option.label, 75), value: option.id };
}

/** A modal that only tells the person something: loading, saved, or what went wrong. */
export function buildNoticeModal(notice: { title: string; text: string }): ModalView {
  return {
    type: 'modal',
    title: plain(notice.title, 24),
    close: plain('Close', 24),
    blocks: [
      {
        type: 'section',
        block_id: BLOCK_IDS.notice,
        text: { type: 'mrkdwn', text: truncate(notice.text, 3000) },
      },
    ],
  };
}
