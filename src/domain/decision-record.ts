/**
 * The decision record a decision leaves behind, in the shape of an Architecture Decision Record (MADR):
 * context, decision drivers, options considered, outcome, the monthly cost and its assumptions, pros and cons
 * per option, participants, date. While the decision is open the record is a proposal; once closed it is
 * accepted, with who closed it and when. Pure data and Markdown; the Slack thread shows the same record as
 * Block Kit.
 */
import { COST_OPTION_LABELS, type CostOption, type PricedOption, shownCost } from './cost.js';
import type { CategoryArgument } from './deliberation.js';
import { type DisputedFact, disputeSentence } from './disputes.js';
import { figureLines } from './figures.js';
import { escapeMarkup, formatDollars } from './format.js';
import type { TeamVerdict } from './team.js';
import { formatInZone, UTC } from './time-zone.js';
import {
  type CategoryResult,
  type FigureNote,
  PLATFORM_LABELS,
  PLATFORMS,
  type Platform,
  type Strength,
  TARGET_LABELS,
} from './types.js';
import { groupedBy, lowerFirst, outSentences } from './words.js';

export interface DecisionRecordInput {
  title: string;
  startedBy: string;
  startedAt: string;
  /** When the record is taken (ISO 8601): the closing time of a closed decision, now for an open one. */
  takenAt: string;
  /** Set once the decision is closed; absent `by` means its deadline closed it. */
  closed?: { at: string; by?: string };
  /** Everyone whose finished answers count, by user id. */
  participants: readonly string[];
  /** Absent when nobody finished the questionnaire (or a blind decision is still open). */
  team?: TeamVerdict;
  arguments: readonly CategoryArgument[];
}

export interface OptionRecord {
  platform: Platform;
  label: string;
  /** The team verdict's option: proposed while open, chosen once closed. */
  chosen: boolean;
  pros: string[];
  cons: string[];
}

/** One priced way of running the stream, with figures that add up as shown. */
export interface CostLine {
  option: CostOption;
  label: string;
  platform: Platform;
  design: string;
  machinesUsd: number;
  peopleUsd: number;
  totalUsd: number;
}

export interface RecordCosts {
  lines: CostLine[];
  /** Options that cannot serve the workload, with why. */
  /** Options that cannot serve the workload or are ruled out, those sharing a reason together. */
  unavailable: { labels: [string, ...string[]]; reason: string }[];
  assumptions: string[];
  /** "Prices as of 2026-11, us-east-1; an engineer costs $200,000 a year." */
  basis: string;
}

/**
 * MADR's statuses: *proposed* while the team can still answer, *accepted* once closed with a verdict;
 * *undecided* when it closed with nobody's finished answers.
 */
export type RecordStatus = 'proposed' | 'accepted' | 'undecided';

export interface DecisionRecord {
  title: string;
  status: RecordStatus;
  /** ISO 8601: when it closed, or when this record of an open decision was taken. */
  date: string;
  closed?: { at: string; by?: string };
  context: string;
  drivers: string[];
  options: OptionRecord[];
  outcome: string;
  /** Absent until someone answered the workload numbers. */
  costs?: RecordCosts;
  /** Workload figures nobody gave exactly: what the cost assumed for them, and who said so. */
  figures: FigureNote[];
  /** Where the team disagreed, with the opposing reasons. */
  disagreements: string[];
  /**
   * Facts the team's answers still disagreed on when the record was taken: a decision closed with them open was
   * taken on the stricter side of each, and the record keeps what settling each would have changed.
   */
  unsettled: DisputedFact[];
  participants: string[];
  startedBy: string;
}

const STRENGTH: Record<Strength, string> = {
  only: 'the only option left',
  decisive: 'a decisive lead',
  clear: 'a clear lead',
  slight: 'a slight lead',
  even: 'no real lead',
};

/**
 * A lead this strong for another option counts against an option; a slight one is no argument, and a row left to
 * one option by the hard limits says no more than the limits themselves.
 */
const CON_STRENGTHS: ReadonlySet<Strength> = new Set(['decisive', 'clear']);

