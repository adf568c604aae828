import { UTCDate } from '@date-fns/utc';
import type { ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import { format, parseISO } from 'date-fns';
import { COST_OPTION_LABELS, type CostEstimate, type OptionCost, shownCost } from '../../domain/cost.js';
import type { CategoryArgument } from '../../domain/deliberation.js';
import { formatDollars, formatNumber } from '../../domain/format.js';
import type { TeamVerdict } from '../../domain/team.js';
import {
  type CategoryResult,
  type Confidence,
  PLATFORM_LABELS,
  type Platform,
  type Strength,
  TARGET_LABELS,
  type Verdict,
} from '../../domain/types.js';
import type { Decision } from '../../store/port.js';
import { BLOCK_IDS } from '../ids.js';
import { argueBlocks, blindSummary, decisionControls, statusWords } from './deliberation.js';
import { escapeMrkdwn, plain, section, truncate } from './text.js';

/** Blocks of the verdict that only this builder makes; tests find them by these ids. */
export const VERDICT_BLOCK_IDS = {
  flip: 'verdict_flip',
  cost: 'verdict_cost',
  costNotes: 'verdict_cost_notes',
  costGap: 'verdict_cost_gap',
} as const;

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

const SHORT_NAMES: Record<Platform | 'even', string> = {
  kafka: 'Kafka',
  kinesis: 'Kinesis',
  msk: 'MSK',
  even: 'Even',
};
const STRENGTH_WORDS: Record<Strength, string> = {
  decisive: 'decisive lead',
  clear: 'clear lead',
  slight: 'slight lead',
  even: 'no real difference',
};
const CONFIDENCE_WORDS: Record<Confidence, string> = {
  high: 'high confidence',
  medium: 'medium confidence',
  low: 'low confidence',
};

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
          `Kafka, Kinesis or MSK? Started by <@${decision.createdBy}> on ${format(new UTCDate(decision.createdAt), 'd MMM yyyy')}` +
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
      text: `Kafka, Kinesis or MSK? ${decision.title}: ${countLabel(finished, 'answer set')}`,
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
    return { text: `Kafka, Kinesis or MSK? ${decision.title}`, blocks };
  }

  blocks.push(...verdictBlocks(team, input.arguments ?? []));
  return {
    text: `${decision.title}: the verdict so far is ${PLATFORM_LABELS[team.recommendation]} (${CONFIDENCE_WORDS[team.confidence]}, ${countLabel(finished, 'answer set')})`,
    blocks,
  };
}

function verdictBlocks(team: TeamVerdict, opposing: readonly CategoryArgument[]): KnownBlock[] {
  const { verdict } = team;
  const blocks: KnownBlock[] = [{ type: 'divider' }];
  blocks.push(
    section(
      BLOCK_IDS.verdictSummary,
      `*Verdict: ${PLATFORM_LABELS[team.recommendation]}* · ${CONFIDENCE_WORDS[team.confidence]}\n${escapeMrkdwn(verdict.confidenceReason)}`,
    ),
  );
  if (verdict.costSentence) {
    blocks.push(section(VERDICT_BLOCK_IDS.costGap, `:moneybag: ${escapeMrkdwn(verdict.costSentence)}`));
  }
  if (verdict.override) {
    blocks.push(section(BLOCK_IDS.verdictOverride, `:warning: ${escapeMrkdwn(verdict.override.sentence)}`));
  }
  if (verdict.excluded.length > 0) {
    const lines = verdict.excluded.map((x) => `~${PLATFORM_LABELS[x.platform]}~ ${escapeMrkdwn(x.reason)}`);
    blocks.push(section(BLOCK_IDS.verdictExcluded, `*Out of the running*\n${lines.join('\n')}`));
  }

  const splits = new Map(team.splits.map((split) => [split.target, split.counts]));
  for (const row of [...verdict.rows, ...verdict.decidingFactors]) {
    blocks.push(rowBlock(row, team.respondents > 1 ? splits.get(row.target as never) : undefined));
  }
  blocks.push(section(VERDICT_BLOCK_IDS.flip, `*What would flip it:* ${flipWords(verdict)}`));

  if (team.respondents > 1) blocks.push(...argueBlocks(team, opposing));
  if (verdict.cost) blocks.push(...costBlocks(verdict.cost, team.recommendation));
  blocks.push({
    type: 'context',
    block_id: BLOCK_IDS.verdictFooter,
    elements: [
      {
        type: 'mrkdwn',
        text: `From ${countLabel(team.respondents, 'finished answer set')}. Discuss it in the thread; your own answers can change it.`,
      },
    ],
  });
  return blocks;
}

function rowBlock(row: CategoryResult, split: Record<Platform | 'even', number> | undefined): SectionBlock {
  const lead =
    row.advantage === 'even'
      ? `*${TARGET_LABELS[row.target]}*: even`
      : `*${TARGET_LABELS[row.target]}*: ${SHORT_NAMES[row.advantage]} · ${STRENGTH_WORDS[row.strength]}`;
  const lines = [lead, `_${escapeMrkdwn(row.reason)}_`, escapeMrkdwn(fromWords(row))];
  if (split) lines.push(`Team: ${splitLabel(split)}`);
  return section(BLOCK_IDS.verdictRow(row.target), lines.join('\n'));
}

