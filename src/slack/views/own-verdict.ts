import { COST_OPTION_LABELS, shownCost } from '../../domain/cost.js';
import { formatDollars, formatUsd } from '../../domain/format.js';
import type { TeamVerdict } from '../../domain/team.js';
import { PLATFORM_LABELS, type Verdict } from '../../domain/types.js';
import { BLOCK_IDS } from '../ids.js';
import type { SlackMessage } from './decision-message.js';
import { escapeMrkdwn, section, truncate } from './text.js';
import { CONFIDENCE_WORDS, countLabel, figuresWords, flipWords } from './verdict-words.js';

/** What finishing the questionnaire shows: the person's own verdict in their modal, and a note in the thread. */
/** The person's own verdict, for the modal they see when they finish. */
export function buildOwnVerdictText(
  verdict: Verdict,
  channelId: string,
  { blind = false, unsure = false }: { blind?: boolean; unsure?: boolean } = {},
): string {
  const available = (verdict.cost?.options ?? [])
    .flatMap((option) => (option.available ? [option] : []))
    .sort((a, b) => a.totalUsd - b.totalUsd);
  const cheapest = available[0];
  const own = available.find((option) => option.platform === verdict.recommendation);
  const lines = [
    `*Your answers point to ${PLATFORM_LABELS[verdict.recommendation]}* (${CONFIDENCE_WORDS[verdict.confidence]}).` +
      (unsure
        ? ' With this many “Don’t know” or unanswered questions, the team verdict’s *Who picks what* line counts you as not sure.'
        : ''),
    ...(verdict.costSentence ? [escapeMrkdwn(verdict.costSentence)] : []),
    `*What would flip it:* ${flipWords(verdict)}`,
  ];
  const figures = figuresWords(verdict, 'own');
  if (figures) lines.push(figures);
  if (cheapest) {
    const bill = (priced: typeof cheapest) => {
      const shown = shownCost(priced);
      return {
        option: `${COST_OPTION_LABELS[priced.option]} (${escapeMrkdwn(priced.design)})`,
        parts: `${formatDollars(shown.machinesUsd)} machines + ${formatDollars(shown.peopleUsd)} people`,
      };
    };
    const { option, parts } = bill(cheapest);
    // The cost sentence has just given the recommendation's total: its bill is itemised, not said again.
    if (cheapest.platform === verdict.recommendation && verdict.costSentence) {
      lines.push(`*Its bill, by the estimate:* ${option}, the cheapest option: ${parts} a month.`);
    } else {
      // A recommendation that is not the cheapest, with no cost sentence to give its total: its own bill first.
      if (own && own !== cheapest && !verdict.costSentence) {
        const mine = bill(own);
        lines.push(
          `*${PLATFORM_LABELS[verdict.recommendation]}, by the estimate:* ${mine.option}, about ${formatUsd(own.totalUsd)} a month (${mine.parts}).`,
        );
      }
      // The total as the cost sentence rounds it ("$8,600", never "$8,620" beside "$8,600"); the parts as itemised.
      lines.push(
        `*Cheapest all in, by the estimate:* ${option}, about ${formatUsd(cheapest.totalUsd)} a month (${parts}).`,
      );
    }
  }
  // How to edit, and that only a save changes the team verdict, is said once, under the answers below.
  lines.push(
    blind
      ? `The team verdict in <#${channelId}> counts your answers but stays hidden until the decision closes, so no one is swayed early.`
      : `The team verdict in <#${channelId}> now includes your answers, with the full cost table; argue it out in its thread.`,
  );
  return truncate(lines.join('\n'), 3000);
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
  return { text, blocks: [section(BLOCK_IDS.finishedNote, text)] };
}
