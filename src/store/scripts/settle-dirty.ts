import type { ScriptDefinition } from './definition.js';

/**
 * settle-dirty: removes a swept decision from the dirty list, unless it was marked again since the claim.
 *
 * KEYS[1] the dirty list     ARGV[1] member     ARGV[2] the claim's score
 *
 * Returns 1 if removed, else 0.
 */
export const SETTLE_DIRTY: ScriptDefinition = {
  numberOfKeys: 1,
  lua: `
if tonumber(redis.call('ZSCORE', KEYS[1], ARGV[1]) or '-1') == tonumber(ARGV[2]) then
  return redis.call('ZREM', KEYS[1], ARGV[1])
end
return 0
`,
};
