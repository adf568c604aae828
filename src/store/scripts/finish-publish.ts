import type { ScriptDefinition } from './definition.js';

/**
 * finish-publish: the lease holder published a version.
 *
 * KEYS[1] the decision hash     KEYS[2] the publish lease
 * ARGV[1] holder     ARGV[2] version published     ARGV[3] lease TTL (ms)
 *
 * Returns the newer version asked for meanwhile (the lease is kept and extended: publish again), or 0 when
 * nothing newer was asked for (the lease is released in the same step, so no request falls between) or when
 * another holder has taken over.
 */
export const FINISH_PUBLISH: ScriptDefinition = {
  numberOfKeys: 2,
  lua: `
local done = tonumber(ARGV[2])
if redis.call('HEXISTS', KEYS[1], 'meta') == 0 then
  if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
  return 0
end
if tonumber(redis.call('HGET', KEYS[1], 'publish_done') or '0') < done then
  redis.call('HSET', KEYS[1], 'publish_done', done)
end
local requested = tonumber(redis.call('HGET', KEYS[1], 'publish_requested') or '0')
local holds = redis.call('GET', KEYS[2]) == ARGV[1]
if requested > done then
  -- A lease that ran out while publishing is taken back if free, so the newer version is not left unpublished.
  if holds or redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[3]) then
    redis.call('PEXPIRE', KEYS[2], ARGV[3])
    return requested
  end
  return 0
end
if holds then redis.call('DEL', KEYS[2]) end
return 0
`,
};
