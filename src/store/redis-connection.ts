import { Cluster, Redis, type RedisOptions } from 'ioredis';
import { InvalidStoreSettingError } from '../errors.js';
import { parseRedisUrl, type RedisTarget } from './redis-url.js';

/** A standalone or Sentinel-managed connection, or a Cluster: RedisStore works with all three. */
export type RedisConnection = Redis | Cluster;

const reconnectDelay = (attempt: number) => Math.min(attempt * 200, 2_000);

/**
 * How long a command may take before the person is answered without it. Slack gives a request 3 s: in OAuth
 * mode reading the installation (INSTALL_COMMAND_TIMEOUT_MS) and saving a step come one after the other, and
 * both together must leave time for the answer to travel back.
 */
export const STORE_COMMAND_TIMEOUT_MS = 1_200;
export const INSTALL_COMMAND_TIMEOUT_MS = 800;

/**
 * Connection settings for a request/response app: fail a command quickly when Redis is away (the person is
 * told to try again) instead of queueing it behind a reconnect the person cannot see.
 */
export function redisClientOptions(commandTimeout = STORE_COMMAND_TIMEOUT_MS): RedisOptions {
  return {
    connectTimeout: 2_000,
    // A person waits on every command: Slack gives the app 3 s to answer, so a hung Redis must fail first.
    commandTimeout,
    maxRetriesPerRequest: 1,
    enableReadyCheck: true,
    lazyConnect: false,
    // Commands that concurrent requests issue in the same tick go out in one write: fewer syscalls under load.
    enableAutoPipelining: true,
    retryStrategy: reconnectDelay,
  };
}

/** Connects to whatever REDIS_URL names; throws on a URL that config validation would have refused. */
export function connectRedis(url: string, commandTimeout?: number): RedisConnection {
  const parsed = parseRedisUrl(url);
  if (!parsed.ok) throw new InvalidStoreSettingError(`REDIS_URL is not usable: ${parsed.problem}`);
  return connectTarget(parsed.target, commandTimeout);
}

export function connectTarget(target: RedisTarget, commandTimeout?: number): RedisConnection {
  switch (target.kind) {
    case 'standalone':
      return new Redis(target.url, redisClientOptions(commandTimeout));
    case 'cluster': {
      const { retryStrategy: _perNode, ...nodeOptions } = redisClientOptions(commandTimeout);
      return new Cluster(target.nodes, {
        clusterRetryStrategy: reconnectDelay,
        redisOptions: {
          ...nodeOptions,
          ...credentials(target),
          ...(target.tls ? { tls: {} } : {}),
        },
        // With TLS, keep the seed host names: managed clusters' certificates name them, not their IPs.
        ...(target.tls
          ? {
              dnsLookup: (address: string, callback: (error: null, address: string) => void) =>
                callback(null, address),
            }
          : {}),
      });
    }
    case 'sentinel':
      return new Redis({
        ...redisClientOptions(commandTimeout),
        sentinels: target.sentinels,
        name: target.masterName,
        db: target.db,
        ...credentials(target),
        ...(target.sentinelUsername ? { sentinelUsername: target.sentinelUsername } : {}),
        ...(target.sentinelPassword ? { sentinelPassword: target.sentinelPassword } : {}),
        ...(target.tls ? { tls: {}, enableTLSForSentinelMode: true } : {}),
      });
  }
}

function credentials(target: { username?: string; password?: string }): RedisOptions {
  return {
    ...(target.username ? { username: target.username } : {}),
    ...(target.password ? { password: target.password } : {}),
  };
}

export interface ConnectionLog {
  error(...parts: unknown[]): void;
  info(...parts: unknown[]): void;
}

/**
 * Logs a connection's trouble once per outage (ioredis emits `error` on every reconnect attempt) and its
 * recovery with the count of failed attempts, so an outage is two lines, never silence and never a flood.
 */
export function logConnectionEvents(client: RedisConnection, what: string, log: ConnectionLog): void {
  let failures = 0;
  client.on('error', (error: unknown) => {
    failures += 1;
    if (failures === 1) log.error(`${what}: connection failed; reconnecting (until it is back, once)`, error);
  });
  client.on('ready', () => {
    if (failures > 0) log.info(`${what}: connection is back after ${failures} failed attempt(s)`);
    failures = 0;
  });
}
