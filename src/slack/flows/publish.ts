import { randomBytes } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import { isComplete, type RespondentAnswers, respondentsOf } from '../../domain/answer-set.js';
import {
  type AnswerSet,
  type Decision,
  type DecisionRef,
  hasArgument,
  resultsVisible,
} from '../../domain/decision.js';
import { argumentsFrom } from '../../domain/deliberation.js';
import { type PersonEvidence, PersonEvidenceCache } from '../../domain/person.js';
import { type TeamVerdict, teamVerdictOf } from '../../domain/team.js';
import { type PendingNote, StoreUnavailableError } from '../../store/port.js';
import type { ListenerDeps } from '../deps.js';
import { isRetryable } from '../errors.js';
import { buildDecisionMessage } from '../views/decision-message.js';
import { buildFinishedNote } from '../views/own-verdict.js';
import { serialised } from '../web-api-args.js';

/**
 * Keeps the decision message and its thread notes in step with the store, however many people finish at once,
 * on however many instances, and whatever happens to the request that made a change. Every change asks for a
 * new version of the message in the same write that makes it (and a finish puts its thread note in the
 * outbox), so the lag is state in the store, not a promise held by a request. Whoever finds a lag (the request
 * that saved, its retry, or a sweeper on any instance) takes the lease if it is free, republishes from
 * everything stored, posts the waiting notes, and repeats until no newer version was asked for, letting go in
 * the same step. A publisher that fails lets go at once and leaves the decision on the dirty list for the
 * sweeper; one stopping for a shutdown does the same. Slack takes one update of a message a second, so a leader
 * with a newer version to publish waits for the second to pass, lease kept: whatever changes meanwhile, on any
 * instance, goes out together in that next update, and the last state is always published.
 */

/** Longer than one round of publishing takes; a publisher that dies is replaced after this. */
const LEASE_MS = 30_000;
/**
 * How long a store write the publisher owes after Slack took a change (the version published, a note posted,
 * the lease let go) is retried while the store does not answer, so a short outage repeats no note.
 */
const STORE_RETRY_MS = 6_000;
const STORE_RETRY_PAUSE_MS = 250;
/** Slack's limit for chat.update on one message. */
const MESSAGE_UPDATE_INTERVAL_MS = 1_000;

/**
 * 'published': this call brought the message up to date; 'clean': nothing lagged; 'busy': another publisher
 * has it; 'left': stopped for a shutdown, left for a sweeper.
 */
export type PublishOutcome = 'published' | 'clean' | 'busy' | 'left';

export interface DecisionState {
  decision: Decision;
  sets: AnswerSet[];
  /** Answer sets whose every step is saved and that were finished. */
  finished: AnswerSet[];
  /** The finished sets' answers, merged across steps, ready to score. */
  respondents: RespondentAnswers[];
  /** The verdict over the finished sets; absent while nobody finished, or while a blind decision is open. */
  team?: TeamVerdict;
  /** The finished sets scored one by one, with the team verdict. */
  people?: PersonEvidence[];
}

/** People scored at earlier publishes: a publish re-scores only those whose answers changed (see person.ts). */
const scored = new PersonEvidenceCache();

/** Reads the decision and every answer set, and works out what the message shows. */
export async function decisionState(deps: ListenerDeps, ref: DecisionRef): Promise<DecisionState | null> {
  const [decision, sets] = await Promise.all([deps.store.getDecision(ref), deps.store.listAnswerSets(ref)]);
  if (!decision) return null;
  const finished = sets.filter(isComplete);
  const respondents = respondentsOf(finished);
  if (!resultsVisible(decision, finished.length)) return { decision, sets, finished, respondents };
  const people = scored.scoreAll(`${ref.teamId}:${ref.decisionId}`, respondents, deps.costs);
  return { decision, sets, finished, respondents, team: teamVerdictOf(people, deps.costs), people };
}

/**
 * Puts a decision on the sweepers' list, due one sweep from now (the request's own publisher goes first). Called
 * before a change is written, so no change exists that no sweeper will look at.
 */
