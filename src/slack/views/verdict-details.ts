/**
 * The verdict's details, one click from the decision message: every row with its evidence and how the team
 * splits, what is out of the running, the argument, and the cost table with each design and its assumptions.
 */
import type { ContextBlock, KnownBlock, ModalView, SectionBlock } from '@slack/types';
import { format, parseISO } from 'date-fns';
import { COST_OPTION_LABELS, type CostEstimate, type OptionCost, shownCost } from '../../domain/cost.js';
import { hasArgument } from '../../domain/decision.js';
import type { CategoryArgument } from '../../domain/deliberation.js';
import { formatDollars, formatNumber } from '../../domain/format.js';
import type { TeamVerdict } from '../../domain/team.js';
import { type CategoryResult, PLATFORM_LABELS, type Platform, TARGET_LABELS } from '../../domain/types.js';
import { groupedBy } from '../../domain/words.js';
import { BLOCK_IDS, CALLBACK_IDS, VERDICT_BLOCK_IDS } from '../ids.js';
import { argueBlocks } from './deliberation.js';
import { escapeMrkdwn, plain, section, truncate } from './text.js';
import { disputeLine } from './verdict-summary.js';
import {
  CONFIDENCE_WORDS,
  countLabel,
  figuresWords,
  flipWords,
  SHORT_NAMES,
  STRENGTH_WORDS,
  splitLabel,
} from './verdict-words.js';

/** Slack keeps a modal to 100 blocks. */
const MODAL_BLOCK_LIMIT = 100;

export function buildVerdictDetailsModal(input: {
  title: string;
  team: TeamVerdict;
  arguments: readonly CategoryArgument[];
}): ModalView {
  const blocks: KnownBlock[] = [
    section(BLOCK_IDS.notice, `*${escapeMrkdwn(truncate(input.title, 200))}*`),
    ...verdictDetailBlocks(input.team, input.arguments),
  ];
  return {
    type: 'modal',
    callback_id: CALLBACK_IDS.verdictDetails,
    title: plain('Verdict details', 24),
    close: plain('Close', 24),
    blocks: blocks.slice(0, MODAL_BLOCK_LIMIT),
  };
}

/** The full breakdown: every row with its evidence and the team's split, what is out, the flip, the argument, the costs. */
export function verdictDetailBlocks(team: TeamVerdict, opposing: readonly CategoryArgument[]): KnownBlock[] {
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
    const lines = groupedBy(verdict.excluded, (x) => x.reason).map(
      ({ key, items }) =>
        `${items.map((x) => `~${PLATFORM_LABELS[x.platform]}~`).join(' and ')} ${items.length > 1 ? 'are' : 'is'} out: ${escapeMrkdwn(key)}`,
    );
    blocks.push(section(BLOCK_IDS.verdictExcluded, `*Out of the running*\n${lines.join('\n')}`));
  }

  // Every fact to settle: the channel message names the first two and sends the reader here for the rest.
  if (team.disputes.length > 0) {
    blocks.push(
      section(
        BLOCK_IDS.verdictSettle,
        `*Facts to settle*\n${team.disputes.map((dispute) => disputeLine(dispute)).join('\n')}`,
      ),
    );
  }
  const splits = new Map(team.splits.map((split) => [split.target, split.counts]));
  if (hasArgument(team)) {
    // A row can lead decisively for MSK while its people split 1–1: say which is which before the first row.
    blocks.push({
      type: 'context',
      block_id: BLOCK_IDS.verdictRowsNote,
      elements: [
        {
          type: 'mrkdwn',
          text: 'Each row weighs everyone’s answers together; *person by person* counts whose own answers lean which way.',
        },
      ],
    });
  }
  // The Kafka experience's discount of the managed services' head start, once, not in each row it touches.
  if (verdict.discountNote) {
    blocks.push({
      type: 'context',
      block_id: BLOCK_IDS.verdictDiscount,
      elements: [{ type: 'mrkdwn', text: escapeMrkdwn(verdict.discountNote) }],
    });
  }
  // Rows that say the same thing in the same words (every row the hard limits leave to one option) are one block,
  // not the limit's sentence five times over.
  const rows = [...verdict.rows, ...verdict.decidingFactors].map((row) => ({
    row,
    body: rowBody(row, hasArgument(team) ? splits.get(row.target as never) : undefined),
  }));
  for (const { items } of groupedBy(rows, ({ row, body }) =>
    row.strength === 'only' ? `${row.advantage}\n${body}` : row.target,
  )) {
    blocks.push(rowBlock(items));
  }
  blocks.push(section(VERDICT_BLOCK_IDS.flip, `*What would flip it:* ${flipWords(verdict)}`));

  if (hasArgument(team)) blocks.push(...argueBlocks(team, opposing));
  const figures = figuresWords(verdict, 'team');
  if (figures) blocks.push(section(VERDICT_BLOCK_IDS.figures, figures));
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

