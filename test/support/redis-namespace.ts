import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { KeySpace } from '../../src/store/keys.js';

/** A connection to the run's Redis and a key prefix no other test uses; `cleanup` deletes the prefix's keys. */
export interface RedisNamespace {
  url: string;
  client: Redis;
  keys: KeySpace;
  prefix: string;
  cleanup(): Promise<void>;
}

export function openRedisNamespace(): RedisNamespace {
  const url = inject('redisUrl');
  const prefix = `test-${randomBytes(6).toString('hex')}`;
  const client = new Redis(url);
  return {
    url,
    client,
    keys: new KeySpace(prefix),
    prefix,
    async cleanup() {
      const stream = client.scanStream({ match: `${prefix}:*`, count: 500 });
      for await (const batch of stream as AsyncIterable<string[]>) {
        if (batch.length > 0) await client.del(...batch);
      }
      client.disconnect();
    },
  };
}
