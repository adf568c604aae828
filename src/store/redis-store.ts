import { createHash } from 'node:crypto';
import type { Cluster, Redis, Result } from 'ioredis';
import type { Answers } from '../domain/types.js';
import { decodeStep, encodeStep } from './answer-codec.js';
import {
  CLOSED_FIELD,
  dirtyMember,
  dirtyRefOf,
  dueItemOf,
  dueMember,
  FINISHED_FIELD,
  KeySpace,
  PROGRESS_FIELD,
  STEP_FIELD_PREFIX,
  tenantDirtyMembers,
  tenantDueMembers,
} from './keys.js';
import type {
  AnswerSet,
  Closure,
  Decision,
  DecisionListing,
  DecisionRef,
  DecisionStore,
  DirtyClaim,
  DueFailures,
  DueItem,
  PendingNote,
  Progress,
  PublishClaim,
  SavedStep,
  StoreHealth,
  TenantErasure,
} from './port.js';
import { DAY_MS, RECENT_DELIVERIES, StoreUnavailableError } from './port.js';
import { answerSetFromRecord, decisionFromRecord, noteFromRecord, parseJson } from './records.js';
import { type RedisDurability, readDurability } from './redis-durability.js';
import {
  ABANDON_PUBLISH_LUA,
  CLAIM_DIRTY_LUA,
  CLAIM_DUE_LUA,
  CLAIM_PUBLISH_LUA,
  FINISH_PUBLISH_LUA,
  FORGET_ANSWERS_LUA,
  SETTLE_DIRTY_LUA,
} from './scripts/publish.js';
import { SAVE_STEP_LUA, type SaveStepReply } from './scripts/save-step.js';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    svSaveStep(...keysAndArgs: (string | number)[]): Result<SaveStepReply, Context>;
    svClaimPublish(
      ...keysAndArgs: (string | number)[]
    ): Result<['clean' | 'busy' | 'leader', number], Context>;
    svFinishPublish(...keysAndArgs: (string | number)[]): Result<number, Context>;
    svAbandonPublish(...keysAndArgs: (string | number)[]): Result<number, Context>;
    svClaimDue(...keysAndArgs: (string | number)[]): Result<string[], Context>;
    svClaimDirty(...keysAndArgs: (string | number)[]): Result<(string | number)[], Context>;
    svSettleDirty(...keysAndArgs: (string | number)[]): Result<number, Context>;
    svForgetAnswers(...keysAndArgs: (string | number)[]): Result<number, Context>;
  }
}

type ClientSlice =
  | 'multi'
  | 'pipeline'
  | 'hgetall'
  | 'hdel'
  | 'smembers'
  | 'get'
  | 'set'
  | 'zadd'
  | 'zrem'
  | 'zrevrange'
  | 'zscan'
  | 'scan'
  | 'unlink'
  | 'zcard'
  | 'zcount'
  | 'ping'
  | 'info'
  | 'config'
  | 'quit'
  | 'status'
  | 'defineCommand';

/**
 * The slice of the ioredis client this adapter needs: a standalone or Sentinel client, or a Cluster client
 * (every key of a decision shares one hash tag, so its MULTIs and pipelines stay in one slot). SCAN goes to one
 * node, so on a Cluster it is sent to each master.
 */
export type RedisClient = Pick<Redis, ClientSlice> | Pick<Cluster, ClientSlice | 'nodes'>;

export interface RedisStoreOptions {
  client: RedisClient;
  retentionDays: number;
  keys?: KeySpace;
  /** Told of every command that failed (for metrics); the caller gets a StoreUnavailableError either way. */
  onCommandError?: () => void;
}

/** Client states that mean the connection is down (while it is first connecting, a ping decides). */
const LOST = new Set(['reconnecting', 'close', 'end']);
/** Keys looked at per SCAN call: a few milliseconds of Redis's time each, however large the keyspace. */
const SCAN_COUNT = 1_000;

/** How long a request (claimRequest) is remembered: far longer than any retry. */
const REQUEST_TTL_MS = DAY_MS;
/** Failure counts outlive the day after which a failing item is given up. */
const FAILURES_TTL_MS = 2 * DAY_MS;
/** Keys asked for per SCAN step and deleted before the next: erasing a large workspace never holds many. */
const ERASE_BATCH = 200;

