import type { HeaderBlock, KnownBlock } from '@slack/types';
import {
  type DecisionRecord,
  noEstimate,
  unavailableLines,
  unsettledHeading,
  unsettledLines,
} from '../../domain/decision-record.js';
import { figureLines } from '../../domain/figures.js';
import { formatDollars } from '../../domain/format.js';
import { BLOCK_IDS } from '../ids.js';
import type { SlackMessage } from './decision-message.js';
import { escapeMrkdwn, mention, plain, section, slackDateTime, truncate } from './text.js';

/** Beyond this many, the thread names the first participants and counts the rest (the file names everyone). */
const PARTICIPANTS_SHOWN = 40;

/** The decision record as it is posted in the decision's thread when the decision closes. */
export function buildRecordMessage(record: DecisionRecord): SlackMessage {
  const header: HeaderBlock = {
    type: 'header',
    block_id: BLOCK_IDS.recordHeader,
    text: plain(`Decision record: ${record.title}`, 150),
  };
  const list = (items: readonly string[], empty: string) =>
    items.length > 0 ? items.map((item) => `• ${escapeMrkdwn(item)}`).join('\n') : `_${empty}_`;
  const shown = record.participants.slice(0, PARTICIPANTS_SHOWN).map(mention);
  const more = record.participants.length - shown.length;
  const when = slackDateTime(record.date);
  const status = !record.closed
    ? `*Status:* proposed: the decision is still open · recorded ${when}`
    : `*Status:* ${record.status} · ${record.closed.by ? `closed by <@${record.closed.by}>` : 'closed at its deadline'} ${when}` +
      (record.unsettled.length > 0
        ? ` · :warning: ${record.unsettled.length === 1 ? '1 fact' : `${record.unsettled.length} facts`} still disputed (below)`
        : '');
  const blocks: KnownBlock[] = [
    header,
    section(BLOCK_IDS.recordStatus, status),
    section(BLOCK_IDS.recordContext, `*Context and problem statement*\n${escapeMrkdwn(record.context)}`),
    section(
      BLOCK_IDS.recordDrivers,
      `*Decision drivers*\n${list(record.drivers, 'No category had a clear lead')}`,
    ),
    section(
      BLOCK_IDS.recordOptions,
      `*Considered options*\n${record.options.map((option) => `• ${option.label}`).join('\n')}`,
    ),
    section(BLOCK_IDS.recordOutcome, `*Decision outcome*\n${escapeMrkdwn(record.outcome)}`),
    ...(record.unsettled.length > 0
      ? [
          section(
            BLOCK_IDS.recordUnsettled,
            `*${unsettledHeading(record)}*\n${unsettledLines(record, mention, escapeMrkdwn)
              .map((line) => `:warning: ${line}`)
              .join('\n')}`,
          ),
        ]
      : []),
    section(BLOCK_IDS.recordCosts, costText(record)),
    section(
      BLOCK_IDS.recordDisagreements,
      `*Where the team disagreed*\n${list(record.disagreements, 'Everyone’s answers pointed the same way')}`,
    ),
    ...record.options.map((option) =>
      section(
        BLOCK_IDS.recordOption(option.platform),
        `*${option.label}${option.chosen ? (record.closed ? ' (chosen)' : ' (proposed)') : ''}*\n` +
          [
            ...option.pros.map((item) => `:white_check_mark: ${escapeMrkdwn(item)}`),
            ...option.cons.map((item) => `:x: ${escapeMrkdwn(item)}`),
          ].join('\n'),
      ),
    ),
    section(
      BLOCK_IDS.recordParticipants,
      `*Participants* (${record.participants.length}), started by <@${record.startedBy}>\n` +
        (shown.length > 0 ? shown.join(', ') : '_Nobody finished the questionnaire_') +
        (more > 0 ? ` and ${more} more (all are named in \`/stream-verdict export\`)` : ''),
    ),
  ];
  return {
    text: truncate(escapeMrkdwn(`Decision record: ${record.title}. ${record.outcome}`), 3000),
    blocks,
  };
}

/** Every priced option's month (machines + people = total, as the parts are shown), then the assumptions. */
function costText(record: DecisionRecord): string {
  const { costs } = record;
  const figures = figureLines(record.figures, mention).map((line) => `• ${line}`);
  const assumed = figures.length > 0 ? `\n*Figures nobody gave exactly:*\n${figures.join('\n')}` : '';
  if (!costs) return `*Monthly cost*\n_${noEstimate(record)}_${assumed}`;
  return (
    [
      '*Monthly cost*',
      ...costs.lines.map(
        (line) =>
          `• ${line.label} (${escapeMrkdwn(line.design)}): ${formatDollars(line.machinesUsd)} machines + ` +
          `${formatDollars(line.peopleUsd)} people = *${formatDollars(line.totalUsd)}*`,
      ),
      ...unavailableLines(costs, escapeMrkdwn).map((line) => `• ${line}`),
      '_Assumptions:_',
      ...[...costs.assumptions, costs.basis].map((assumption) => `• ${escapeMrkdwn(assumption)}`),
    ].join('\n') + assumed
  );
}
