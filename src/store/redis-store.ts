import { KeySpace } from './keys.js';
import type { DecisionStore, StoreHealth } from './port.js';
import { DAY_MS } from './port.js';
import { RedisAccess, type RedisClient } from './redis-access.js';
import { RedisAnswers } from './redis-answers.js';
import { RedisDecisions } from './redis-decisions.js';
import { RedisDueList } from './redis-due-list.js';
import { type RedisDurability, readDurability } from './redis-durability.js';
import { RedisErasure } from './redis-erasure.js';
import { RedisOutbox } from './redis-outbox.js';
import { defineScripts } from './scripts/index.js';

export type { RedisClient } from './redis-access.js';

export interface RedisStoreOptions {
  client: RedisClient;
  retentionDays: number;
  keys?: KeySpace;
  /** Told of every command that failed (for metrics); the caller gets a StoreUnavailableError either way. */
  onCommandError?: () => void;
}

/** Client states that mean the connection is down (while it is first connecting, a ping decides). */
const LOST = new Set(['reconnecting', 'close', 'end']);

type Args<Method extends keyof DecisionStore> = Parameters<DecisionStore[Method]>;

/**
 * The store on Redis, durable and shared by every instance. Each job is a part of its own (decisions and
 * their listings, answers, the publishing outbox, the due-list, tenant erasure); this class hands each call of
 * the port to its part and answers for the connection's health.
 */
export class RedisStore implements DecisionStore {
  private readonly redis: RedisAccess;
  private readonly decisions: RedisDecisions;
  private readonly answers: RedisAnswers;
  private readonly outbox: RedisOutbox;
  private readonly dueList: RedisDueList;
  private readonly erasure: RedisErasure;
  /** Eviction policy and persistence as Redis last reported them. */
  private durability: RedisDurability | undefined;

  constructor(options: RedisStoreOptions) {
    const keys = options.keys ?? new KeySpace();
    const onCommandError = options.onCommandError ?? (() => undefined);
    this.redis = new RedisAccess(options.client, keys, options.retentionDays * DAY_MS, onCommandError);
    defineScripts(options.client);
    this.decisions = new RedisDecisions(this.redis);
    this.answers = new RedisAnswers(this.redis, this.decisions);
    this.outbox = new RedisOutbox(this.redis);
    this.dueList = new RedisDueList(this.redis);
    this.erasure = new RedisErasure(this.redis, this.dueList, this.outbox);
  }

  createDecision(...args: Args<'createDecision'>) {
    return this.decisions.createDecision(...args);
  }
  createDecisionOnce(...args: Args<'createDecisionOnce'>) {
    return this.decisions.createDecisionOnce(...args);
  }
  getDecision(...args: Args<'getDecision'>) {
    return this.decisions.getDecision(...args);
  }
  setDecisionMessage(...args: Args<'setDecisionMessage'>) {
    return this.decisions.setDecisionMessage(...args);
  }
  setDecisionClosed(...args: Args<'setDecisionClosed'>) {
    return this.decisions.setDecisionClosed(...args);
  }
  rememberForHome(...args: Args<'rememberForHome'>) {
    return this.decisions.rememberForHome(...args);
  }
  homeDecisions(...args: Args<'homeDecisions'>) {
    return this.decisions.homeDecisions(...args);
  }
  setLatestInChannel(...args: Args<'setLatestInChannel'>) {
    return this.decisions.setLatestInChannel(...args);
  }
  latestInChannel(...args: Args<'latestInChannel'>) {
    return this.decisions.latestInChannel(...args);
  }
  claimRequest(...args: Args<'claimRequest'>) {
    return this.decisions.claimRequest(...args);
  }

  saveStep(...args: Args<'saveStep'>) {
    return this.answers.saveStep(...args);
  }
  getAnswerSet(...args: Args<'getAnswerSet'>) {
    return this.answers.getAnswerSet(...args);
  }
  listAnswerSets(...args: Args<'listAnswerSets'>) {
    return this.answers.listAnswerSets(...args);
  }
  answeredDecisions(...args: Args<'answeredDecisions'>) {
    return this.answers.answeredDecisions(...args);
  }
  forgetAnswers(...args: Args<'forgetAnswers'>) {
    return this.answers.forgetAnswers(...args);
  }

  claimPublish(...args: Args<'claimPublish'>) {
    return this.outbox.claimPublish(...args);
  }
  finishPublish(...args: Args<'finishPublish'>) {
    return this.outbox.finishPublish(...args);
  }
  abandonPublish(...args: Args<'abandonPublish'>) {
    return this.outbox.abandonPublish(...args);
  }
  pendingNotes(...args: Args<'pendingNotes'>) {
    return this.outbox.pendingNotes(...args);
  }
  notePosted(...args: Args<'notePosted'>) {
    return this.outbox.notePosted(...args);
  }
  markDirty(...args: Args<'markDirty'>) {
    return this.outbox.markDirty(...args);
  }
  claimDirty(...args: Args<'claimDirty'>) {
    return this.outbox.claimDirty(...args);
  }
  settleDirty(...args: Args<'settleDirty'>) {
    return this.outbox.settleDirty(...args);
  }

  schedule(...args: Args<'schedule'>) {
    return this.dueList.schedule(...args);
  }
  unschedule(...args: Args<'unschedule'>) {
    return this.dueList.unschedule(...args);
  }
  noteDueFailure(...args: Args<'noteDueFailure'>) {
    return this.dueList.noteDueFailure(...args);
  }
  dueCounts(...args: Args<'dueCounts'>) {
    return this.dueList.dueCounts(...args);
  }
  claimDue(...args: Args<'claimDue'>) {
    return this.dueList.claimDue(...args);
  }
  unscheduleTenant(...args: Args<'unscheduleTenant'>) {
    return this.dueList.unscheduleTenant(...args);
  }

  eraseTenant(...args: Args<'eraseTenant'>) {
    return this.erasure.eraseTenant(...args);
  }

  async health(): Promise<StoreHealth> {
    const { client } = this.redis;
    // A dropped connection is known at once, without waiting for a ping to time out: readiness follows it.
    if (LOST.has(client.status)) return this.healthWith('degraded', `connection is ${client.status}`);
    try {
      await withTimeout(client.ping(), 1_000);
    } catch (error) {
      return this.healthWith('degraded', describe(error));
    }
    this.durability = await withTimeout(readDurability(client), 1_000).catch(() => this.durability);
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
    if (this.redis.client.status === 'end') return;
    await this.redis.client.quit().catch(() => undefined);
  }
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
