import { randomBytes } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import { isComplete, respondentsOf } from '../domain/answer-set.js';
import { argumentsFor } from '../domain/deliberation.js';
import { aggregateTeam, type RespondentAnswers, type TeamVerdict } from '../domain/team.js';
import type { AnswerSet, Decision, DecisionRef } from '../store/port.js';
import type { ListenerDeps } from './deps.js';
import { buildDecisionMessage } from './views/decision-message.js';

/**
 * Keeps the decision message in step with the store, however many people finish at once and on however many
 * instances. Each change asks for a new version (a counter in the store); one publisher per decision holds a
 * lease and republishes from everything stored until no newer version was asked for, then lets go in the same
 * step. So every chat.update is computed from all answers saved before it, updates never overtake each other,
 * and the last one always counts everyone.
 */

/** Longer than one publish takes; a publisher that dies is replaced after this. */
const LEASE_MS = 30_000;
/** A publisher that keeps failing gives up after this many tries in a row; the next change tries again. */
const MAX_FAILURES = 3;

export interface DecisionState {
  decision: Decision;
  sets: AnswerSet[];
  /** Answer sets whose every step is saved and that were finished. */
  finished: AnswerSet[];
  /** The finished sets' answers, merged across steps, ready to score. */
  respondents: RespondentAnswers[];
  /** The verdict over the finished sets; absent while nobody finished, or while a blind decision is open. */
  team?: TeamVerdict;
}

/** Reads the decision and every answer set, and works out what the message shows. */
export async function decisionState(deps: ListenerDeps, ref: DecisionRef): Promise<DecisionState | null> {
  const [decision, sets] = await Promise.all([deps.store.getDecision(ref), deps.store.listAnswerSets(ref)]);
  if (!decision) return null;
  const finished = sets.filter(isComplete);
  const respondents = respondentsOf(finished);
  const visible = finished.length > 0 && (!decision.blind || decision.closed !== undefined);
  if (!visible) return { decision, sets, finished, respondents };
  return { decision, sets, finished, respondents, team: aggregateTeam(respondents, deps.costs) };
}

/**
 * Asks for the decision message to be republished, and publishes it if no one else is. Returns the last state
 * this call published, or undefined when another publisher took the request over.
 */
export async function publishDecision(input: {
  deps: ListenerDeps;
  client: WebClient;
  ref: DecisionRef;
}): Promise<DecisionState | undefined> {
  const { deps, client, ref } = input;
  const holder = randomBytes(9).toString('base64url');
  const request = await deps.store.requestPublish(ref, holder, LEASE_MS);
  if (!request.leader) return undefined;
  const published = deps.publishing.begin(`${ref.teamId}:${ref.decisionId}`);
  try {
    return await publishAsLeader(deps, client, ref, holder, request.version);
  } finally {
    published();
  }
}

async function publishAsLeader(
  deps: ListenerDeps,
  client: WebClient,
  ref: DecisionRef,
  holder: string,
  firstVersion: number,
): Promise<DecisionState | undefined> {
  let version: number | null = firstVersion;
  let published: DecisionState | undefined;
  let failures = 0;
  let lastError: unknown;
  while (version !== null) {
    try {
      published = await publishOnce(deps, client, ref);
      lastError = undefined;
    } catch (error) {
      lastError = error;
      failures += 1;
    }
    // A failed attempt is marked done too: the next version is tried from fresh data.
    version = await deps.store.finishPublish(ref, holder, version, LEASE_MS);
    // Giving up keeps the lease until it runs out; the first change after that publishes everything.
    if (failures >= MAX_FAILURES) break;
  }
  if (lastError) throw lastError;
  return published;
}

async function publishOnce(
  deps: ListenerDeps,
  client: WebClient,
  ref: DecisionRef,
): Promise<DecisionState | undefined> {
  const state = await decisionState(deps, ref);
  if (!state) return undefined;
  const { decision, team } = state;
  const opposing =
    team && team.respondents > 1 ? argumentsFor(state.respondents, team.mostDivided, deps.costs) : [];
  const message = buildDecisionMessage({
    decision,
    ...(team ? { team } : {}),
    inProgress: state.sets.length - state.finished.length,
    answered: state.finished.length,
    arguments: opposing,
  });
  if (decision.message) {
    await client.chat.update({
      channel: decision.message.channel,
      ts: decision.message.ts,
      text: message.text,
      blocks: message.blocks,
    });
    return state;
  }
  const posted = await client.chat.postMessage({
    channel: decision.channelId,
    text: message.text,
    blocks: message.blocks,
  });
  if (posted.ts && posted.channel) {
    const where = { channel: posted.channel, ts: posted.ts };
    await deps.store.setDecisionMessage(decision, where);
    return { ...state, decision: { ...decision, message: where } };
  }
  return state;
}
