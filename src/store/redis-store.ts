import type { Cluster, Redis } from 'ioredis';
import { FINISHED_FIELD, KeySpace, PROGRESS_FIELD, STEP_FIELD_PREFIX } from './keys.js';
import type {
  AnswerSet,
  Decision,
  DecisionRef,
  DecisionStore,
  Progress,
  SavedStep,
  StoreHealth,
} from './port.js';
import { StoreUnavailableError } from './port.js';
import { answerSetFromRecord, decisionFromRecord, parseJson } from './records.js';

type ClientSlice = 'multi' | 'pipeline' | 'hgetall' | 'smembers' | 'ping' | 'quit' | 'status';

/**
 * The slice of the ioredis client this adapter needs: a standalone or Sentinel client, or a Cluster client
 * (every key of a decision shares one hash tag, so its MULTIs and pipelines stay in one slot).
 */
export type RedisClient = Pick<Redis, ClientSlice> | Pick<Cluster, ClientSlice>;

export interface RedisStoreOptions {
  client: RedisClient;
  retentionDays: number;
  keys?: KeySpace;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export class RedisStore implements DecisionStore {
  private readonly client: RedisClient;
  private readonly keys: KeySpace;
  private readonly ttlMs: number;

  constructor(options: RedisStoreOptions) {
    this.client = options.client;
    this.keys = options.keys ?? new KeySpace();
    this.ttlMs = options.retentionDays * DAY_MS;
  }

  async createDecision(decision: Decision): Promise<void> {
    const { message, ...meta } = decision;
    const key = this.keys.decision(decision);
    const tx = this.client.multi().hset(key, 'meta', JSON.stringify(meta));
    if (message) tx.hset(key, 'message', JSON.stringify(message));
    await this.exec(tx.pexpire(key, this.ttlMs));
  }

  async getDecision(ref: DecisionRef): Promise<Decision | null> {
    const fields = await this.run(() => this.client.hgetall(this.keys.decision(ref)));
    if (!fields.meta) return null;
    const decision = decisionFromRecord(parseJson(fields.meta), parseJson(fields.message));
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
    step: { id: string; answers: Record<string, unknown> },
    progress: Progress,
  ): Promise<SavedStep> {
    const answersKey = this.keys.answers(ref, userId);
    const respondentsKey = this.keys.respondents(ref);
    const { finishedAt, ...position } = progress;
    const tx = this.client
      .multi()
      .hset(
        answersKey,
        `${STEP_FIELD_PREFIX}${step.id}`,
        JSON.stringify(step.answers),
        PROGRESS_FIELD,
        JSON.stringify(position),
      );
    // HSET answers how many fields it created: 0 for finished_at means the person had finished before.
    if (finishedAt) tx.hset(answersKey, FINISHED_FIELD, finishedAt);
    tx.sadd(respondentsKey, userId)
      .pexpire(answersKey, this.ttlMs)
      .pexpire(respondentsKey, this.ttlMs)
      .pexpire(this.keys.decision(ref), this.ttlMs)
      .hgetall(answersKey);
    const replies = await this.exec(tx);
    const fields = replies.at(-1) as Record<string, string>;
    const answerSet = toAnswerSet(userId, fields);
    if (!answerSet) throw new StoreUnavailableError(new Error('saved answers could not be read back'));
    return { answerSet, finishedBefore: finishedAt !== undefined && replies[1] === 0 };
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

  async health(): Promise<StoreHealth> {
    try {
      await withTimeout(this.client.ping(), 1_000);
      return { kind: 'redis', status: 'ok', durable: true };
    } catch (error) {
      return { kind: 'redis', status: 'degraded', durable: true, detail: describe(error) };
    }
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
    if (failed) throw new StoreUnavailableError(failed[0]);
    return replies.map(([, reply]) => reply);
  }

  private async run<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw new StoreUnavailableError(error);
    }
  }
}

function toAnswerSet(userId: string, fields: Record<string, string> | null | undefined): AnswerSet | null {
  if (!fields?.[PROGRESS_FIELD]) return null;
  const steps = Object.entries(fields)
    .filter(([field]) => field.startsWith(STEP_FIELD_PREFIX))
    .map(([field, json]): [string, unknown] => [field.slice(STEP_FIELD_PREFIX.length), parseJson(json)]);
  const position = parseJson(fields[PROGRESS_FIELD]);
  const finishedAt = fields[FINISHED_FIELD];
  const progress = typeof position === 'object' && finishedAt ? { ...position, finishedAt } : position;
  return answerSetFromRecord(userId, progress, steps);
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