export class RedisStore implements DecisionStore {
  private readonly client: RedisClient;
  private readonly keys: KeySpace;
  private readonly ttlMs: number;
  /** Eviction policy and persistence as Redis last reported them. */
  private durability: RedisDurability | undefined;
  private readonly onCommandError: () => void;
  /** A Cluster runs a script or MULTI on one slot only: the per-person and per-channel indexes are elsewhere. */
  private readonly cluster: boolean;

  constructor(options: RedisStoreOptions) {
    this.client = options.client;
    this.cluster = 'nodes' in options.client;
    this.keys = options.keys ?? new KeySpace();
    this.ttlMs = options.retentionDays * DAY_MS;
    this.onCommandError = options.onCommandError ?? (() => undefined);
    // The number of keys comes first in each call: 5 with the person's Home list, 4 without (Cluster).
    this.client.defineCommand('svSaveStep', { lua: SAVE_STEP_LUA });
    this.client.defineCommand('svClaimPublish', { numberOfKeys: 3, lua: CLAIM_PUBLISH_LUA });
    this.client.defineCommand('svFinishPublish', { numberOfKeys: 2, lua: FINISH_PUBLISH_LUA });
    this.client.defineCommand('svAbandonPublish', { numberOfKeys: 1, lua: ABANDON_PUBLISH_LUA });
    this.client.defineCommand('svClaimDue', { numberOfKeys: 1, lua: CLAIM_DUE_LUA });
    this.client.defineCommand('svClaimDirty', { numberOfKeys: 1, lua: CLAIM_DIRTY_LUA });
    this.client.defineCommand('svSettleDirty', { numberOfKeys: 1, lua: SETTLE_DIRTY_LUA });
    this.client.defineCommand('svForgetAnswers', { numberOfKeys: 4, lua: FORGET_ANSWERS_LUA });
  }

  async createDecision(decision: Decision, listing: DecisionListing): Promise<void> {
    const { message, ...meta } = decision;
    const key = this.keys.decision(decision);
    const home = this.keys.home(decision.teamId, decision.createdBy);
    const due = listing.due.flatMap(({ item, at }) => [at.getTime(), dueMember(item)]);
    // One MULTI, one round trip. A Cluster cannot run a MULTI across slots, and the indexes live in other slots
    // than the decision, so there each key gets a MULTI of its own, all sent at once: still one wait.
    const single = this.cluster ? undefined : this.client.multi();
    const tx = () => single ?? this.client.multi();
    const writes = [
      tx()
        .hset(key, 'meta', JSON.stringify(meta), ...(message ? ['message', JSON.stringify(message)] : []))
        .pexpire(key, this.ttlMs),
      tx().set(this.keys.latest(decision.teamId, decision.channelId), decision.decisionId, 'PX', this.ttlMs),
      tx().zadd(home, listing.at.getTime(), decision.decisionId).pexpire(home, this.ttlMs),
      ...(due.length > 0 ? [tx().zadd(this.keys.due(), ...due)] : []),
    ];
    await Promise.all([...new Set(writes)].map((write) => this.exec(write)));
  }

  async getDecision(ref: DecisionRef): Promise<Decision | null> {
    const fields = await this.run(() => this.client.hgetall(this.keys.decision(ref)));
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
    const key = this.keys.decision(ref);
    await this.exec(
      this.client.multi().hset(key, 'message', JSON.stringify(message)).pexpire(key, this.ttlMs),
    );
  }

