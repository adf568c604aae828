import type { ScriptDefinition } from './definition.js';

/**
 * claim-due: hands out the due items whose time has come, each to one caller.
 *
 * KEYS[1] the due-list (sorted set, score = due time in ms)
 * ARGV[1] now (ms)     ARGV[2] claim lease (ms)     ARGV[3] at most this many
 *
 * Returns the claimed members. Each is re-scored to now + lease, so no other caller sees it until the lease
 * ends; the claimer removes it when done, and a claimer that died is replaced when the lease ends.
 */
export const CLAIM_DUE: ScriptDefinition = {
  numberOfKeys: 1,
  lua: `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local retryAt = tonumber(ARGV[1]) + tonumber(ARGV[2])
for _, member in ipairs(due) do
  redis.call('ZADD', KEYS[1], 'XX', retryAt, member)
end
return due
`,
};
