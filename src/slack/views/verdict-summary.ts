import type { KnownBlock } from '@slack/types';
import type { CostEstimate, OptionCost } from '../../domain/cost.js';
import { hasArgument } from '../../domain/decision.js';
import { type CategoryArgument, campReason } from '../../domain/deliberation.js';
import { disputeSentence } from '../../domain/disputes.js';
import { named } from '../../domain/figures.js';
import { formatAmount, formatNumber, formatUsd } from '../../domain/format.js';
import { ALL_QUESTIONS } from '../../domain/questions.js';
import type { TeamVerdict } from '../../domain/team.js';
import { PLATFORM_LABELS, type Platform, TARGET_LABELS } from '../../domain/types.js';
import { outSentences } from '../../domain/words.js';
import { BLOCK_IDS, VERDICT_BLOCK_IDS } from '../ids.js';
import { escapeMrkdwn, mention, section, truncate } from './text.js';
import {
  CONFIDENCE_WORDS,
  countLabel,
  figuresWords,
  flipWords,
  OPTION_SHORT_NAMES,
  SHORT_NAMES,
  splitLabel,
} from './verdict-words.js';

/** People named in the picks line before "and N more": enough for a team, short enough for a screen (with room
 * for the argument to say which camps argue for a platform that is out). */
const NAMED_PICKS = 10;
/** Disputed facts and divided categories shown in the message; the rest are in Details. */
const SHOWN_DISPUTES = 2;
const SHOWN_ARGUMENTS = 2;
const SHOWN_OPTIONS = 3;

/**
 * The verdict as the channel sees it, on one screen: the verdict and its one-line reason, the cost of the top
 * options, who picks what, the facts to settle, the two things to argue about and what would flip it. Every row
 * with its evidence, the split per category and the cost table are one click away (Details).
 */
export function verdictBlocks(team: TeamVerdict, opposing: readonly CategoryArgument[]): KnownBlock[] {
  const { verdict } = team;
  const blocks: KnownBlock[] = [{ type: 'divider' }];
  const headline =
    `*Verdict: ${PLATFORM_LABELS[team.recommendation]}* · ${CONFIDENCE_WORDS[team.confidence]}` +
    (team.split ? ' · _the team is split_' : '');
  blocks.push(
    section(
      BLOCK_IDS.verdictSummary,
      `${headline}\n${escapeMrkdwn(oneLineReason(team))}\n_${escapeMrkdwn(verdict.confidenceReason)}_`,
    ),
  );
  const settle = settleLines(team);
  if (settle.length > 0) blocks.push(section(VERDICT_BLOCK_IDS.settle, settle.join('\n')));
  if (verdict.cost) blocks.push(section(VERDICT_BLOCK_IDS.cost, costSummary(team, verdict.cost)));
  const figures = figuresWords(verdict, 'compact');
  if (figures) blocks.push(section(VERDICT_BLOCK_IDS.figures, figures));
  if (hasArgument(team)) blocks.push(section(VERDICT_BLOCK_IDS.picks, picksLine(team)));
  const argue = argueLine(team, opposing);
  if (argue) blocks.push(section(BLOCK_IDS.verdictTeam, argue));
  blocks.push(section(VERDICT_BLOCK_IDS.flip, `*What would flip it:* ${flipWords(verdict)}`));
  blocks.push({
    type: 'context',
    block_id: BLOCK_IDS.verdictFooter,
    elements: [
      {
        type: 'mrkdwn',
        text: `From ${countLabel(team.respondents, 'finished answer set')}. *Details* has every row with its evidence and the full cost table; argue it out in the thread.`,
      },
    ],
  });
  return blocks;
}

/** The cost gap when it speaks, else what a deciding factor or a hard limit decided, else the strongest row. */
function oneLineReason(team: TeamVerdict): string {
  const { verdict } = team;
  if (verdict.override) return verdict.override.sentence;
  if (verdict.costSentence) return verdict.costSentence;
  if (verdict.excluded.length > 0) return `${outSentences(verdict.excluded).join('; ')}.`;
  const order = { only: 0, decisive: 1, clear: 2, slight: 3, even: 4 } as const;
  const best = [...verdict.rows]
    .filter((row) => row.advantage === team.recommendation)
    .sort((a, b) => order[a.strength] - order[b.strength])[0];
  return best ? `${TARGET_LABELS[best.target]}: ${best.reason}.` : 'The rows are close; see Details.';
}

/** The facts the team disagrees on, by name, the ones that rule a platform out first. */
function settleLines(team: TeamVerdict): string[] {
  // The channel names a number's two ends; Details adds the answer it is priced at between them.
  const lines = team.disputes.slice(0, SHOWN_DISPUTES).map((dispute) => disputeLine(dispute, true));
  const more = team.disputes.length - SHOWN_DISPUTES;
  if (more > 0) lines.push(`_…and ${countLabel(more, 'more fact')} to settle in Details._`);
  return lines.filter((line) => line.length > 0);
}

/** One fact to settle: who says what, what it rules out, and the verdict were it settled the other way. */
export function disputeLine(dispute: TeamVerdict['disputes'][number], ends = false): string {
  const sentence = disputeSentence(dispute, { name: mention, words: escapeMrkdwn, ends });
  return sentence && `:warning: *Settle first — ${escapeMrkdwn(dispute.short)}:* ${sentence}.`;
}

