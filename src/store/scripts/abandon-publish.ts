import type { ScriptDefinition } from './definition.js';

/**
 * abandon-publish: a holder that failed lets go of the lease at once, so any instance can try again.
 *
 * KEYS[1] the publish lease     ARGV[1] holder
 *
 * Returns 1 if the holder still had the lease (now released), else 0.
 */
export const ABANDON_PUBLISH: ScriptDefinition = {
  numberOfKeys: 1,
  lua: `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`,
};
