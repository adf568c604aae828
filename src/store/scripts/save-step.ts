import type { ScriptDefinition } from './definition.js';

/**
 * save-step: saves one questionnaire step for one person, once.
 *
 * KEYS[1] the person's answers hash     KEYS[2] the decision's respondents set
 * KEYS[3] the decision hash             KEYS[4] the decision's thread-note outbox
 * KEYS[5] this delivery's marker key as the previous version wrote it (read only, see below)
 * KEYS[6] the person's Home list (optional: absent on a Cluster, where it lives in another slot)
 * ARGV[1] step field name   ARGV[2] step answers (answer-codec.ts)   ARGV[3] progress (JSON)
 * ARGV[4] finished_at (ISO) or '' to leave it as it is     ARGV[5] retention TTL (ms)
 * ARGV[6] user id           ARGV[7] this delivery's id (no spaces)
 * ARGV[8] how many delivery ids the answers hash keeps (its `deliveries` field, newest first)
 * ARGV[9] decision id       ARGV[10] when (ms): the decision's place on the Home list
 *
 * Returns { status, decision meta, decision message, answers hash as a flat list, finished before (0/1) }:
 *   'missing'   the decision does not exist (nothing written);
 *   'closed'    the decision is closed (nothing written; meta, message and the closure follow);
 *   'duplicate' this delivery is one of the person's last few, already saved, or the previous version left
 *               its marker (nothing written; the answers as they stand);
 *   'saved'     written, with the answers as they now stand.
 * A finish (ARGV[4] given) also asks for a new version of the decision message and puts a thread note for the
 * person in the outbox unless one is already waiting, so the effects a finish owes are as durable as the
 * finish itself. A save lists the decision on the person's Home (KEYS[6]) with the answers' TTL, so the list
 * never expires before the answers it leads to.
 *
 * The previous version marked each delivery with a key of its own (`…:delivery:<id>`, a day's TTL); a Slack
 * retry of a submission it saved may reach this version, so such a key counts as a repeat too. Remove KEYS[5]
 * and its check a day after every instance runs this version: by then the last of those keys has expired.
 *
 * KEYS[1..5] share the decision's hash tag, so on a Cluster (without KEYS[6]) the script runs on one slot; the
 * check and the write cannot interleave with another instance's.
 */
export const SAVE_STEP: ScriptDefinition = {
  // No fixed number of keys: 6 with the person's Home list, 5 without (Cluster); each call says which.
  lua: `
local meta = redis.call('HGET', KEYS[3], 'meta')
if not meta then return {'missing'} end
local message = redis.call('HGET', KEYS[3], 'message') or ''
local closed = redis.call('HGET', KEYS[3], 'closed')
if closed then return {'closed', meta, message, closed} end
local recent = redis.call('HGET', KEYS[1], 'deliveries') or ''
local repeated = string.find(' ' .. recent .. ' ', ' ' .. ARGV[7] .. ' ', 1, true)
if repeated or (redis.call('EXISTS', KEYS[5]) == 1 and redis.call('EXISTS', KEYS[1]) == 1) then
  return {'duplicate', meta, message, redis.call('HGETALL', KEYS[1]), 0}
end
local kept = {ARGV[7]}
for id in string.gmatch(recent, '%S+') do
  if #kept < tonumber(ARGV[8]) then kept[#kept + 1] = id end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2], 'progress', ARGV[3], 'deliveries', table.concat(kept, ' '))
local finishedBefore = 0
if ARGV[4] ~= '' then
  finishedBefore = 1 - redis.call('HSET', KEYS[1], 'finished_at', ARGV[4])
end
if ARGV[4] ~= '' then
  redis.call('HINCRBY', KEYS[3], 'publish_requested', 1)
  redis.call('HSETNX', KEYS[4], ARGV[6], cjson.encode({again = finishedBefore == 1, at = ARGV[4]}))
  redis.call('PEXPIRE', KEYS[4], ARGV[5])
end
redis.call('SADD', KEYS[2], ARGV[6])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('PEXPIRE', KEYS[2], ARGV[5])
redis.call('PEXPIRE', KEYS[3], ARGV[5])
if KEYS[6] then
  redis.call('ZADD', KEYS[6], ARGV[10], ARGV[9])
  redis.call('PEXPIRE', KEYS[6], ARGV[5])
end
return {'saved', meta, message, redis.call('HGETALL', KEYS[1]), finishedBefore}
`,
};

export type SaveStepReply =
  | ['missing']
  | ['closed', meta: string, message: string, closure: string]
  | ['duplicate' | 'saved', meta: string, message: string, answers: string[], finishedBefore: 0 | 1];
