import type { Cluster, Redis } from 'ioredis';
import type { KeySpace } from './keys.js';
import { StoreUnavailableError } from './port.js';
import type { ScriptName } from './scripts/index.js';

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
  | 'defineCommand'
  | ScriptName;

/**
 * The slice of the ioredis client the Redis adapter needs: a standalone or Sentinel client, or a Cluster client
 * (every key of a decision shares one hash tag, so its MULTIs and pipelines stay in one slot). SCAN goes to one
 * node, so on a Cluster it is sent to each master.
 */
export type RedisClient = Pick<Redis, ClientSlice> | Pick<Cluster, ClientSlice | 'nodes'>;

/** Keys asked for per SCAN step and dealt with before the next: erasing a large workspace never holds many. */
export const ERASE_BATCH = 200;

/** ioredis's message for a command past its commandTimeout; the deadline below says the same. */
const TIMED_OUT = 'Command timed out';

/**
 * A command is given up on after this even if ioredis never settles it. The client's own commandTimeout
 * (1.2 s) answers first whenever it can, but a command in flight when Redis dies can stay pending for good:
 * under kill -9 a publisher and a sweeper each waited forever on one, and the decision was never republished.
 */
export const COMMAND_DEADLINE_MS = 2_500;

/** What each part of the Redis adapter shares: the client, the key names, the TTL and how failures are told. */
export class RedisAccess {
  /** A Cluster runs a script or MULTI on one slot only: the per-person and per-channel indexes are elsewhere. */
  readonly cluster: boolean;

  constructor(
    readonly client: RedisClient,
    readonly keys: KeySpace,
    /** Every key's TTL (RETENTION_DAYS), in ms. */
    readonly ttlMs: number,
    private readonly onCommandError: () => void,
  ) {
    this.cluster = 'nodes' in client;
  }

  /** The nodes a SCAN must visit: each master of a Cluster (SCAN is per node), else the one client. */
  scanNodes(): Pick<Redis, 'scan'>[] {
    return 'nodes' in this.client ? this.client.nodes('master') : [this.client];
  }

  /** The members of a sorted set matching `pattern`, one ZSCAN batch at a time. */
  async *scanMembers(key: string, pattern: string): AsyncGenerator<string[]> {
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

  /** Runs a MULTI and returns each command's reply, or throws if any command failed. */
  async exec(tx: ReturnType<RedisClient['multi']>): Promise<unknown[]> {
    const replies = await this.run(() => tx.exec());
    if (!replies) throw new StoreUnavailableError(new Error('transaction aborted'));
    const failed = replies.find(([error]) => error);
    if (failed) {
      this.onCommandError();
      throw new StoreUnavailableError(failed[0]);
    }
    return replies.map(([, reply]) => reply);
  }

  async run<T>(command: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(TIMED_OUT)), COMMAND_DEADLINE_MS);
    });
    try {
      return await Promise.race([command(), deadline]);
    } catch (error) {
      this.onCommandError();
      // A command that timed out was sent (or sits in the offline queue): Redis may still run it.
      const timedOut = error instanceof Error && error.message === TIMED_OUT;
      throw new StoreUnavailableError(error, timedOut ? 'unknown' : 'failed');
    } finally {
      clearTimeout(timer);
    }
  }
}