/** Rows sharing one body, named together: "*Performance · Setup (people)*: Kafka · the only option left". */
function rowBlock(
  rows: readonly [{ row: CategoryResult; body: string }, ...{ row: CategoryResult }[]],
): SectionBlock {
  const [{ row, body }] = rows;
  const names = `*${rows.map((each) => TARGET_LABELS[each.row.target]).join(' · ')}*`;
  const lead =
    row.advantage === 'even'
      ? `${names}: even`
      : `${names}: ${SHORT_NAMES[row.advantage]} · ${STRENGTH_WORDS[row.strength]}`;
  return section(BLOCK_IDS.verdictRow(row.target), `${lead}\n${body}`);
}

/** A row's reason, the answers behind it and, for a team, how its people split. */
function rowBody(row: CategoryResult, split: Record<Platform | 'even', number> | undefined): string {
  const lines = [`_${escapeMrkdwn(row.reason)}_`, escapeMrkdwn(fromWords(row))];
  if (split) lines.push(`Person by person: ${splitLabel(split)}`);
  return lines.join('\n');
}

/** The answers behind a row, or, for a row no answer moved, what it rests on instead. */
function fromWords(row: CategoryResult): string {
  return row.from.length > 0
    ? `From: ${row.from.join('; ')}`
    : 'From: no answer moved this row; it rests on what holds for every team';
}

/**
 * The monthly cost per option, machines and people side by side, then the assumptions, the date of the prices
 * and which of them are low-confidence.
 */
function costBlocks(cost: CostEstimate, recommendation: Platform): KnownBlock[] {
  const asOf = format(parseISO(cost.pricesAsOf), 'd MMM yyyy');
  // The verdict's own design: the recommended platform's option with the lowest monthly total.
  const chosen = cost.options
    .flatMap((option) => (option.available && option.platform === recommendation ? [option] : []))
    .sort((a, b) => a.totalUsd - b.totalUsd)[0]?.option;
  // Options out for one reason are one line: six options behind "you do not run on AWS" were six.
  const lines = groupedBy(cost.options, (option) =>
    option.available ? option.option : `out\n${option.reason}`,
  ).map(({ items: [first, ...rest] }) => {
    if (first.available) return costLine(first, first.option === chosen);
    // " · " between names that hold commas of their own ("Kinesis, on-demand").
    const names = [first, ...rest].map((option) => `~${COST_OPTION_LABELS[option.option]}~`).join(' · ');
    return `• ${names} out: ${escapeMrkdwn(first.reason)}`;
  });
  const table = section(
    VERDICT_BLOCK_IDS.cost,
    `*Monthly cost estimate* (machines at list prices as of ${asOf}, ${escapeMrkdwn(cost.region)}; people beside them)\n${lines.join('\n')}`,
  );
  const designNotes = [...new Set(cost.options.flatMap((option) => (option.available ? option.notes : [])))];
  const notes = [
    ...cost.assumptions,
    ...(designNotes.length > 0 ? [`${designNotes.join('. ')}.`] : []),
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

function costLine(option: OptionCost & { available: true }, isTheVerdict: boolean): string {
  const name = COST_OPTION_LABELS[option.option];
  const marker = isTheVerdict ? ' ← the verdict' : '';
  const shown = shownCost(option);
  return (
    `• ${name} (${escapeMrkdwn(option.design)}): machines ${formatDollars(shown.machinesUsd)} + people ` +
    `${formatDollars(shown.peopleUsd)} (${engineers(option.peopleFte)}) = *${formatDollars(shown.totalUsd)} a month*; ` +
    `setup about ${countLabel(option.setupWeeks, 'engineer-week')}${marker}`
  );
}

/**
 * The engineers' time as the people figure prices it (to a hundredth), so the two agree: "$6,000 (0.36 engineers)"
 * at $200,000 a year, where "0.4 engineers" would be $6,667.
 */
function engineers(fte: number): string {
  return `${formatNumber(fte)} ${fte === 1 ? 'engineer' : 'engineers'}`;
}
