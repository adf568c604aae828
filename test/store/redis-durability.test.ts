import { describe, expect, it } from 'vitest';
import { assessDurability } from '../../src/store/redis-durability.js';

describe('assessDurability', () => {
  it('is quiet for noeviction with an append-only file', () => {
    expect(assessDurability({ maxmemoryPolicy: 'noeviction', appendonly: true, save: '' })).toMatchObject({
      evicts: false,
      durable: true,
      warnings: [],
    });
  });

  it.each([
    'allkeys-lru',
    'allkeys-lfu',
    'allkeys-random',
    'volatile-lru',
    'volatile-lfu',
    'volatile-random',
    'volatile-ttl',
  ])('warns that %s can delete answers (every key has a TTL)', (policy) => {
    const assessed = assessDurability({ maxmemoryPolicy: policy, appendonly: true, save: '' });
    expect(assessed.evicts).toBe(true);
    expect(assessed.warnings).toEqual([expect.stringContaining(`maxmemory-policy is ${policy}`)]);
  });

  it('counts RDB snapshots as durable, and nothing at all as not', () => {
    expect(
      assessDurability({ maxmemoryPolicy: 'noeviction', appendonly: false, save: '3600 1' }).durable,
    ).toBe(true);
    const none = assessDurability({ maxmemoryPolicy: 'noeviction', appendonly: false, save: '' });
    expect(none.durable).toBe(false);
    expect(none.warnings).toEqual([expect.stringContaining('every answer is lost when Redis restarts')]);
  });

  it('says so when Redis refuses CONFIG and keeps no append-only file', () => {
    const unknown = assessDurability({ maxmemoryPolicy: 'noeviction', appendonly: false });
    expect(unknown.durable).toBe(false);
    expect(unknown.warnings).toEqual([expect.stringContaining('CONFIG is refused')]);
  });
});