export function decisionRecord(input: DecisionRecordInput): DecisionRecord {
  const { team } = input;
  const verdict = team?.verdict;
  const rows = verdict ? [...verdict.rows, ...verdict.decidingFactors] : [];
  const people = `${input.participants.length} ${input.participants.length === 1 ? 'person' : 'people'}`;
  const costs = verdict?.cost ? recordCosts(verdict.cost) : undefined;
  const status: RecordStatus = !input.closed ? 'proposed' : team ? 'accepted' : 'undecided';
  const out = new Set(verdict?.excluded.map((excluded) => excluded.platform));
  return {
    title: input.title,
    status,
    date: input.closed?.at ?? input.takenAt,
    ...(input.closed ? { closed: { ...input.closed } } : {}),
    context:
      `The team needed to choose the backbone of its event-streaming stack for “${input.title}”: ` +
      `self-managed Apache Kafka, Amazon Kinesis Data Streams or Amazon MSK, judged by risk-adjusted total cost ` +
      `of ownership one category at a time. ${people} answered the Stream Verdict questionnaire about the team, ` +
      'the workload and what matters most.',
    drivers: verdict
      ? [
          ...rows
            .filter((row) => CON_STRENGTHS.has(row.strength))
            .map((row) => `${TARGET_LABELS[row.target]}: ${row.reason}`),
          ...(verdict.override ? [verdict.override.sentence] : []),
          ...(verdict.discountNote ? [verdict.discountNote] : []),
          ...outSentences(verdict.excluded),
        ]
      : [],
    options: PLATFORMS.map((platform) => ({
      platform,
      label: PLATFORM_LABELS[platform],
      chosen: team?.recommendation === platform,
      pros: [
        ...rows.filter((row) => row.advantage === platform).map(pro),
        ...rows.flatMap((row) => runnerUp(row, platform, out)),
        ...(costs ? costPros(costs.lines, platform) : []),
      ],
      cons: [
        ...(verdict?.excluded ?? [])
          .filter((out) => out.platform === platform)
          .map((out) => `Out of the running: ${out.reason}`),
        ...rows
          .filter(
            (row) =>
              row.advantage !== platform && row.advantage !== 'even' && CON_STRENGTHS.has(row.strength),
          )
          .map(con),
        ...(costs ? costCons(costs.lines, platform) : []),
      ],
    })),
    outcome: team && verdict ? outcomeOf(team, rows, status) : NO_OUTCOME,
    ...(costs ? { costs } : {}),
    figures: verdict?.figures ?? [],
    disagreements: input.arguments.map(
      (argument) =>
        `${TARGET_LABELS[argument.target]}: ` +
        argument.camps
          .map(
            (camp) =>
              `${camp.side === 'even' ? 'even' : PLATFORM_LABELS[camp.side]} (${camp.people}${camp.out ? ', out of the running' : ''})` +
              (camp.reason ? ` because ${camp.reason}` : ''),
          )
          .join(' versus '),
    ),
    unsettled: team ? [...team.disputes] : [],
    participants: [...input.participants],
    startedBy: input.startedBy,
  };
}

const NO_OUTCOME =
  'No option chosen yet: a verdict needs at least one finished answer set, and a blind decision shows it only once closed.';

function recordCosts(cost: NonNullable<TeamVerdict['verdict']['cost']>): RecordCosts {
  const lines = cost.options
    .filter((option): option is PricedOption => option.available)
    .map((option) => {
      const shown = shownCost(option);
      return {
        option: option.option,
        label: COST_OPTION_LABELS[option.option],
        platform: option.platform,
        design: option.design,
        machinesUsd: shown.machinesUsd,
        peopleUsd: shown.peopleUsd,
        totalUsd: shown.totalUsd,
      };
    });
  return {
    lines,
    // The three Kinesis options a hard limit rules out share its reason: said once, not three times.
    unavailable: groupedBy(
      cost.options.flatMap((option) => (option.available ? [] : [option])),
      (option) => option.reason,
    ).map(({ key, items }) => ({
      labels: items.map((option) => COST_OPTION_LABELS[option.option]) as [string, ...string[]],
      reason: key,
    })),
    assumptions: [...cost.assumptions],
    basis:
      `Prices as of ${cost.pricesAsOf}, ${cost.region}; an engineer costs ${formatDollars(cost.engineerYearlyUsd)} a year` +
      (cost.lowConfidence.length > 0 ? `; low-confidence prices: ${cost.lowConfidence.join(', ')}` : '') +
      '.',
  };
}

/** Each platform's cheapest priced option, by the total as shown. */
function cheapestPerPlatform(lines: readonly CostLine[]): Map<Platform, CostLine> {
  const cheapest = new Map<Platform, CostLine>();
  for (const line of lines) {
    const known = cheapest.get(line.platform);
    if (!known || line.totalUsd < known.totalUsd) cheapest.set(line.platform, line);
  }
  return cheapest;
}

