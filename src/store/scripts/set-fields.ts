import type { ScriptDefinition } from './definition.js';

/**
 * set-fields: sets fields of a hash and renews its retention, as a MULTI of HSET and PEXPIRE would, in one
 * EVALSHA: one key, so it runs on a Cluster too, and the client builds no transaction for it (a slash command
 * records where its message is with it).
 *
 * KEYS[1] the hash     ARGV[1] retention TTL (ms)     ARGV[2..] field, value, field, value…
 *
 * Returns the number of fields that were new.
 */
export const SET_FIELDS: ScriptDefinition = {
  numberOfKeys: 1,
  lua: `
local added = redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return added
`,
};