function people(userIds: readonly string[], shown = 3): string {
  return named(userIds, mention, shown);
}

/** The monthly total of the cheapest options, one per platform, and the workload they were priced at. */
function costSummary(team: TeamVerdict, cost: CostEstimate): string {
  const best = new Map<Platform, OptionCost & { available: true }>();
  for (const option of cost.options) {
    if (!option.available) continue;
    const known = best.get(option.platform);
    if (!known || option.totalUsd < known.totalUsd) best.set(option.platform, option);
  }
  const options = [...best.values()].sort((a, b) => a.totalUsd - b.totalUsd).slice(0, SHOWN_OPTIONS);
  const parts = options.map((option) => {
    // Rounded as the cost sentence rounds it: "$1,700" beside "costs about $1,700", never "$1,686". Details itemises.
    const marker = option.platform === team.recommendation ? '*' : '';
    return `${marker}${OPTION_SHORT_NAMES[option.option]} ${formatUsd(option.totalUsd)}${marker} (${escapeMrkdwn(option.design)})`;
  });
  const ends = team.rangeEnds && [formatUsd(team.rangeEnds.lowUsd), formatUsd(team.rangeEnds.highUsd)];
  const top =
    ends && ends[0] !== ends[1]
      ? ` · ${PLATFORM_LABELS[team.recommendation]} from about ${ends[0]} to ${ends[1]} across the team’s range`
      : '';
  const spread = team.ranges.filter((range) => range.min !== range.max);
  const ranges = spread.map((range) => {
    // The figure priced, not "the median": of two answers it is the larger, which a reader would not guess. A
    // peak figure below the average figure is priced at the average, which nobody may have given as a peak.
    // A range reaching a larger unit says each figure with its unit ("1 KB–3 MiB (priced at 1 KB)"), never
    // "1–3,072 KB (priced at 1)".
    const question = ALL_QUESTIONS.find((candidate) => candidate.id === range.questionId);
    const large = question?.kind === 'number' && question.largeUnit && range.max >= question.largeUnit.size;
    const figure = (value: number) =>
      large && question ? formatAmount(value, question) : formatNumber(value);
    const span = large
      ? `${figure(range.min)}–${figure(range.max)}`
      : `${formatNumber(range.min)}–${formatNumber(range.max)} ${range.unit}`;
    const priced = `priced at ${figure(range.pricedAt)}${range.asAverage ? ', the average' : ''}`;
    return `${escapeMrkdwn(range.short)} ${span} (${priced})${range.wide ? ' :warning:' : ''}`;
  });
  // The mark's meaning said once, not after each of up to five numbers.
  const legend = spread.some((range) => range.wide) ? ' (:warning: over 3× apart)' : '';
  return (
    `*A month, machines and people:* ${parts.join(' · ')}${top}` +
    (ranges.length > 0 ? `\n*The team’s numbers:* ${ranges.join(' · ')}${legend}` : '')
  );
}

/** "Kinesis: @Alice, @Bob · MSK: @Carol · not sure: @Dan", the largest camp first. */
function picksLine(team: TeamVerdict): string {
  const camps = new Map<string, string[]>();
  for (const { userId, pick } of team.picks) {
    const camp = camps.get(pick);
    if (camp) camp.push(userId);
    else camps.set(pick, [userId]);
  }
  let named = 0;
  const parts = [...camps.entries()]
    .sort(([a, x], [b, y]) =>
      a === 'unsure' ? 1 : b === 'unsure' ? -1 : y.length - x.length || a.localeCompare(b),
    )
    .map(([pick, ids]) => {
      const room = Math.max(0, NAMED_PICKS - named);
      named += Math.min(room, ids.length);
      const label = pick === 'unsure' ? 'not sure' : SHORT_NAMES[pick as Platform];
      return `${label} (${ids.length}): ${room === 0 ? '…' : people(ids, room)}`;
    });
  return `*Who picks what:* ${parts.join(' · ')}`;
}

/** A camp's reason in the channel message, at most. */
const REASON_CHARS = 120;

/** The two most divided categories with the reasons on each side, in one line each. */
function argueLine(team: TeamVerdict, opposing: readonly CategoryArgument[]): string | undefined {
  if (!hasArgument(team) || team.mostDivided.length === 0) return undefined;
  if (opposing.length === 0) {
    const names = team.mostDivided.slice(0, SHOWN_ARGUMENTS).map((target) => TARGET_LABELS[target]);
    return `*Argue about these:* ${names.join(', ')}: the team is most divided here.`;
  }
  const splits = new Map(team.splits.map((split) => [split.target, split.counts]));
  const lines = opposing.slice(0, SHOWN_ARGUMENTS).map((argument) => {
    const counts = splits.get(argument.target);
    const sides = argument.camps
      .map((camp) => {
        // A camp for a platform the team's answers rule out says so, in room taken from its reason: the line
        // stays as long as before.
        const out = camp.out ? ' (out)' : '';
        const side = camp.side === 'even' ? 'no difference' : `${SHORT_NAMES[camp.side]}${out}`;
        return `${side}: _${escapeMrkdwn(truncate(campReason(camp), REASON_CHARS - out.length))}_`;
      })
      .join(' vs ');
    return `• *${TARGET_LABELS[argument.target]}* (${counts ? splitLabel(counts) : ''}) ${sides}`;
  });
  return `*Argue about these:*\n${lines.join('\n')}`;
}