function cheapestOverall(lines: readonly CostLine[]): CostLine | undefined {
  return [...cheapestPerPlatform(lines).values()].sort((a, b) => a.totalUsd - b.totalUsd)[0];
}

function costPros(lines: readonly CostLine[], platform: Platform): string[] {
  const own = cheapestPerPlatform(lines).get(platform);
  const lowest = cheapestOverall(lines);
  if (!own || !lowest || own.totalUsd > lowest.totalUsd) return [];
  return [`Monthly cost: the lowest all in, ${totalWords(own)}`];
}

function costCons(lines: readonly CostLine[], platform: Platform): string[] {
  const own = cheapestPerPlatform(lines).get(platform);
  const lowest = cheapestOverall(lines);
  if (!own || !lowest || own.totalUsd <= lowest.totalUsd) return [];
  return [
    `Monthly cost: ${formatDollars(own.totalUsd - lowest.totalUsd)} more than ${lowest.label}, ${totalWords(own)}`,
  ];
}

function totalWords(line: CostLine): string {
  return (
    `${formatDollars(line.totalUsd)} a month (${formatDollars(line.machinesUsd)} machines + ` +
    `${formatDollars(line.peopleUsd)} people, ${line.label}: ${line.design})`
  );
}

/** "Chosen option: X, because it leads in …" (proposed while open), then why the confidence is what it is. */
function outcomeOf(team: TeamVerdict, rows: readonly CategoryResult[], status: RecordStatus): string {
  const { verdict } = team;
  const won = rows
    .filter((row) => row.advantage === team.recommendation)
    .map((row) => TARGET_LABELS[row.target]);
  const because = verdict.override
    ? verdict.override.sentence
    : won.length > 0
      ? `It leads in ${won.join(', ')}.`
      : 'No category sets it apart; it is ahead on the weighted total.';
  const chosen =
    status === 'proposed'
      ? `Proposed option, while the decision is open: ${PLATFORM_LABELS[team.recommendation]}.`
      : `Chosen option: ${PLATFORM_LABELS[team.recommendation]}.`;
  return `${chosen} ${because} Confidence is ${team.confidence}: ${lowerFirst(verdict.confidenceReason)}`;
}

function pro(row: CategoryResult): string {
  return `${TARGET_LABELS[row.target]} (${STRENGTH[row.strength]}): ${row.reason}`;
}

/**
 * An option second in a row, ahead of the one in third place: the in-between option (often MSK) is argued for
 * by what it beats, not only against by what beats it.
 */
function runnerUp(row: CategoryResult, platform: Platform, out: ReadonlySet<Platform>): string[] {
  if (row.advantage === 'even' || row.advantage === platform || out.has(platform)) return [];
  const ranked = PLATFORMS.filter((candidate) => !out.has(candidate)).sort(
    (a, b) => row.scores[b] - row.scores[a],
  );
  const [, second, third] = ranked;
  if (second !== platform || third === undefined || row.scores[platform] <= row.scores[third]) return [];
  return [
    `${TARGET_LABELS[row.target]}: second, ahead of ${PLATFORM_LABELS[third]} (${PLATFORM_LABELS[row.advantage]} leads)`,
  ];
}

function con(row: CategoryResult): string {
  const leader = row.advantage === 'even' ? 'nobody' : PLATFORM_LABELS[row.advantage];
  return `${TARGET_LABELS[row.target]}: ${leader} has ${STRENGTH[row.strength]} (${row.reason})`;
}

/** "accepted, closed by Alice on 2026-11-24 16:30 UTC"; the file is read outside Slack, so its zone is explicit. */
function statusLine(record: DecisionRecord, name: (userId: string) => string): string {
  const when = formatInZone(new Date(record.date), UTC);
  if (!record.closed) return `${record.status} (the decision is still open; recorded ${when})`;
  const by = record.closed.by ? `closed by ${name(record.closed.by)}` : 'closed at its deadline';
  return `${record.status}, ${by} on ${when}${unsettledNote(record)}`;
}

/** "; 2 facts were still disputed (see Decision Outcome)", or nothing when the answers agreed on every fact. */
function unsettledNote(record: DecisionRecord): string {
  const count = record.unsettled.length;
  if (count === 0) return '';
  return `; ${count === 1 ? '1 fact was' : `${count} facts were`} still disputed (see Decision Outcome)`;
}

