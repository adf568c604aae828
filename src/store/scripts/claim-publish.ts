import type { ScriptDefinition } from './definition.js';

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
export const CLAIM_PUBLISH: ScriptDefinition = {
  numberOfKeys: 3,
  lua: `
if redis.call('HEXISTS', KEYS[1], 'meta') == 0 then return {'clean', 0} end
local requested = tonumber(redis.call('HGET', KEYS[1], 'publish_requested') or '0')
local done = tonumber(redis.call('HGET', KEYS[1], 'publish_done') or '0')
if requested <= done and redis.call('EXISTS', KEYS[3]) == 0 then return {'clean', requested} end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {'leader', requested} end
return {'busy', requested}
`,
};