  async saveStep(
    ref: DecisionRef,
    userId: string,
    step: { id: string; answers: Answers },
    progress: Progress,
    deliveryId: string,
  ): Promise<SavedStep> {
    const { finishedAt, ...position } = progress;
    const home = this.keys.home(ref.teamId, userId);
    const decisionKeys = [
      this.keys.answers(ref, userId),
      this.keys.respondents(ref),
      this.keys.decision(ref),
      this.keys.notes(ref),
    ];
    // The person's Home list is in the script too (one round trip), except on a Cluster, where it lives in
    // another slot than the decision's keys and is written after the save instead.
    const scriptKeys = this.cluster ? decisionKeys : [...decisionKeys, home];
    const reply = await this.run(() =>
      (this.client as Redis).svSaveStep(
        scriptKeys.length,
        ...scriptKeys,
        `${STEP_FIELD_PREFIX}${step.id}`,
        encodeStep(step.id, step.answers),
        JSON.stringify(position),
        finishedAt ?? '',
        this.ttlMs,
        userId,
        storedDeliveryId(deliveryId),
        RECENT_DELIVERIES,
        ref.decisionId,
        Date.parse(progress.updatedAt),
      ),
    );
    // Losing it costs the Home tab only ("forget me" finds answers by SCAN): the save stands either way.
    if (this.cluster && reply[0] === 'saved')
      await this.rememberForHome(ref, userId, new Date(progress.updatedAt)).catch(() => undefined);
    if (reply[0] === 'missing') return { status: 'missing' };
    if (reply[0] === 'closed') {
      const closed = decisionFromRecord(parseJson(reply[1]), parseJson(reply[2]), parseJson(reply[3]));
      return closed ? { status: 'closed', decision: closed } : { status: 'missing' };
    }
    const [status, meta, message, flatAnswers, finishedBefore] = reply;
    const decision = decisionFromRecord(parseJson(meta), message ? parseJson(message) : undefined);
    const answerSet = toAnswerSet(userId, pairs(flatAnswers));
    if (!decision || decision.teamId !== ref.teamId || decision.decisionId !== ref.decisionId)
      return { status: 'missing' };
    if (!answerSet) throw new StoreUnavailableError(new Error('saved answers could not be read back'));
    return { status, decision, answerSet, finishedBefore: finishedBefore === 1 };
  }

  async getAnswerSet(ref: DecisionRef, userId: string): Promise<AnswerSet | null> {
    const fields = await this.run(() => this.client.hgetall(this.keys.answers(ref, userId)));
    return toAnswerSet(userId, fields);
  }

  async listAnswerSets(ref: DecisionRef): Promise<AnswerSet[]> {
    const userIds = (await this.run(() => this.client.smembers(this.keys.respondents(ref)))).sort();
    if (userIds.length === 0) return [];
    const pipeline = this.client.pipeline();
    for (const userId of userIds) pipeline.hgetall(this.keys.answers(ref, userId));
    const replies = await this.run(() => pipeline.exec());
    const sets: AnswerSet[] = [];
    userIds.forEach((userId, index) => {
      const [error, fields] = replies?.[index] ?? [null, null];
      if (error) throw new StoreUnavailableError(error);
      const set = toAnswerSet(userId, fields as Record<string, string>);
      if (set) sets.push(set);
    });
    return sets;
  }

  async setDecisionClosed(ref: DecisionRef, closure: Closure | null): Promise<Decision | null> {
    // Only an existing decision is changed: a closure written to a missing key would linger alone.
    const decision = await this.getDecision(ref);
    if (!decision) return null;
    const key = this.keys.decision(ref);
    // HSETNX / HDEL say whether this call changed anything, so of two closes at once only one goes on.
    // The republish it calls for is asked for in the same step (a repeat close asks once more, harmlessly).
    const tx = closure
      ? this.client.multi().hsetnx(key, CLOSED_FIELD, JSON.stringify(closure))
      : this.client.multi().hdel(key, CLOSED_FIELD);
    const [changed] = await this.exec(tx.hincrby(key, 'publish_requested', 1).pexpire(key, this.ttlMs));
    if (changed !== 1) return null;
    const { closed: _previous, ...open } = decision;
    return closure ? { ...open, closed: closure } : open;
  }

  async claimPublish(ref: DecisionRef, holder: string, leaseMs: number): Promise<PublishClaim> {
    const [status, version] = await this.run(() =>
      (this.client as Redis).svClaimPublish(
        this.keys.decision(ref),
        this.keys.publishLease(ref),
        this.keys.notes(ref),
        holder,
        leaseMs,
      ),
    );
    return status === 'leader' ? { status, version } : { status };
  }

  async finishPublish(
    ref: DecisionRef,
    holder: string,
    version: number,
    leaseMs: number,
  ): Promise<number | null> {
    const next = await this.run(() =>
      (this.client as Redis).svFinishPublish(
        this.keys.decision(ref),
        this.keys.publishLease(ref),
        holder,
        version,
        leaseMs,
      ),
    );
    return next > 0 ? next : null;
  }

  async abandonPublish(ref: DecisionRef, holder: string): Promise<void> {
    await this.run(() => (this.client as Redis).svAbandonPublish(this.keys.publishLease(ref), holder));
  }

