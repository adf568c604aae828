import { Cluster, Redis, type RedisOptions } from 'ioredis';
import { parseRedisUrl, type RedisTarget } from './redis-url.js';

/** A standalone or Sentinel-managed connection, or a Cluster: RedisStore works with all three. */
export type RedisConnection = Redis | Cluster;

const reconnectDelay = (attempt: number) => Math.min(attempt * 200, 2_000);

/**
 * Connection settings for a request/response app: fail a command quickly when Redis is away (the person is
 * told to try again) instead of queueing it behind a reconnect the person cannot see.
 */
export function redisClientOptions(): RedisOptions {
  return {
    connectTimeout: 2_000,
    // A person waits on every command: Slack gives the app 3 s to answer, so a hung Redis must fail first.
    commandTimeout: 1_500,
    maxRetriesPerRequest: 1,
    enableReadyCheck: true,
    lazyConnect: false,
    // Commands that concurrent requests issue in the same tick go out in one write: fewer syscalls under load.
    enableAutoPipelining: true,
    retryStrategy: reconnectDelay,
  };
}

/** Connects to whatever REDIS_URL names; throws on a URL that config validation would have refused. */
export function connectRedis(url: string): RedisConnection {
  const parsed = parseRedisUrl(url);
  if (!parsed.ok) throw new Error(`REDIS_URL is not usable: ${parsed.problem}`);
  return connectTarget(parsed.target);
}

export function connectTarget(target: RedisTarget): RedisConnection {
  switch (target.kind) {
    case 'standalone':
      return new Redis(target.url, redisClientOptions());
    case 'cluster': {
      const { retryStrategy: _perNode, ...nodeOptions } = redisClientOptions();
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
        ...redisClientOptions(),
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
