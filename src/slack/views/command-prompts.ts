import type { KnownBlock } from '@slack/types';
import { ACTION_IDS, BLOCK_IDS } from '../ids.js';
import { escapeMrkdwn, plain, section, truncate } from './text.js';

/** Questions the slash command asks back before doing something the person may not have meant. */

export interface Prompt {
  text: string;
  blocks: KnownBlock[];
}

/** A button's value holds at most 2,000 characters; a title is far shorter, options included. */
const VALUE_MAX = 2000;

/** "Did you mean `export`?", with a button that starts a decision titled with what was typed after all. */
export function buildDidYouMean(input: { command: string; suggestion: string; typed: string }): Prompt {
  const text = `Did you mean \`${input.command} ${input.suggestion}\`? Run it again as that, or start a decision titled “${escapeMrkdwn(input.typed)}” after all.`;
  return {
    text,
    blocks: [
      section(BLOCK_IDS.commandPrompt, text),
      {
        type: 'actions',
        block_id: BLOCK_IDS.commandPromptActions,
        elements: [
          {
            type: 'button',
            action_id: ACTION_IDS.startDecisionAnyway,
            text: plain(truncate(`Start “${input.typed}”`, 75)),
            value: truncate(input.typed, VALUE_MAX),
          },
        ],
      },
    ],
  };
}

/** `forget me` asks first: it cannot be undone. */
export function buildForgetMeConfirmation(): Prompt {
  const text =
    'This removes your answers from every decision in this workspace and updates their verdicts. It cannot be undone.';
  return {
    text,
    blocks: [
      section(BLOCK_IDS.commandPrompt, `${text} Go ahead?`),
      {
        type: 'actions',
        block_id: BLOCK_IDS.commandPromptActions,
        elements: [
          {
            type: 'button',
            action_id: ACTION_IDS.confirmForgetMe,
            text: plain('Forget my answers'),
            style: 'danger',
            value: 'forget_me',
          },
        ],
      },
    ],
  };
}