  async pendingNotes(ref: DecisionRef): Promise<PendingNote[]> {
    const fields = await this.run(() => this.client.hgetall(this.keys.notes(ref)));
    return Object.entries(fields)
      .flatMap(([userId, json]) => {
        const note = noteFromRecord(userId, parseJson(json));
        return note ? [note] : [];
      })
      .sort((a, b) => a.at.localeCompare(b.at) || a.userId.localeCompare(b.userId));
  }

  async notePosted(ref: DecisionRef, userId: string): Promise<void> {
    await this.run(() => this.client.hdel(this.keys.notes(ref), userId));
  }

  async markDirty(ref: DecisionRef, dueAt: Date): Promise<void> {
    await this.run(() => this.client.zadd(this.keys.dirty(), dueAt.getTime(), dirtyMember(ref)));
  }

  async claimDirty(now: Date, leaseMs: number, limit: number): Promise<DirtyClaim[]> {
    const flat = await this.run(() =>
      (this.client as Redis).svClaimDirty(this.keys.dirty(), now.getTime(), leaseMs, limit),
    );
    const claims: DirtyClaim[] = [];
    for (let index = 0; index + 1 < flat.length; index += 2) {
      const ref = dirtyRefOf(String(flat[index]));
      if (ref) claims.push({ ref, claim: Number(flat[index + 1]) });
    }
    return claims;
  }

  async settleDirty(claim: DirtyClaim): Promise<void> {
    await this.run(() =>
      (this.client as Redis).svSettleDirty(this.keys.dirty(), dirtyMember(claim.ref), claim.claim),
    );
  }

  async schedule(item: DueItem, at: Date): Promise<void> {
    await this.run(() => this.client.zadd(this.keys.due(), at.getTime(), dueMember(item)));
  }

  async unschedule(item: DueItem): Promise<void> {
    await this.unscheduleMembers([dueMember(item)]);
  }

  async noteDueFailure(item: DueItem, at: Date): Promise<DueFailures> {
    const key = this.keys.dueFailures();
    const member = dueMember(item);
    const [, count, first] = await this.exec(
      this.client
        .multi()
        .hsetnx(key, `${member}:first`, at.getTime())
        .hincrby(key, `${member}:count`, 1)
        .hget(key, `${member}:first`)
        // Entries go when their item does; the whole hash goes once nothing has failed for a while.
        .pexpire(key, FAILURES_TTL_MS),
    );
    return { count: Number(count), firstAt: new Date(Number(first)) };
  }

  /** The due-list and the failure counts are two keys (two Cluster slots): two commands. */
  private async unscheduleMembers(members: string[]): Promise<number> {
    const failureFields = members.flatMap((member) => [`${member}:count`, `${member}:first`]);
    const [removed] = await this.run(() =>
      Promise.all([
        this.client.zrem(this.keys.due(), ...members),
        this.client.hdel(this.keys.dueFailures(), ...failureFields),
      ]),
    );
    return removed;
  }

  async dueCounts(now: Date): Promise<{ waiting: number; overdue: number }> {
    const key = this.keys.due();
    const [waiting, overdue] = await Promise.all([
      this.run(() => this.client.zcard(key)),
      this.run(() => this.client.zcount(key, '-inf', now.getTime())),
    ]);
    return { waiting, overdue };
  }

  async claimDue(now: Date, leaseMs: number, limit: number): Promise<DueItem[]> {
    const members = await this.run(() =>
      (this.client as Redis).svClaimDue(this.keys.due(), now.getTime(), leaseMs, limit),
    );
    return members.flatMap((member) => {
      const item = dueItemOf(member);
      return item ? [item] : [];
    });
  }

  async answeredDecisions(teamId: string, userId: string): Promise<string[]> {
    const pattern = this.keys.answersPattern(teamId, userId);
    // A Cluster's keys are spread over its masters: each one is scanned; elsewhere there is one keyspace.
    const nodes = 'nodes' in this.client ? this.client.nodes('master') : [this.client];
    const found = new Set<string>();
    for (const node of nodes) {
      let cursor = '0';
      do {
        const [next, keys] = await this.run(() => node.scan(cursor, 'MATCH', pattern, 'COUNT', SCAN_COUNT));
        cursor = next;
        for (const key of keys) {
          const decisionId = this.keys.decisionOfAnswersKey(key, teamId, userId);
          if (decisionId) found.add(decisionId);
        }
      } while (cursor !== '0');
    }
    return [...found].sort();
  }

