import type { ScriptDefinition } from './definition.js';

/**
 * create-decision: saves a new decision and lists it, once per request when a request marker is given.
 *
 * KEYS[1] the decision hash     KEYS[2] the channel's latest decision     KEYS[3] the starter's Home list
 * KEYS[4] the due-list          KEYS[5] the slash command's request marker (optional)
 * ARGV[1] meta (JSON)           ARGV[2] message (JSON) or ''              ARGV[3] retention TTL (ms)
 * ARGV[4] decision id           ARGV[5] when (ms): its place on the Home list
 * ARGV[6] request marker TTL (ms)          ARGV[7..] due-list score, member, score, member…
 *
 * Returns 1 when written, 0 when the request marker was already there (a repeated delivery: nothing written).
 * The marker and the decision change together, so a command is never claimed without its decision. Not run on a
 * Cluster, where these keys live in different slots (the adapter sends a MULTI per key there).
 */
export const CREATE_DECISION: ScriptDefinition = {
  // No fixed number of keys: 5 with the request marker, 4 without; each call says which.
  lua: `
if KEYS[5] and not redis.call('SET', KEYS[5], '1', 'NX', 'PX', ARGV[6]) then return 0 end
redis.call('HSET', KEYS[1], 'meta', ARGV[1])
if ARGV[2] ~= '' then redis.call('HSET', KEYS[1], 'message', ARGV[2]) end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[3])
redis.call('ZADD', KEYS[3], ARGV[5], ARGV[4])
redis.call('PEXPIRE', KEYS[3], ARGV[3])
for index = 7, #ARGV, 2 do
  redis.call('ZADD', KEYS[4], ARGV[index], ARGV[index + 1])
end
return 1
`,
};
