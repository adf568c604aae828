/** Words shared by the decision message and the verdict's details. */

import type { CostOption } from '../../domain/cost-model.js';
import { figureLines, figureSummary } from '../../domain/figures.js';
import { ALL_QUESTIONS } from '../../domain/questions.js';
import type { Confidence, Platform, Strength, Verdict } from '../../domain/types.js';
import { listed } from '../../domain/words.js';
import { escapeMrkdwn, mention } from './text.js';

/**
 * The workload figures nobody gave exactly, or undefined when every figure was given: one line each in Details
 * and the person's own verdict ('team' mentions people, 'own' speaks to the person), one line per kind in the
 * channel message ('compact'), which must fit one screen. The lines are the app's own words and Slack user
 * ids, so there is nothing to escape.
 */
export function figuresWords(verdict: Verdict, audience: 'team' | 'compact' | 'own'): string | undefined {
  const notes = verdict.figures ?? [];
  const lines =
    audience === 'compact'
      ? figureSummary(notes, mention)
      : figureLines(notes, audience === 'team' ? mention : undefined);
  if (lines.length === 0) return undefined;
  const heading = audience === 'own' ? 'Figures you did not give exactly' : 'Figures nobody gave exactly';
  return `*${heading}:*\n${lines.map((line) => `• ${line}`).join('\n')}`;
}

export const SHORT_NAMES: Record<Platform | 'even', string> = {
  kafka: 'Kafka',
  kinesis: 'Kinesis',
  msk: 'MSK',
  even: 'Even',
};

/** A priced option in a word or two, where the design beside it says the rest: "MSK Serverless $3,100 (8 partitions)". */
export const OPTION_SHORT_NAMES: Record<CostOption, string> = {
  kinesis_provisioned: 'Kinesis',
  kinesis_on_demand: 'Kinesis on-demand',
  kinesis_advantage: 'Kinesis Advantage',
  msk_provisioned: 'MSK',
  msk_express: 'MSK Express',
  msk_serverless: 'MSK Serverless',
  kafka_ec2: 'Kafka',
};

export const STRENGTH_WORDS: Record<Strength, string> = {
  only: 'the only option left',
  decisive: 'decisive lead',
  clear: 'clear lead',
  slight: 'slight lead',
  even: 'no real difference',
};

export const CONFIDENCE_WORDS: Record<Confidence, string> = {
  high: 'high confidence',
  medium: 'medium confidence',
  low: 'low confidence',
};

export function flipWords(verdict: Verdict): string {
  if (verdict.flip) return escapeMrkdwn(verdict.flip.sentence);
  // A workload figure nobody knows leaves the verdict without a machine bill: finding it out may still change it.
  const unknown = (verdict.figures ?? []).flatMap((figure) =>
    figure.basis === 'unknown'
      ? (ALL_QUESTIONS.find((question) => question.id === figure.questionId)?.short ?? [])
      : [],
  );
  if (unknown.length === 0) {
    return 'nothing the team could change or find out, in one or two answers, would change this verdict.';
  }
  return (
    'nothing the team could change, in one or two answers, would change this verdict as it stands; ' +
    `finding out the ${escapeMrkdwn(listed(unknown))} might, since the machine bill waits on it.`
  );
}

export function splitLabel(counts: Record<Platform | 'even', number>): string {
  return (Object.entries(counts) as [Platform | 'even', number][])
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([name, count]) => `${SHORT_NAMES[name]} ${count}`)
    .join(' · ');
}

export function countLabel(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