/** The answers behind a row, or, for a row no answer moved, what it rests on instead. */
function fromWords(row: CategoryResult): string {
  return row.from.length > 0
    ? `From: ${row.from.join('; ')}`
    : 'From: no answer moved this row; it rests on what holds for every team';
}

function flipWords(verdict: Verdict): string {
  return verdict.flip
    ? escapeMrkdwn(verdict.flip.sentence)
    : 'nothing the team could change or find out, in one or two answers, would change this verdict.';
}

/**
 * The monthly cost per option, machines and people side by side, then the assumptions, the date of the prices
 * and which of them are low-confidence.
 */
function costBlocks(cost: CostEstimate, recommendation: Platform): KnownBlock[] {
  const asOf = format(parseISO(cost.pricesAsOf), 'd MMM yyyy');
  const lines = cost.options.map((option) => costLine(option, recommendation));
  const table = section(
    VERDICT_BLOCK_IDS.cost,
    `*Monthly cost estimate* (machines at list prices as of ${asOf}, ${escapeMrkdwn(cost.region)}; people beside them)\n${lines.join('\n')}`,
  );
  const designNotes = [...new Set(cost.options.flatMap((option) => (option.available ? option.notes : [])))];
  const notes = [
    ...cost.assumptions,
    ...(designNotes.length > 0 ? [designNotes.join('. ')] : []),
    cost.lowConfidence.length > 0
      ? `Low-confidence prices: ${cost.lowConfidence.join(', ')}`
      : 'No low-confidence prices were needed',
  ];
  const context: ContextBlock = {
    type: 'context',
    block_id: VERDICT_BLOCK_IDS.costNotes,
    elements: notes
      .slice(0, 10)
      .map((note) => ({ type: 'mrkdwn', text: truncate(escapeMrkdwn(note), 3000) })),
  };
  return [table, context];
}

function costLine(option: OptionCost, recommendation: Platform): string {
  const name = COST_OPTION_LABELS[option.option];
  if (!option.available) return `• ~${name}~ out: ${escapeMrkdwn(option.reason)}`;
  const marker = option.platform === recommendation ? ' ← the verdict' : '';
  const shown = shownCost(option);
  return (
    `• ${name} (${escapeMrkdwn(option.design)}): machines ${formatDollars(shown.machinesUsd)} + people ` +
    `${formatDollars(shown.peopleUsd)} (${engineers(option.peopleFte)}) = *${formatDollars(shown.totalUsd)} a month*; ` +
    `setup about ${countLabel(option.setupWeeks, 'engineer-week')}${marker}`
  );
}

function engineers(fte: number): string {
  const shown = fte < 0.1 ? formatNumber(fte) : formatNumber(Math.round(fte * 10) / 10);
  return `${shown} ${fte === 1 ? 'engineer' : 'engineers'}`;
}

/** The person's own verdict, for the modal they see when they finish. */
export function buildOwnVerdictText(verdict: Verdict, channelId: string, blind = false): string {
  const cheapest = verdict.cost?.options
    .flatMap((option) => (option.available ? [option] : []))
    .sort((a, b) => a.totalUsd - b.totalUsd)[0];
  const lines = [
    `*Your answers point to ${PLATFORM_LABELS[verdict.recommendation]}* (${CONFIDENCE_WORDS[verdict.confidence]}).`,
    ...(verdict.costSentence ? [escapeMrkdwn(verdict.costSentence)] : []),
    `*What would flip it:* ${flipWords(verdict)}`,
  ];
  if (cheapest) {
    const shown = shownCost(cheapest);
    lines.push(
      `*Cheapest all in, by the estimate:* ${COST_OPTION_LABELS[cheapest.option]} (${escapeMrkdwn(cheapest.design)}), ` +
        `about ${formatDollars(shown.totalUsd)} a month (${formatDollars(shown.machinesUsd)} machines + ${formatDollars(shown.peopleUsd)} people).`,
    );
  }
  lines.push(
    blind
      ? `The team verdict in <#${channelId}> counts your answers but stays hidden until the decision closes, so no one is swayed early. ` +
          'You can change your answers from the decision message until then.'
      : `The team verdict in <#${channelId}> now includes your answers, with the full cost table; argue it out in its thread. ` +
          'You can change your answers from the decision message at any time.',
  );
  return truncate(lines.join('\n'), 3000);
}

export function splitLabel(counts: Record<Platform | 'even', number>): string {
  return (Object.entries(counts) as [Platform | 'even', number][])
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([name, count]) => `${SHORT_NAMES[name]} ${count}`)
    .join(' · ');
}

function countLabel(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The short note in the decision's thread when someone finishes (or changes) their answers. */
export function buildFinishedNote(input: {
  userId: string;
  again: boolean;
  team?: TeamVerdict;
}): SlackMessage {
  const what = input.again ? 'changed their answers' : 'finished the questionnaire';
  const text = input.team
    ? `<@${input.userId}> ${what}. Verdict now: *${PLATFORM_LABELS[input.team.recommendation]}* ` +
      `(${CONFIDENCE_WORDS[input.team.confidence]}, ${countLabel(input.team.respondents, 'answer set')}).`
    : `<@${input.userId}> ${what}. The decision message above counts their answers.`;
  return { text, blocks: [section('finished_note', text)] };
}