export function listForSweep(deps: ListenerDeps, ref: DecisionRef): Promise<void> {
  return deps.store.markDirty(ref, new Date(deps.now().getTime() + deps.sweepIntervalMs));
}

/** Publishes the decision message and its waiting thread notes if they lag behind the store and no one else is. */
export async function publishDecision(input: {
  deps: ListenerDeps;
  client: WebClient;
  ref: DecisionRef;
}): Promise<PublishOutcome> {
  const { deps, client, ref } = input;
  const holder = randomBytes(9).toString('base64url');
  const claim = await deps.store.claimPublish(ref, holder, LEASE_MS).catch(async (error: unknown) => {
    // The claim may have landed without its answer reaching us: let go of a lease nobody knows it holds.
    await release(deps, ref, holder);
    throw error;
  });
  if (claim.status !== 'leader') return claim.status;
  const published = deps.publishing.begin(`${ref.teamId}:${ref.decisionId}`);
  try {
    return await publishAsLeader(deps, client, ref, holder, claim.version);
  } finally {
    published();
  }
}

/** How long publishInOrder waits for another publisher, and how often it looks. */
const IN_ORDER_WAIT_MS = 3 * MESSAGE_UPDATE_INTERVAL_MS;
const IN_ORDER_POLL_MS = 100;

/**
 * Publishes, and while another publisher has the decision (it may be waiting out Slack's second), waits for
 * it to publish this change too, for a few seconds at most: what the caller posts next in the thread (the
 * decision record, a reopening) then comes after the message shows the change.
 */
export async function publishInOrder(input: {
  deps: ListenerDeps;
  client: WebClient;
  ref: DecisionRef;
}): Promise<PublishOutcome> {
  const giveUpAt = Date.now() + IN_ORDER_WAIT_MS;
  for (;;) {
    const outcome = await publishDecision(input);
    if (outcome !== 'busy' || Date.now() >= giveUpAt || input.deps.stopping.aborted) return outcome;
    await pauseUntil(Date.now() + IN_ORDER_POLL_MS, input.deps.stopping);
  }
}

async function publishAsLeader(
  deps: ListenerDeps,
  client: WebClient,
  ref: DecisionRef,
  holder: string,
  firstVersion: number,
): Promise<PublishOutcome> {
  let version: number | null = firstVersion;
  try {
    while (version !== null) {
      if (deps.stopping.aborted) {
        await letGo(deps, ref, holder);
        return 'left';
      }
      // Read with the state, in the same round trip: a note added after this comes with a newer version.
      const [notes, sent] = await Promise.all([deps.store.pendingNotes(ref), publishOnce(deps, client, ref)]);
      if (sent) await postNotes(deps, client, sent.state, notes);
      const published: number = version;
      version = await persist(() => deps.store.finishPublish(ref, holder, published, LEASE_MS));
      // Whatever is asked for while the leader waits out Slack's second goes out together in the next update.
      if (version !== null && sent) await pauseUntil(sent.at + MESSAGE_UPDATE_INTERVAL_MS, deps.stopping);
    }
    return 'published';
  } catch (error) {
    // Slack refused for a reason no retry can fix (the channel is gone, the app was removed): what was asked
    // for so far counts as done, or the sweeper would try forever.
    if (!isRetryable(error) && version !== null)
      await giveUpOn(deps, ref, holder, version).catch(() => undefined);
    await letGo(deps, ref, holder);
    throw error;
  }
}

/** Posts the finish notes waiting in the outbox, oldest first, each taken out as soon as Slack has it. */
async function postNotes(
  deps: ListenerDeps,
  client: WebClient,
  state: DecisionState,
  notes: PendingNote[],
): Promise<void> {
  const where = state.decision.message;
  if (!where) return;
  for (const pending of notes) {
    const note = buildFinishedNote({
      userId: pending.userId,
      again: pending.again,
      ...(state.team && !state.decision.blind ? { team: state.team } : {}),
    });
    await client.chat.postMessage(
      serialised({ channel: where.channel, thread_ts: where.ts, text: note.text, blocks: note.blocks }),
    );
    await persist(() => deps.store.notePosted(state.decision, pending.userId));
  }
}

