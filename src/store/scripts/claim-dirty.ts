import type { ScriptDefinition } from './definition.js';

/**
 * claim-dirty: hands out the decisions due for a sweep, each to one caller.
 *
 * KEYS[1] the dirty list (sorted set, score = when to look, ms)
 * ARGV[1] now (ms)     ARGV[2] claim lease (ms)     ARGV[3] at most this many
 *
 * Returns { member, claim score, member, claim score, … }. Each is re-scored to now + lease, so no other
 * caller sees it until the lease ends; the claimer removes it (settle-dirty) once the decision is clean.
 */
export const CLAIM_DIRTY: ScriptDefinition = {
  numberOfKeys: 1,
  lua: `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local claim = tonumber(ARGV[1]) + tonumber(ARGV[2])
local claimed = {}
for _, member in ipairs(due) do
  redis.call('ZADD', KEYS[1], 'XX', claim, member)
  table.insert(claimed, member)
  table.insert(claimed, claim)
end
return claimed
`,
};
