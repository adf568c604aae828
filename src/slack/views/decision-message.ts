import type { ContextBlock, HeaderBlock, KnownBlock } from '@slack/types';
import type { Decision } from '../../domain/decision.js';
import type { CategoryArgument } from '../../domain/deliberation.js';
import type { TeamVerdict } from '../../domain/team.js';
import { PLATFORM_LABELS } from '../../domain/types.js';
import { BLOCK_IDS } from '../ids.js';
import { blindSummary, decisionControls, statusWords } from './deliberation.js';
import { escapeMrkdwn, plain, section, slackDateTime } from './text.js';
import { verdictBlocks } from './verdict-summary.js';
import { CONFIDENCE_WORDS, countLabel } from './verdict-words.js';

export interface DecisionMessageInput {
  decision: Decision;
  /** The verdict over every finished answer set; absent until someone finishes. */
  team?: TeamVerdict;
  /** People who started the questionnaire but have not finished it. */
  inProgress: number;
  /** Finished answer sets, for a blind decision whose verdict is not shown yet. */
  answered?: number;
  /** The opposing reasons in the most divided categories. */
  arguments?: readonly CategoryArgument[];
}

export interface SlackMessage {
  /** Fallback for notifications and screen readers. */
  text: string;
  blocks: KnownBlock[];
}

export function buildDecisionMessage(input: DecisionMessageInput): SlackMessage {
  const { decision, team } = input;
  const header: HeaderBlock = {
    type: 'header',
    block_id: BLOCK_IDS.decisionHeader,
    text: plain(decision.title, 150),
  };
  const finished = team?.respondents ?? input.answered ?? 0;
  const context: ContextBlock = {
    type: 'context',
    block_id: BLOCK_IDS.decisionContext,
    elements: [
      {
        type: 'mrkdwn',
        text:
          `Kafka, Kinesis or MSK? Started by <@${decision.createdBy}> ${slackDateTime(decision.createdAt)}` +
          ` · ${countLabel(finished, 'answer set')}` +
          (input.inProgress > 0 ? ` · ${input.inProgress} in progress` : '') +
          statusWords(decision),
      },
    ],
  };
  const blocks: KnownBlock[] = [header, context, decisionControls(decision)];
  if (!team && finished > 0 && decision.blind) {
    blocks.push(blindSummary(finished));
    return {
      text: `Kafka, Kinesis or MSK? ${escapeMrkdwn(decision.title)}: ${countLabel(finished, 'answer set')}`,
      blocks,
    };
  }
  if (!team) {
    blocks.push(
      section(
        BLOCK_IDS.verdictSummary,
        '_No verdict yet: it appears here as soon as someone finishes the questionnaire (about five minutes)._',
      ),
    );
    return { text: `Kafka, Kinesis or MSK? ${escapeMrkdwn(decision.title)}`, blocks };
  }

  blocks.push(...verdictBlocks(team, input.arguments ?? []));
  return {
    text: `${escapeMrkdwn(decision.title)}: the verdict so far is ${PLATFORM_LABELS[team.recommendation]} (${CONFIDENCE_WORDS[team.confidence]}, ${countLabel(finished, 'answer set')})`,
    blocks,
  };
}
