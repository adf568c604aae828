import type { ScriptDefinition } from './definition.js';

/**
 * forget-answers: removes one person's answers from a decision and asks for its message to be republished.
 *
 * KEYS[1] the person's answers hash     KEYS[2] the respondents set     KEYS[3] the decision hash
 * KEYS[4] the thread-note outbox
 * ARGV[1] user id
 *
 * Returns 1 if there were answers, else 0 (nothing written).
 */
export const FORGET_ANSWERS: ScriptDefinition = {
  numberOfKeys: 4,
  lua: `
if redis.call('DEL', KEYS[1]) == 0 then return 0 end
redis.call('SREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[4], ARGV[1])
if redis.call('HEXISTS', KEYS[3], 'meta') == 1 then
  redis.call('HINCRBY', KEYS[3], 'publish_requested', 1)
end
return 1
`,
};