  async forgetAnswers(ref: DecisionRef, userId: string): Promise<boolean> {
    const deleted = await this.run(() =>
      (this.client as Redis).svForgetAnswers(
        this.keys.answers(ref, userId),
        this.keys.respondents(ref),
        this.keys.decision(ref),
        this.keys.notes(ref),
        userId,
      ),
    );
    return deleted === 1;
  }

  async unscheduleTenant(teamId: string): Promise<number> {
    let removed = 0;
    for await (const members of this.scanMembers(this.keys.due(), tenantDueMembers(teamId))) {
      const ofTenant = members.filter((member) => dueItemOf(member)?.teamId === teamId);
      if (ofTenant.length > 0) removed += await this.unscheduleMembers(ofTenant);
    }
    return removed;
  }

  /** Takes every decision of one tenant off the dirty list; returns how many there were. */
  private async unmarkDirtyTenant(teamId: string): Promise<number> {
    let removed = 0;
    for await (const members of this.scanMembers(this.keys.dirty(), tenantDirtyMembers(teamId))) {
      const ofTenant = members.filter((member) => dirtyRefOf(member)?.teamId === teamId);
      if (ofTenant.length > 0)
        removed += await this.run(() => this.client.zrem(this.keys.dirty(), ...ofTenant));
    }
    return removed;
  }

  /** The members of a sorted set matching `pattern`, one ZSCAN batch at a time. */
  private async *scanMembers(key: string, pattern: string): AsyncGenerator<string[]> {
    let cursor = '0';
    do {
      const [next, flat] = await this.run(() =>
        this.client.zscan(key, cursor, 'MATCH', pattern, 'COUNT', ERASE_BATCH),
      );
      cursor = next;
      // ZSCAN answers member, score, member, score…
      yield flat.filter((_member, index) => index % 2 === 0);
    } while (cursor !== '0');
  }

  async eraseTenant(teamId: string): Promise<TenantErasure> {
    const erased: TenantErasure = {
      decisions: 0,
      answerSets: 0,
      indexes: 0,
      dueItems: 0,
      dirtyDecisions: 0,
      keys: 0,
    };
    // Due items and dirty-list entries first: nothing fires or republishes for the tenant while its decisions
    // are going (its pending thread notes are decision keys, erased with them).
    erased.dueItems = await this.unscheduleTenant(teamId);
    erased.dirtyDecisions = await this.unmarkDirtyTenant(teamId);
    const { decisionKeys, indexes, requestMarkers } = this.keys.tenantPatterns(teamId);
    for await (const deleted of this.deleteMatching(decisionKeys)) {
      erased.keys += deleted.length;
      for (const key of deleted) {
        const kind = this.keys.decisionKeyKind(key);
        if (kind === 'decision') erased.decisions += 1;
        else if (kind === 'answers') erased.answerSets += 1;
      }
    }
    for (const pattern of indexes) {
      for await (const deleted of this.deleteMatching(pattern)) {
        erased.keys += deleted.length;
        erased.indexes += deleted.length;
      }
    }
    for await (const deleted of this.deleteMatching(requestMarkers)) erased.keys += deleted.length;
    return erased;
  }

  /**
   * Deletes every key matching `pattern`, one SCAN batch at a time, and yields each batch's deleted keys. On a
   * Cluster every master is scanned (SCAN is per node); the deletes are one UNLINK per key, since a batch's
   * keys live in many slots (auto-pipelining sends them together).
   */
  private async *deleteMatching(pattern: string): AsyncGenerator<string[]> {
    const nodes = 'nodes' in this.client ? this.client.nodes('master') : [this.client];
    for (const node of nodes) {
      let cursor = '0';
      do {
        const [next, keys] = await this.run(() => node.scan(cursor, 'MATCH', pattern, 'COUNT', ERASE_BATCH));
        cursor = next;
        const replies = await this.run(() => Promise.all(keys.map((key) => this.client.unlink(key))));
        const deleted = keys.filter((_key, index) => replies[index] === 1);
        if (deleted.length > 0) yield deleted;
      } while (cursor !== '0');
    }
  }

  async rememberForHome(ref: DecisionRef, userId: string, at: Date): Promise<void> {
    const key = this.keys.home(ref.teamId, userId);
    await this.exec(this.client.multi().zadd(key, at.getTime(), ref.decisionId).pexpire(key, this.ttlMs));
  }

