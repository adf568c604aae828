/**
 * claim-publish: takes the publish lease if the decision message lags behind the store.
 *
 * KEYS[1] the decision hash     KEYS[2] the publish lease     KEYS[3] the thread-note outbox
 * ARGV[1] holder (a random id per publish run)     ARGV[2] lease TTL (ms)
 *
 * Returns { status, version asked for }: 'clean' when nothing newer than what was published was asked for and
 * no note waits (or the decision does not exist); 'busy' when another holder has the lease; 'leader' when this
 * holder took it. Checking and taking happen in one step, so a change is either seen by a holder's
 * finish-publish or finds the lease free. Nothing is written for a decision that does not exist.
 */
export const CLAIM_PUBLISH_LUA = `
if redis.call('HEXISTS', KEYS[1], 'meta') == 0 then return {'clean', 0} end
local requested = tonumber(redis.call('HGET', KEYS[1], 'publish_requested') or '0')
local done = tonumber(redis.call('HGET', KEYS[1], 'publish_done') or '0')
if requested <= done and redis.call('EXISTS', KEYS[3]) == 0 then return {'clean', requested} end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {'leader', requested} end
return {'busy', requested}
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
`;

/**
 * abandon-publish: a holder that failed lets go of the lease at once, so any instance can try again.
 *
 * KEYS[1] the publish lease     ARGV[1] holder
 *
 * Returns 1 if the holder still had the lease (now released), else 0.
 */
export const ABANDON_PUBLISH_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/**
 * claim-dirty: hands out the decisions due for a sweep, each to one caller.
 *
 * KEYS[1] the dirty list (sorted set, score = when to look, ms)
 * ARGV[1] now (ms)     ARGV[2] claim lease (ms)     ARGV[3] at most this many
 *
 * Returns { member, claim score, member, claim score, … }. Each is re-scored to now + lease, so no other
 * caller sees it until the lease ends; the claimer removes it (settle-dirty) once the decision is clean.
 */
export const CLAIM_DIRTY_LUA = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local claim = tonumber(ARGV[1]) + tonumber(ARGV[2])
local claimed = {}
for _, member in ipairs(due) do
  redis.call('ZADD', KEYS[1], 'XX', claim, member)
  table.insert(claimed, member)
  table.insert(claimed, claim)
end
return claimed
`;

/**
 * settle-dirty: removes a swept decision from the dirty list, unless it was marked again since the claim.
 *
 * KEYS[1] the dirty list     ARGV[1] member     ARGV[2] the claim's score
 *
 * Returns 1 if removed, else 0.
 */
export const SETTLE_DIRTY_LUA = `
if tonumber(redis.call('ZSCORE', KEYS[1], ARGV[1]) or '-1') == tonumber(ARGV[2]) then
  return redis.call('ZREM', KEYS[1], ARGV[1])
end
return 0
`;

/**
 * forget-answers: removes one person's answers from a decision and asks for its message to be republished.
 *
 * KEYS[1] the person's answers hash     KEYS[2] the respondents set     KEYS[3] the decision hash
 * KEYS[4] the thread-note outbox
 * ARGV[1] user id
 *
 * Returns 1 if there were answers, else 0 (nothing written).
 */
export const FORGET_ANSWERS_LUA = `
if redis.call('DEL', KEYS[1]) == 0 then return 0 end
redis.call('SREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[4], ARGV[1])
if redis.call('HEXISTS', KEYS[3], 'meta') == 1 then
  redis.call('HINCRBY', KEYS[3], 'publish_requested', 1)
end
return 1
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
