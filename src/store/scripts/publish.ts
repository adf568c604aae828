/**
 * request-publish: asks for the decision message to be republished, and takes the publish lease if it is free.
 *
 * KEYS[1] the decision hash     KEYS[2] the publish lease
 * ARGV[1] holder (a random id per publish run)     ARGV[2] lease TTL (ms)
 *
 * Returns { version asked for, 1 if this holder now has the lease else 0 }. The count and the lease change in one
 * step, so a request either finds the lease free and takes it, or is seen by the holder's finish-publish.
 * A decision that does not exist (or has expired) gets {0, 0}: nothing to publish, and no key is left behind.
 */
export const REQUEST_PUBLISH_LUA = `
if redis.call('HEXISTS', KEYS[1], 'meta') == 0 then return {0, 0} end
local version = redis.call('HINCRBY', KEYS[1], 'publish_requested', 1)
local leader = redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) and 1 or 0
return {version, leader}
`;

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
export const FINISH_PUBLISH_LUA = `
local done = tonumber(ARGV[2])
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
`;

/**
 * claim-due: hands out the due items whose time has come, each to one caller.
 *
 * KEYS[1] the due-list (sorted set, score = due time in ms)
 * ARGV[1] now (ms)     ARGV[2] claim lease (ms)     ARGV[3] at most this many
 *
 * Returns the claimed members. Each is re-scored to now + lease, so no other caller sees it until the lease
 * ends; the claimer removes it when done, and a claimer that died is replaced when the lease ends.
 */
export const CLAIM_DUE_LUA = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local retryAt = tonumber(ARGV[1]) + tonumber(ARGV[2])
for _, member in ipairs(due) do
  redis.call('ZADD', KEYS[1], 'XX', retryAt, member)
end
return due
`;
