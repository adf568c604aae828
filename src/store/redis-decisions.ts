import type { Closure, Decision, DecisionRef } from '../domain/decision.js';
import { CLOSED_FIELD, dueMember } from './keys.js';
import type { DecisionCreation, DecisionListing, DecisionStore } from './port.js';
import { DAY_MS } from './port.js';
import { decisionFromRecord, parseJson } from './records.js';
import type { RedisAccess } from './redis-access.js';

/** How long a request (claimRequest) is remembered: far longer than any retry. */
const REQUEST_TTL_MS = DAY_MS;

/** The decision records and where they are listed: the channel's latest, each person's Home, request markers. */
export class RedisDecisions
  implements
    Pick<
      DecisionStore,
      | 'createDecision'
      | 'createDecisionOnce'
      | 'getDecision'
      | 'setDecisionMessage'
      | 'setDecisionClosed'
      | 'rememberForHome'
      | 'homeDecisions'
      | 'setLatestInChannel'
      | 'latestInChannel'
      | 'claimRequest'
    >
{
  constructor(private readonly redis: RedisAccess) {}

  async createDecision(decision: Decision, listing: DecisionListing): Promise<void> {
    await this.create(decision, listing);
  }

  createDecisionOnce(decision: Decision, listing: DecisionListing, requestId: string): DecisionCreation {
    if (!this.redis.cluster) {
      const written = this.create(decision, listing, requestId);
      return { first: written, created: written.then(() => undefined) };
    }
    // The marker is in another slot than the decision: claimed on its own, then the writes.
    const first = this.claimRequest(decision.teamId, requestId);
    const created = first.then(async (claimed) => {
      if (claimed) await this.create(decision, listing);
    });
    return { first, created };
  }

  /** Writes a new decision and its listings unless `requestId` was claimed before (standalone only); true if written. */
  private async create(decision: Decision, listing: DecisionListing, requestId?: string): Promise<boolean> {
    const { client, keys, ttlMs } = this.redis;
    const { message, ...meta } = decision;
    const key = keys.decision(decision);
    const latest = keys.latest(decision.teamId, decision.channelId);
    const home = keys.home(decision.teamId, decision.createdBy);
    const due = listing.due.flatMap(({ item, at }) => [at.getTime(), dueMember(item)]);
    if (!this.redis.cluster) {
      // One script, one round trip, with the request's claim in it when there is one.
      const scriptKeys = [
        key,
        latest,
        home,
        keys.due(),
        ...(requestId ? [keys.request(decision.teamId, requestId)] : []),
      ];
      const written = await this.redis.run(() =>
        client.svCreateDecision(
          scriptKeys.length,
          ...scriptKeys,
          JSON.stringify(meta),
          message ? JSON.stringify(message) : '',
          ttlMs,
          decision.decisionId,
          listing.at.getTime(),
          REQUEST_TTL_MS,
          ...due,
        ),
      );
      return written === 1;
    }
    // A Cluster cannot run a script or MULTI across slots, and the indexes live in other slots than the decision,
    // so there each key gets a MULTI of its own, all sent at once: still one wait.
    await Promise.all(
      [
        client
          .multi()
          .hset(key, 'meta', JSON.stringify(meta), ...(message ? ['message', JSON.stringify(message)] : []))
          .pexpire(key, ttlMs),
        client.multi().set(latest, decision.decisionId, 'PX', ttlMs),
        client.multi().zadd(home, listing.at.getTime(), decision.decisionId).pexpire(home, ttlMs),
        ...(due.length > 0 ? [client.multi().zadd(keys.due(), ...due)] : []),
      ].map((write) => this.redis.exec(write)),
    );
    return true;
  }

  async getDecision(ref: DecisionRef): Promise<Decision | null> {
    const fields = await this.redis.run(() => this.redis.client.hgetall(this.redis.keys.decision(ref)));
    if (!fields.meta) return null;
    const decision = decisionFromRecord(
      parseJson(fields.meta),
      parseJson(fields.message),
      parseJson(fields[CLOSED_FIELD]),
    );
    // A record under another decision's key is never returned, whatever it claims.
    return decision && decision.teamId === ref.teamId && decision.decisionId === ref.decisionId
      ? decision
      : null;
  }

  async setDecisionMessage(ref: DecisionRef, message: { channel: string; ts: string }): Promise<void> {
    const key = this.redis.keys.decision(ref);
    await this.redis.run(() =>
      this.redis.client.svSetFields(key, this.redis.ttlMs, 'message', JSON.stringify(message)),
    );
  }

  async setDecisionClosed(ref: DecisionRef, closure: Closure | null): Promise<Decision | null> {
    // Only an existing decision is changed: a closure written to a missing key would linger alone.
    const decision = await this.getDecision(ref);
    if (!decision) return null;
    const key = this.redis.keys.decision(ref);
    // HSETNX / HDEL say whether this call changed anything, so of two closes at once only one goes on.
    // The republish it calls for is asked for in the same step (a repeat close asks once more, harmlessly).
    const tx = closure
      ? this.redis.client.multi().hsetnx(key, CLOSED_FIELD, JSON.stringify(closure))
      : this.redis.client.multi().hdel(key, CLOSED_FIELD);
    const [changed] = await this.redis.exec(
      tx.hincrby(key, 'publish_requested', 1).pexpire(key, this.redis.ttlMs),
    );
    if (changed !== 1) return null;
    const { closed: _previous, ...open } = decision;
    return closure ? { ...open, closed: closure } : open;
  }

  async rememberForHome(ref: DecisionRef, userId: string, at: Date): Promise<void> {
    const key = this.redis.keys.home(ref.teamId, userId);
    await this.redis.exec(
      this.redis.client.multi().zadd(key, at.getTime(), ref.decisionId).pexpire(key, this.redis.ttlMs),
    );
  }

  async homeDecisions(teamId: string, userId: string, limit: number): Promise<string[]> {
    return this.redis.run(() =>
      this.redis.client.zrevrange(this.redis.keys.home(teamId, userId), 0, limit - 1),
    );
  }

  async setLatestInChannel(ref: DecisionRef, channelId: string): Promise<void> {
    await this.redis.exec(
      this.redis.client
        .multi()
        .set(this.redis.keys.latest(ref.teamId, channelId), ref.decisionId, 'PX', this.redis.ttlMs),
    );
  }

  async latestInChannel(teamId: string, channelId: string): Promise<string | null> {
    return this.redis.run(() => this.redis.client.get(this.redis.keys.latest(teamId, channelId)));
  }

  async claimRequest(teamId: string, requestId: string): Promise<boolean> {
    const claimed = await this.redis.run(() =>
      this.redis.client.set(this.redis.keys.request(teamId, requestId), '1', 'PX', REQUEST_TTL_MS, 'NX'),
    );
    return claimed === 'OK';
  }
}
