import type { HomeView, KnownBlock } from '@slack/types';
import { formatDistanceStrict } from 'date-fns';
import type { Decision } from '../../domain/decision.js';
import { ACTION_IDS, BLOCK_IDS } from '../ids.js';
import { escapeMrkdwn, plain, truncate } from './text.js';

export interface HomeEntry {
  decision: Decision;
  /** A link to the decision message, when there is one. */
  link?: string;
}

/** Slack allows 100 blocks in a Home tab; two per decision and a header stay far below. */
export const HOME_DECISIONS_SHOWN = 20;

/** The App Home tab: the decisions this person started or answered, newest first, with status and deadline. */
export function buildHomeView(input: { userId: string; entries: readonly HomeEntry[]; now: Date }): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', block_id: BLOCK_IDS.homeHeader, text: plain('Your decisions', 150) },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'Decisions you started or answered. Start one in any channel with `/stream-verdict`; `/stream-verdict help` lists the rest.',
        },
      ],
    },
  ];
  if (input.entries.length === 0) {
    blocks.push({
      type: 'section',
      block_id: BLOCK_IDS.homeEmpty,
      text: { type: 'mrkdwn', text: '_Nothing yet: decisions you start or answer appear here._' },
    });
  }
  for (const { decision, link } of input.entries.slice(0, HOME_DECISIONS_SHOWN)) {
    const role = decision.createdBy === input.userId ? 'You started it' : 'You answered';
    const title = escapeMrkdwn(decision.title);
    blocks.push({ type: 'divider' });
    blocks.push({
      type: 'section',
      block_id: BLOCK_IDS.homeDecision(decision.decisionId),
      text: {
        type: 'mrkdwn',
        text: truncate(
          `*${title}*\n${statusOf(decision, input.now)} · in <#${decision.channelId}> · ${role}`,
          3000,
        ),
      },
      ...(link
        ? {
            accessory: {
              type: 'button' as const,
              action_id: ACTION_IDS.homeOpenDecision,
              text: plain('Open', 75),
              url: link,
              value: decision.decisionId,
            },
          }
        : {}),
    });
  }
  return { type: 'home', blocks };
}

function statusOf(decision: Decision, now: Date): string {
  if (decision.closed)
    return `:lock: Closed ${decision.closed.by ? 'by its creator or an admin' : 'at its deadline'}`;
  if (!decision.decideBy) return ':large_green_circle: Open, no deadline';
  const deadline = new Date(decision.decideBy);
  if (deadline <= now) return ':hourglass: Closing now';
  // Whole days left, as people count them: two and a half days is "closes in 2 days".
  return `:large_green_circle: Open, closes in ${formatDistanceStrict(deadline, now, { roundingMethod: 'floor' })}`;
}
