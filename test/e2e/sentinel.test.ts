import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisSentinelHandle, startRedisSentinel } from '../support/redis-sentinel.js';
import { type Harness, startHarness } from './harness.js';
import { twoPeopleReachAVerdict } from './journey.js';

describe('behind a Redis Sentinel', () => {
  let sentinel: RedisSentinelHandle;
  let harness: Harness | undefined;

  beforeAll(async () => {
    sentinel = await startRedisSentinel();
  }, 30_000);

  afterAll(async () => {
    await harness?.close();
    await sentinel?.destroy();
  });

  it('finds the master through a redis+sentinel:// REDIS_URL and runs the whole flow on it', async () => {
    harness = await startHarness({ redisUrl: sentinel.url });
    expect(await harness.app.store.health()).toMatchObject({ kind: 'redis', status: 'ok' });

    const decisionId = await twoPeopleReachAVerdict(harness);

    const master = new Redis(sentinel.master.url);
    try {
      const keys = await master.keys(`*{*:${decisionId}}*`);
      expect(keys.filter((key) => key.includes('}:answers:'))).toHaveLength(2);
      expect(keys.filter((key) => /\}:(decision|respondents)$/.test(key))).toHaveLength(2);
    } finally {
      master.disconnect();
    }
  });
});