/** Marks the versions asked for as done and empties the outbox: nothing more can be published. */
async function giveUpOn(
  deps: ListenerDeps,
  ref: DecisionRef,
  holder: string,
  version: number,
): Promise<void> {
  for (const note of await deps.store.pendingNotes(ref)) await deps.store.notePosted(ref, note.userId);
  let next: number | null = version;
  while (next !== null) {
    const done: number = next;
    next = await deps.store.finishPublish(ref, holder, done, LEASE_MS);
  }
}

/**
 * Releases the lease at once and puts the decision back on the dirty list for the next sweep. Best effort:
 * a lease that cannot be released runs out, and the list already holds the decision from before the change.
 */
async function letGo(deps: ListenerDeps, ref: DecisionRef, holder: string): Promise<void> {
  await Promise.all([release(deps, ref, holder), listForSweep(deps, ref).catch(() => undefined)]);
}

/**
 * Releases the lease now if the store answers, else keeps trying in the background for as long as the lease
 * could live: a store that is away for a while must not leave every sweeper waiting for the lease to run out.
 */
async function release(deps: ListenerDeps, ref: DecisionRef, holder: string): Promise<void> {
  const until = Date.now() + LEASE_MS;
  const attempt = (): Promise<boolean> =>
    deps.store.abandonPublish(ref, holder).then(
      () => true,
      () => false,
    );
  if (await attempt()) return;
  const retry = setInterval(() => {
    void attempt().then((released) => {
      if (released || Date.now() >= until) clearInterval(retry);
    });
  }, STORE_RETRY_PAUSE_MS * 2);
  retry.unref();
}

/** Retries a store write while the store is unavailable, for up to STORE_RETRY_MS. */
async function persist<T>(write: () => Promise<T>): Promise<T> {
  const giveUpAt = Date.now() + STORE_RETRY_MS;
  for (;;) {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof StoreUnavailableError) || Date.now() >= giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, STORE_RETRY_PAUSE_MS));
    }
  }
}

/** Until `at` (epoch ms), or until the instance starts stopping, whichever comes first. */
function pauseUntil(at: number, stopping: AbortSignal): Promise<void> {
  const wait = at - Date.now();
  if (wait <= 0 || stopping.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stopping.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, wait);
    stopping.addEventListener('abort', done, { once: true });
  });
}

/** Brings the decision message up to date; returns what it shows and when Slack took it (epoch ms). */
async function publishOnce(
  deps: ListenerDeps,
  client: WebClient,
  ref: DecisionRef,
): Promise<{ state: DecisionState; at: number } | undefined> {
  const state = await decisionState(deps, ref);
  if (!state) return undefined;
  const { decision, team } = state;
  const opposing = team && hasArgument(team) ? argumentsFrom(state.people ?? [], team) : [];
  const message = buildDecisionMessage({
    decision,
    ...(team ? { team } : {}),
    inProgress: state.sets.length - state.finished.length,
    answered: state.finished.length,
    arguments: opposing,
  });
  if (decision.message) {
    await client.chat.update(
      serialised({
        channel: decision.message.channel,
        ts: decision.message.ts,
        text: message.text,
        blocks: message.blocks,
      }),
    );
    return { state, at: Date.now() };
  }
  const posted = await client.chat.postMessage(
    serialised({ channel: decision.channelId, text: message.text, blocks: message.blocks }),
  );
  if (posted.ts && posted.channel) {
    const where = { channel: posted.channel, ts: posted.ts };
    await deps.store.setDecisionMessage(decision, where);
    return { state: { ...state, decision: { ...decision, message: where } }, at: Date.now() };
  }
  return { state, at: Date.now() };
}
