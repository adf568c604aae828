/**
 * The decision record a closed decision leaves behind, in the shape of an Architecture Decision Record (MADR):
 * context, decision drivers, options considered, outcome, pros and cons per option, participants, date.
 * Pure data and Markdown; the Slack thread shows the same record as Block Kit.
 */
import type { CategoryArgument } from './deliberation.js';
import { escapeMarkup } from './format.js';
import type { TeamVerdict } from './team.js';
import {
  type CategoryResult,
  PLATFORM_LABELS,
  PLATFORMS,
  type Platform,
  type Strength,
  TARGET_LABELS,
} from './types.js';

export interface DecisionRecordInput {
  title: string;
  startedBy: string;
  startedAt: string;
  /** When the record was taken: the closing time. */
  date: string;
  /** Who closed it; absent when the deadline did. */
  closedBy?: string;
  /** Everyone whose finished answers count, by user id. */
  participants: readonly string[];
  /** Absent when nobody finished the questionnaire. */
  team?: TeamVerdict;
  arguments: readonly CategoryArgument[];
}

export interface OptionRecord {
  platform: Platform;
  label: string;
  chosen: boolean;
  pros: string[];
  cons: string[];
}

export interface DecisionRecord {
  title: string;
  /** YYYY-MM-DD */
  date: string;
  status: 'accepted' | 'undecided';
  context: string;
  drivers: string[];
  options: OptionRecord[];
  outcome: string;
  /** Where the team disagreed, with the opposing reasons. */
  disagreements: string[];
  participants: string[];
  startedBy: string;
  closedBy?: string;
}

const STRENGTH: Record<Strength, string> = {
  decisive: 'a decisive lead',
  clear: 'a clear lead',
  slight: 'a slight lead',
  even: 'no real lead',
};

export function decisionRecord(input: DecisionRecordInput): DecisionRecord {
  const { team } = input;
  const verdict = team?.verdict;
  const rows = verdict ? [...verdict.rows, ...verdict.decidingFactors] : [];
  const people = `${input.participants.length} ${input.participants.length === 1 ? 'person' : 'people'}`;
  return {
    title: input.title,
    date: input.date.slice(0, 10),
    status: team ? 'accepted' : 'undecided',
    context:
      `The team needed to choose the backbone of its event-streaming stack for “${input.title}”: ` +
      `self-managed Apache Kafka, Amazon Kinesis Data Streams or Amazon MSK, judged by risk-adjusted total cost ` +
      `of ownership one category at a time. ${people} answered the Stream Verdict questionnaire about the team, ` +
      'the workload and what matters most.',
    drivers: verdict
      ? [
          ...rows
            .filter((row) => row.strength === 'decisive' || row.strength === 'clear')
            .map((row) => `${TARGET_LABELS[row.target]}: ${row.reason}`),
          ...(verdict.override ? [verdict.override.sentence] : []),
          ...verdict.excluded.map((out) => `${PLATFORM_LABELS[out.platform]} is out: ${out.reason}`),
        ]
      : [],
    options: PLATFORMS.map((platform) => ({
      platform,
      label: PLATFORM_LABELS[platform],
      chosen: team?.recommendation === platform,
      pros: rows.filter((row) => row.advantage === platform).map(pro),
      cons: [
        ...(verdict?.excluded ?? [])
          .filter((out) => out.platform === platform)
          .map((out) => `Out of the running: ${out.reason}`),
        ...rows.filter((row) => row.advantage !== platform && row.advantage !== 'even').map(con),
      ],
    })),
    outcome: team && verdict ? outcomeOf(team, rows) : NO_OUTCOME,
    disagreements: input.arguments.map(
      (argument) =>
        `${TARGET_LABELS[argument.target]}: ` +
        argument.camps
          .map(
            (camp) =>
              `${camp.side === 'even' ? 'even' : PLATFORM_LABELS[camp.side]} (${camp.people})` +
              (camp.reason ? ` because ${camp.reason}` : ''),
          )
          .join(' versus '),
    ),
    participants: [...input.participants],
    startedBy: input.startedBy,
    ...(input.closedBy ? { closedBy: input.closedBy } : {}),
  };
}

const NO_OUTCOME =
  'No option chosen yet: a verdict needs at least one finished answer set, and a blind decision shows it only once closed.';

/** "Chosen option: X, because it leads in …", then why the confidence is what it is. */
function outcomeOf(team: TeamVerdict, rows: readonly CategoryResult[]): string {
  const { verdict } = team;
  const won = rows
    .filter((row) => row.advantage === team.recommendation)
    .map((row) => TARGET_LABELS[row.target]);
  const because = verdict.override
    ? verdict.override.sentence
    : won.length > 0
      ? `It leads in ${won.join(', ')}.`
      : 'No category sets it apart; it is ahead on the weighted total.';
  return (
    `Chosen option: ${PLATFORM_LABELS[team.recommendation]}. ${because} ` +
    `Confidence is ${team.confidence}: ${lowerFirst(verdict.confidenceReason)}`
  );
}

function pro(row: CategoryResult): string {
  return `${TARGET_LABELS[row.target]} (${STRENGTH[row.strength]}): ${row.reason}`;
}

function con(row: CategoryResult): string {
  const leader = row.advantage === 'even' ? 'nobody' : PLATFORM_LABELS[row.advantage];
  return `${TARGET_LABELS[row.target]}: ${leader} has ${STRENGTH[row.strength]} (${row.reason})`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The record as a Markdown file; `mention` turns a user id into a name. */
export function recordMarkdown(record: DecisionRecord, mention: (userId: string) => string): string {
  const list = (items: readonly string[], empty: string) =>
    items.length > 0 ? items.map((item) => `* ${item}`).join('\n') : `* ${empty}`;
  const options = record.options.map((option) =>
    [
      `### ${option.label}${option.chosen ? ' (chosen)' : ''}`,
      '',
      ...option.pros.map((item) => `* Good, because ${item}`),
      ...option.cons.map((item) => `* Bad, because ${item}`),
      ...(option.pros.length + option.cons.length === 0 ? ['* No row of the verdict speaks to it'] : []),
    ].join('\n'),
  );
  return [
    `# ${escapeMarkup(record.title)}`,
    '',
    `* Status: ${record.status}`,
    `* Deciders: ${record.participants.map(mention).join(', ') || 'nobody answered'}`,
    `* Date: ${record.date}`,
    '',
    '## Context and Problem Statement',
    '',
    escapeMarkup(record.context),
    '',
    '## Decision Drivers',
    '',
    list(record.drivers, 'No category had a clear lead'),
    '',
    '## Considered Options',
    '',
    list(
      record.options.map((option) => option.label),
      '',
    ),
    '',
    '## Decision Outcome',
    '',
    record.outcome,
    '',
    '### Where the team disagreed',
    '',
    list(record.disagreements, 'Everyone’s answers pointed the same way in every category'),
    '',
    '## Pros and Cons of the Options',
    '',
    options.join('\n\n'),
    '',
    '## Participants',
    '',
    `Started by ${mention(record.startedBy)}; ` +
      (record.closedBy ? `closed by ${mention(record.closedBy)}.` : 'closed at its deadline.'),
    '',
    list(record.participants.map(mention), 'Nobody finished the questionnaire'),
    '',
  ].join('\n');
}
