import { UTCDate } from '@date-fns/utc';
import type { ActionsBlock, Button, KnownBlock, SectionBlock } from '@slack/types';
import { format } from 'date-fns';
import type { Decision } from '../../domain/decision.js';
import { type CategoryArgument, campReason } from '../../domain/deliberation.js';
import type { TeamVerdict } from '../../domain/team.js';
import { dayIn, UTC } from '../../domain/time-zone.js';
import { PLATFORM_LABELS, TARGET_LABELS } from '../../domain/types.js';
import { ACTION_IDS, BLOCK_IDS } from '../ids.js';
import { escapeMrkdwn, plain, section, slackDateTime, truncate } from './text.js';
import { splitLabel } from './verdict-words.js';

/**
 * The parts of the decision message that make it a deliberation: its state (deadline, blind, closed), the
 * buttons for answering and closing, and the opposing reasons where the team is most divided.
 */

/** Extra words for the decision message's context line: deadline, blind mode, who closed it. */
export function statusWords(decision: Decision): string {
  const words: string[] = [];
  if (decision.closed) {
    const by = decision.closed.by ? `by <@${decision.closed.by}>` : 'at its deadline';
    words.push(`*Closed* ${by} ${slackDateTime(decision.closed.at)}`);
  } else if (decision.decideBy) {
    words.push(`Decide by ${deadlineWords(decision.decideBy, decision)}`);
  }
  if (decision.blind) words.push(decision.closed ? 'was blind' : 'blind: results hidden until it closes');
  return words.map((word) => ` · ${word}`).join('');
}

/**
 * One message for everyone, so one button serves both first answers and edits: the modal opens pre-filled for
 * someone who already answered.
 */
export function decisionControls(decision: Decision): ActionsBlock {
  const details: Button = {
    type: 'button',
    action_id: ACTION_IDS.verdictDetails,
    text: plain('Details', 75),
    value: decision.decisionId,
  };
  const elements: Button[] = decision.closed
    ? [
        {
          type: 'button',
          action_id: ACTION_IDS.reopenDecision,
          text: plain('Reopen', 75),
          value: decision.decisionId,
        },
        details,
      ]
    : [
        {
          type: 'button',
          action_id: ACTION_IDS.answerQuestionnaire,
          style: 'primary',
          text: plain('Answer or edit my answers', 75),
          value: decision.decisionId,
        },
        {
          type: 'button',
          action_id: ACTION_IDS.closeDecision,
          text: plain('Close the decision', 75),
          value: decision.decisionId,
          confirm: {
            title: plain('Close the decision?', 100),
            text: plain(
              'Answers stop here and the decision record is posted in the thread. You can reopen it later.',
              300,
            ),
            confirm: plain('Close it', 30),
            deny: plain('Not yet', 30),
          },
        },
        details,
      ];
  return { type: 'actions', block_id: BLOCK_IDS.decisionActions, elements };
}

export function blindSummary(answered: number): SectionBlock {
  return section(
    BLOCK_IDS.verdictBlind,
    `:see_no_evil: *Blind mode:* ${answered} ${answered === 1 ? 'person has' : 'people have'} finished. ` +
      'The verdict and how the team splits stay hidden until the decision closes, so early answers do not sway later ones.',
  );
}

/** "Argue about these", then each divided category with its two largest camps' reasons side by side. */
export function argueBlocks(team: TeamVerdict, opposing: readonly CategoryArgument[]): KnownBlock[] {
  if (team.mostDivided.length === 0) return [];
  const names = team.mostDivided.map((target) => TARGET_LABELS[target]).join(', ');
  const splits = new Map(team.splits.map((split) => [split.target, split.counts]));
  const blocks: KnownBlock[] = [
    section(BLOCK_IDS.verdictTeam, `*Argue about these:* ${names}: the team is most divided here.`),
  ];
  for (const argument of opposing) {
    const counts = splits.get(argument.target);
    blocks.push({
      type: 'section',
      block_id: BLOCK_IDS.verdictArgue(argument.target),
      text: {
        type: 'mrkdwn',
        text: truncate(`*${TARGET_LABELS[argument.target]}* · ${counts ? splitLabel(counts) : ''}`, 3000),
      },
      fields: argument.camps.map((camp) => ({
        type: 'mrkdwn' as const,
        text: truncate(
          `*${camp.side === 'even' ? 'No real difference' : PLATFORM_LABELS[camp.side]}* (${camp.people})` +
            `${camp.out ? ' · out of the running for the team' : ''}\n` +
            `_${escapeMrkdwn(campReason(camp))}_`,
          2000,
        ),
      })),
    });
  }
  return blocks;
}

/**
 * The deadline as each reader's Slack shows it, then the day and zone it was set in, since the day typed is
 * where the person who typed it lives: "<date> (the end of 27 Nov 2026, America/Los_Angeles)".
 */
export function deadlineWords(
  decideBy: string,
  decision: Pick<Decision, 'createdBy' | 'decideByZone'>,
): string {
  const zone = decision.decideByZone ?? { name: UTC, fromProfile: true };
  const typed = format(new UTCDate(`${dayIn(new Date(decideBy), zone.name)}T00:00:00Z`), 'd MMM yyyy');
  const where = zone.fromProfile
    ? zone.name
    : `UTC, as Slack did not tell me <@${decision.createdBy}>’s time zone`;
  return `${slackDateTime(decideBy)} (the end of ${typed}, ${where})`;
}
