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
import { roughChoicesOf, roughFieldOf } from '../../domain/figures.js';
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
  /**
   * The person finished before and opened this one step from their summary: saving it saves this step alone
   * and returns to the summary; nothing counts until then.
   */
  editing?: boolean;
}

const MODAL_TITLE = 'Stream Verdict';
/** Up to this many choices show as radio buttons; more become a drop-down. */
const RADIO_LIMIT = 6;

/** What the last step's button does, in full; Slack allows a submit label of 24 characters only. */
export const LAST_STEP_SUBMIT = 'See my verdict';
export const LAST_STEP_SENTENCE =
  '*See my verdict and add it to the team’s:* pressing *See my verdict* shows the verdict your answers point to and adds them to the team verdict in the channel.';
export const EDIT_STEP_SUBMIT = 'Save this step';

function submitLabel(editing: boolean, isLast: boolean): string {
  return editing ? EDIT_STEP_SUBMIT : isLast ? LAST_STEP_SUBMIT : 'Next';
}

/** What the person is told under the step when the store did not answer, true whichever way the save went. */
export function saveProblem(outcome: 'unknown' | 'failed', editing: boolean, isLast: boolean): string {
  const button = submitLabel(editing, isLast);
  return outcome === 'unknown'
    ? `Still saving: my storage is slow to answer. Press “${button}” again in a moment; nothing will be counted twice.`
    : `Couldn’t save your answers just now. Nothing you entered is lost: press “${button}” again in a moment.`;
}

export function buildQuestionnaireModal(input: QuestionnaireModalInput): ModalView {
  const step = STEPS[input.step];
  if (!step) throw new RangeError(`No questionnaire step ${input.step}`);
  const isLast = input.step === STEPS.length - 1;
  const editing = input.editing === true;
  const answers = input.answers ?? {};

  const progress: ContextBlock = {
    type: 'context',
    block_id: BLOCK_IDS.stepProgress,
    elements: [
      {
        type: 'mrkdwn',
        text: truncate(
          editing
            ? `*Editing step ${input.step + 1} of ${STEPS.length}: ${step.title}* · ${escapeMrkdwn(input.decisionTitle)}` +
                ' · _the team verdict changes only when you save this step_'
            : `*Step ${input.step + 1} of ${STEPS.length}: ${step.title}* · ${escapeMrkdwn(input.decisionTitle)}`,
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
    ...step.questions.flatMap((q) => questionBlocks(q, answers[q.id])),
  ];

  if (editing) {
    blocks.push({
      type: 'actions',
      block_id: BLOCK_IDS.questionnaireNav,
      elements: [
        {
          type: 'button',
          action_id: ACTION_IDS.questionnaireSummary,
          text: plain('← Back to my verdict'),
          value: String(input.step),
        },
      ],
    });
  } else {
    if (isLast) {
      blocks.push({
        type: 'section',
        block_id: BLOCK_IDS.stepOutcome,
        text: { type: 'mrkdwn', text: LAST_STEP_SENTENCE },
      });
    }
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
  }

  return {
    type: 'modal',
    callback_id: CALLBACK_IDS.questionnaire,
    private_metadata: encodeMetadata({ decisionId: input.decisionId, step: input.step, editing }),
    title: plain(MODAL_TITLE, 24),
    submit: plain(submitLabel(editing, isLast), 24),
    close: plain(editing ? 'Cancel' : 'Finish later', 24),
    blocks,
  };
}

/** The label of the select beside a number's field. */
export function roughFieldLabel(question: Pick<Question, 'short'>): string {
  return `Not sure of the ${question.short}? Pick a rough range or “Don’t know” instead`;
}

/** A choice question is one input block; a number is its field and, beside it, its rough answer. */
function questionBlocks(question: Question, answer: AnswerValue | undefined): InputBlock[] {
  if (question.kind !== 'number') {
    return [
      {
        type: 'input',
        block_id: question.id,
        optional: question.optional ?? false,
        label: plain(question.prompt, 2000),
        hint: plain(question.help, 2000),
        element: questionElement(question, answer),
      },
    ];
  }
  const choices = roughChoicesOf(question).map((choice) => ({
    text: plain(choice.label, 75),
    value: choice.id,
  }));
  const chosen = choices.find((choice) => choice.value === answer);
  const rough: StaticSelect = {
    type: 'static_select',
    action_id: ACTION_IDS.answer,
    placeholder: plain('A rough range, or “Don’t know”', 150),
    options: choices,
    ...(chosen ? { initial_option: chosen } : {}),
  };
  return [
    {
      type: 'input',
      block_id: question.id,
      // Either this field or the rough answer under it: validation asks for one of the two.
      optional: true,
      label: plain(`${question.prompt} (${question.unit})`, 2000),
      hint: plain(question.help, 2000),
      element: questionElement(question, answer),
    },
    {
      type: 'input',
      block_id: roughFieldOf(question.id),
      optional: true,
      label: plain(roughFieldLabel(question), 2000),
      element: rough,
    },
  ];
}

function questionElement(question: Question, answer: AnswerValue | undefined): InputBlock['element'] {
  switch (question.kind) {
    case 'number': {
      const initial = typeof answer === 'number' ? answer : question.initial;
      const element: NumberInput = {
        type: 'number_input',
        action_id: ACTION_IDS.answer,
        is_decimal_allowed: !question.integer,
        // No min_value or max_value: Slack's own message for them ("Please enter a number greater than or equal
        // to 0.01.") has no unit; validation.ts answers "Enter a number from 0.01 to 100,000 MB/s" under the field.
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
