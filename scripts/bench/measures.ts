import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import type { Decision } from '../../src/domain/decision.js';
import { argumentsFrom } from '../../src/domain/deliberation.js';
import { newDecisionId } from '../../src/domain/ids.js';
import { PersonEvidenceCache } from '../../src/domain/person.js';
import { STEPS } from '../../src/domain/questions.js';
import { DEFAULT_COST_SETTINGS, teamVerdictOf } from '../../src/domain/team.js';
import { buildDecisionMessage } from '../../src/slack/views/decision-message.js';
import { encodeStep } from '../../src/store/answer-codec.js';
import { mergedAnswers, type Respondent } from './answers.js';
import { percentile } from './load.js';

/** Slack-shaped ids of realistic length, so keys and values weigh what they will in production. */
export const userIdFor = (index: number) => `U0${String(index).padStart(9, '0')}`;

export function benchDecision(decisionId = newDecisionId()): Decision {
  return {
    teamId: 'T0001',
    decisionId,
    channelId: 'C0BENCH',
    createdBy: userIdFor(0),
    title: 'Event bus for the billing rewrite',
    createdAt: new Date().toISOString(),
    message: { channel: 'C0BENCH', ts: '1700000000.000100' },
  };
}

/** How many respondents the team verdict is timed for. */
export const TEAM_VERDICT_RESPONDENTS = 300;

export interface Timing {
  medianMs: number;
  p95Ms: number;
  runs: number;
}

export interface TeamVerdictTimings {
  /** Every person scored: the first publish after a start, or on an instance that never published it. */
  cold: Timing;
  /** One person's answers changed since the last publish and the others' scores are reused: a publish's usual cost. */
  onePersonChanged: Timing;
}

/**
 * The team verdict as publishing it computes it (src/slack/flows/publish.ts), for `respondents.length` people: each
 * answer set scored or taken from the process's cache, aggregated with what would flip it, the argument camps,
 * and the decision message built. Pure CPU, timed in this process once it is warm.
 */
export function timeTeamVerdict(respondents: readonly Respondent[], runs = 60): TeamVerdictTimings {
  const decision = benchDecision();
  const scope = `${decision.teamId}:${decision.decisionId}`;
  // As the Redis store reads them back: with a version, its encoding of the steps (redis-answers.ts).
  const sets = respondents.map((respondent, index) => ({
    userId: userIdFor(index),
    answers: mergedAnswers(respondent),
    version: STEPS.map((step, at) => encodeStep(step.id, respondent.answers[at] ?? {})).join('\u0002'),
  }));
  const publish = (cache: PersonEvidenceCache, people: typeof sets) => {
    const scored = cache.scoreAll(scope, people, DEFAULT_COST_SETTINGS);
    const team = teamVerdictOf(scored, DEFAULT_COST_SETTINGS);
    return buildDecisionMessage({
      decision,
      team,
      inProgress: 0,
      answered: scored.length,
      arguments: argumentsFrom(scored, team),
    });
  };
  const cold = timed(runs, () => publish(new PersonEvidenceCache(), sets));
  const cache = new PersonEvidenceCache();
  publish(cache, sets);
  // Each run one person (a different one each time) swaps answers with a neighbour: re-scored, the rest reused.
  const onePersonChanged = timed(runs, (run) => {
    const changed = run % sets.length;
    const other = sets[(changed + 1) % sets.length];
    return publish(
      cache,
      sets.map((set, index) =>
        index === changed && other && run % 2 === 0 ? { ...other, userId: set.userId } : set,
      ),
    );
  });
  return { cold, onePersonChanged };
}

function timed(runs: number, work: (run: number) => unknown): Timing {
  for (let warm = 0; warm < 10; warm++) work(warm);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    work(run);
    times.push(performance.now() - started);
  }
  return { medianMs: percentile(times, 0.5), p95Ms: percentile(times, 0.95), runs };
}

export interface DecisionMemory {
  bytes: number;
  keys: number;
  /** Bytes and keys per kind of key (`answers`, `delivery`, …: the part after the hash tag). */
  byKind: Record<string, { bytes: number; keys: number }>;
  /** How Redis holds one person's answers hash (listpack is the compact form). */
  answersEncoding: string;
}

/**
 * Adds up `MEMORY USAGE` (exact: SAMPLES 0) over every key of one decision, whatever the app keeps: all of
 * a decision's keys carry its hash tag `{team:decision}`.
 */
export async function decisionMemory(
  redisUrl: string,
  teamId: string,
  decisionId: string,
): Promise<DecisionMemory> {
  const client = new Redis(redisUrl);
  try {
    const names: string[] = [];
    const stream = client.scanStream({ match: `*{${teamId}:${decisionId}}*`, count: 1000 });
    for await (const batch of stream as AsyncIterable<string[]>) names.push(...batch);
    let bytes = 0;
    const byKind: DecisionMemory['byKind'] = {};
    for (const name of names) {
      const size = Number(await client.memory('USAGE', name, 'SAMPLES', 0));
      const kind = /\}:([^:]+)/.exec(name)?.[1] ?? 'other';
      const sum = byKind[kind] ?? { bytes: 0, keys: 0 };
      byKind[kind] = { bytes: sum.bytes + size, keys: sum.keys + 1 };
      bytes += size;
    }
    const answersKey = names.find((name) => name.includes(':answers:'));
    const answersEncoding = answersKey ? String(await client.object('ENCODING', answersKey)) : 'absent';
    return { bytes, keys: names.length, byKind, answersEncoding };
  } finally {
    client.disconnect();
  }
}