/**
 * Each fact still disputed, by name: "need for the Kafka API: Bob must speak Kafka; …". `name` writes a person and
 * `words` escapes the rest, for the surface the record goes to (the Markdown file, the thread).
 */
export function unsettledLines(
  record: DecisionRecord,
  name: (userId: string) => string,
  words: (text: string) => string = (text) => text,
): string[] {
  return record.unsettled.map(
    (dispute) => `${words(dispute.short)}: ${disputeSentence(dispute, { name, words })}`,
  );
}

/** The heading over the facts still disputed: to settle while open, left unsettled once closed. */
export function unsettledHeading(record: DecisionRecord): string {
  return record.closed ? 'Facts not settled when it closed' : 'Facts to settle';
}

/** The record as a Markdown file; `name` turns a user id into the person's display name. */
export function recordMarkdown(record: DecisionRecord, name: (userId: string) => string): string {
  const list = (items: readonly string[], empty: string) =>
    items.length > 0 ? items.map((item) => `* ${item}`).join('\n') : `* ${empty}`;
  const marker = record.status === 'proposed' ? ' (proposed)' : ' (chosen)';
  const options = record.options.map((option) =>
    [
      `### ${option.label}${option.chosen ? marker : ''}`,
      '',
      ...option.pros.map((item) => `* Good, because ${item}`),
      ...option.cons.map((item) => `* Bad, because ${item}`),
      ...(option.pros.length + option.cons.length === 0 ? ['* No row of the verdict speaks to it'] : []),
    ].join('\n'),
  );
  return [
    `# ${escapeMarkup(record.title)}`,
    '',
    `* Status: ${statusLine(record, name)}`,
    `* Deciders: ${record.participants.map(name).join(', ') || 'nobody answered'}`,
    `* Date: ${formatInZone(new Date(record.date), UTC)}`,
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
    ...(record.unsettled.length > 0
      ? [`### ${unsettledHeading(record)}`, '', list(unsettledLines(record, name), ''), '']
      : []),
    '### Monthly cost',
    '',
    ...(record.costs ? costMarkdown(record.costs) : [noEstimate(record)]),
    ...(record.figures.length > 0
      ? [
          '',
          'Figures nobody gave exactly:',
          '',
          ...figureLines(record.figures, name).map((line) => `* ${line}`),
        ]
      : []),
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
    `Started by ${name(record.startedBy)}; ` +
      (record.closed
        ? record.closed.by
          ? `closed by ${name(record.closed.by)}.`
          : 'closed at its deadline.'
        : 'still open.'),
    '',
    list(record.participants.map(name), 'Nobody finished the questionnaire'),
    '',
  ].join('\n');
}

/** Why there is no cost table: nobody gave the numbers, or some figure nobody knew. */
export function noEstimate(record: Pick<DecisionRecord, 'figures'>): string {
  return record.figures.some((figure) => figure.basis === 'unknown')
    ? 'No estimate: a workload figure nobody knew cannot be priced (below).'
    : 'No estimate: nobody has answered the workload numbers yet.';
}

/** "Kinesis, provisioned shards · Kinesis, on-demand are out: …"; `words` escapes the reason for its surface. */
export function unavailableLines(
  costs: Pick<RecordCosts, 'unavailable'>,
  words: (text: string) => string = (text) => text,
): string[] {
  return costs.unavailable.map(
    ({ labels, reason }) =>
      `${labels.join(' · ')} ${labels.length === 1 ? 'is' : 'are'} out: ${words(reason)}`,
  );
}

/** The cost table (machines + people = total, as shown), what is out and why, and the assumptions. */
function costMarkdown(costs: RecordCosts): string[] {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return [
    '| Option | Design | Machines | People | Total a month |',
    '|---|---|---:|---:|---:|',
    ...costs.lines.map(
      (line) =>
        `| ${line.label} | ${cell(line.design)} | ${formatDollars(line.machinesUsd)} | ${formatDollars(line.peopleUsd)} | ${formatDollars(line.totalUsd)} |`,
    ),
    ...(costs.unavailable.length > 0 ? ['', ...unavailableLines(costs).map((line) => `* ${line}`)] : []),
    '',
    'Assumptions:',
    '',
    ...costs.assumptions.map((assumption) => `* ${assumption}`),
    `* ${costs.basis}`,
  ];
}