  async homeDecisions(teamId: string, userId: string, limit: number): Promise<string[]> {
    return this.run(() => this.client.zrevrange(this.keys.home(teamId, userId), 0, limit - 1));
  }

  async setLatestInChannel(ref: DecisionRef, channelId: string): Promise<void> {
    await this.exec(
      this.client.multi().set(this.keys.latest(ref.teamId, channelId), ref.decisionId, 'PX', this.ttlMs),
    );
  }

  async latestInChannel(teamId: string, channelId: string): Promise<string | null> {
    return this.run(() => this.client.get(this.keys.latest(teamId, channelId)));
  }

  async claimRequest(teamId: string, requestId: string): Promise<boolean> {
    const claimed = await this.run(() =>
      this.client.set(this.keys.request(teamId, requestId), '1', 'PX', REQUEST_TTL_MS, 'NX'),
    );
    return claimed === 'OK';
  }

  async health(): Promise<StoreHealth> {
    // A dropped connection is known at once, without waiting for a ping to time out: readiness follows it.
    if (LOST.has(this.client.status))
      return this.healthWith('degraded', `connection is ${this.client.status}`);
    try {
      await withTimeout(this.client.ping(), 1_000);
    } catch (error) {
      return this.healthWith('degraded', describe(error));
    }
    this.durability = await withTimeout(readDurability(this.client), 1_000).catch(() => this.durability);
    return this.healthWith('ok');
  }

  private healthWith(status: StoreHealth['status'], detail?: string): StoreHealth {
    const known = this.durability;
    return {
      kind: 'redis',
      status,
      durable: known?.durable ?? false,
      ...(detail ? { detail } : known ? {} : { detail: 'persistence not read from Redis yet' }),
      ...(known
        ? {
            redis: {
              maxmemoryPolicy: known.maxmemoryPolicy,
              evicts: known.evicts,
              appendonly: known.appendonly,
              ...(known.save !== undefined ? { save: known.save } : {}),
            },
            warnings: known.warnings,
          }
        : {}),
    };
  }

  async close(): Promise<void> {
    if (this.client.status === 'end') return;
    await this.client.quit().catch(() => undefined);
  }

  /** Runs a MULTI and returns each command's reply, or throws if any command failed. */
  private async exec(tx: ReturnType<RedisClient['multi']>): Promise<unknown[]> {
    const replies = await this.run(() => tx.exec());
    if (!replies) throw new StoreUnavailableError(new Error('transaction aborted'));
    const failed = replies.find(([error]) => error);
    if (failed) {
      this.onCommandError();
      throw new StoreUnavailableError(failed[0]);
    }
    return replies.map(([, reply]) => reply);
  }

  private async run<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      this.onCommandError();
      // A command that timed out was sent (or sits in the offline queue): Redis may still run it.
      const timedOut = error instanceof Error && error.message === 'Command timed out';
      throw new StoreUnavailableError(error, timedOut ? 'unknown' : 'failed');
    }
  }
}

/**
 * A delivery id as the answers hash keeps it: 12 characters of its SHA-256 (72 bits, never alike among one
 * person's last few), whatever the caller's ids look like, so RECENT_DELIVERIES of them stay one short value.
 */
function storedDeliveryId(deliveryId: string): string {
  return createHash('sha256').update(deliveryId).digest('base64url').slice(0, 12);
}

function toAnswerSet(userId: string, fields: Record<string, string> | null | undefined): AnswerSet | null {
  if (!fields?.[PROGRESS_FIELD]) return null;
  const steps = Object.entries(fields)
    .filter(([field]) => field.startsWith(STEP_FIELD_PREFIX))
    .map(([field, stored]): [string, unknown] => {
      const stepId = field.slice(STEP_FIELD_PREFIX.length);
      return [stepId, decodeStep(stepId, stored)];
    });
  const position = parseJson(fields[PROGRESS_FIELD]);
  const finishedAt = fields[FINISHED_FIELD];
  const progress = typeof position === 'object' && finishedAt ? { ...position, finishedAt } : position;
  return answerSetFromRecord(userId, progress, steps);
}

/** HGETALL as Lua returns it, a flat [field, value, …] list, as an object. */
function pairs(flat: string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (let index = 0; index + 1 < flat.length; index += 2)
    fields[flat[index] as string] = flat[index + 1] as string;
  return fields;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
