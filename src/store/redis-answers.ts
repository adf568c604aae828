import { createHash } from 'node:crypto';
import type { AnswerSet, DecisionRef, Progress } from '../domain/decision.js';
import type { Answers } from '../domain/types.js';
import { decodeStep, encodeStep } from './answer-codec.js';
import { FINISHED_FIELD, PROGRESS_FIELD, STEP_FIELD_PREFIX } from './keys.js';
import type { DecisionStore, SavedStep } from './port.js';
import { RECENT_DELIVERIES, StoreUnavailableError } from './port.js';
import { answerSetFromRecord, decisionFromRecord, parseJson } from './records.js';
import type { RedisAccess } from './redis-access.js';
import type { RedisDecisions } from './redis-decisions.js';

/** Keys looked at per SCAN call: a few milliseconds of Redis's time each, however large the keyspace. */
const SCAN_COUNT = 1_000;

/** Each person's answers to a decision: saved once per delivery, read back, found and forgotten. */
export class RedisAnswers
  implements
    Pick<
      DecisionStore,
      'saveStep' | 'getAnswerSet' | 'listAnswerSets' | 'answeredDecisions' | 'forgetAnswers'
    >
{
  constructor(
    private readonly redis: RedisAccess,
    private readonly decisions: Pick<RedisDecisions, 'rememberForHome'>,
  ) {}

  async saveStep(
    ref: DecisionRef,
    userId: string,
    step: { id: string; answers: Answers },
    progress: Progress,
    deliveryId: string,
  ): Promise<SavedStep> {
    const { keys, cluster } = this.redis;
    const { finishedAt, ...position } = progress;
    const home = keys.home(ref.teamId, userId);
    const decisionKeys = [
      keys.answers(ref, userId),
      keys.respondents(ref),
      keys.decision(ref),
      keys.notes(ref),
      keys.previousDeliveryMarker(ref, deliveryId),
    ];
    // The person's Home list is in the script too (one round trip), except on a Cluster, where it lives in
    // another slot than the decision's keys and is written after the save instead.
    const scriptKeys = cluster ? decisionKeys : [...decisionKeys, home];
    const reply = await this.redis.run(() =>
      this.redis.client.svSaveStep(
        scriptKeys.length,
        ...scriptKeys,
        `${STEP_FIELD_PREFIX}${step.id}`,
        encodeStep(step.id, step.answers),
        JSON.stringify(position),
        finishedAt ?? '',
        this.redis.ttlMs,
        userId,
        storedDeliveryId(deliveryId),
        RECENT_DELIVERIES,
        ref.decisionId,
        Date.parse(progress.updatedAt),
      ),
    );
    // Losing it costs the Home tab only ("forget me" finds answers by SCAN): the save stands either way.
    if (cluster && reply[0] === 'saved')
      await this.decisions.rememberForHome(ref, userId, new Date(progress.updatedAt)).catch(() => undefined);
    if (reply[0] === 'missing') return { status: 'missing' };
    if (reply[0] === 'closed') {
      const closed = decisionFromRecord(parseJson(reply[1]), parseJson(reply[2]), parseJson(reply[3]));
      return closed ? { status: 'closed', decision: closed } : { status: 'missing' };
    }
    const [status, meta, message, flatAnswers, finishedBefore] = reply;
    const decision = decisionFromRecord(parseJson(meta), message ? parseJson(message) : undefined);
    const answerSet = toAnswerSet(userId, pairs(flatAnswers));
    if (!decision || decision.teamId !== ref.teamId || decision.decisionId !== ref.decisionId)
      return { status: 'missing' };
    if (!answerSet) throw new StoreUnavailableError(new Error('saved answers could not be read back'));
    return { status, decision, answerSet, finishedBefore: finishedBefore === 1 };
  }

  async getAnswerSet(ref: DecisionRef, userId: string): Promise<AnswerSet | null> {
    const fields = await this.redis.run(() =>
      this.redis.client.hgetall(this.redis.keys.answers(ref, userId)),
    );
    return toAnswerSet(userId, fields);
  }

  async listAnswerSets(ref: DecisionRef): Promise<AnswerSet[]> {
    const { client, keys } = this.redis;
    const userIds = (await this.redis.run(() => client.smembers(keys.respondents(ref)))).sort();
    if (userIds.length === 0) return [];
    const pipeline = client.pipeline();
    for (const userId of userIds) pipeline.hgetall(keys.answers(ref, userId));
    const replies = await this.redis.run(() => pipeline.exec());
    const sets: AnswerSet[] = [];
    userIds.forEach((userId, index) => {
      const [error, fields] = replies?.[index] ?? [null, null];
      if (error) throw new StoreUnavailableError(error);
      const set = toAnswerSet(userId, fields as Record<string, string>);
      if (set) sets.push(set);
    });
    return sets;
  }

  async answeredDecisions(teamId: string, userId: string): Promise<string[]> {
    const pattern = this.redis.keys.answersPattern(teamId, userId);
    const found = new Set<string>();
    for (const node of this.redis.scanNodes()) {
      let cursor = '0';
      do {
        const [next, keys] = await this.redis.run(() =>
          node.scan(cursor, 'MATCH', pattern, 'COUNT', SCAN_COUNT),
        );
        cursor = next;
        for (const key of keys) {
          const decisionId = this.redis.keys.decisionOfAnswersKey(key, teamId, userId);
          if (decisionId) found.add(decisionId);
        }
      } while (cursor !== '0');
    }
    return [...found].sort();
  }

  async forgetAnswers(ref: DecisionRef, userId: string): Promise<boolean> {
    const { keys } = this.redis;
    const deleted = await this.redis.run(() =>
      this.redis.client.svForgetAnswers(
        keys.answers(ref, userId),
        keys.respondents(ref),
        keys.decision(ref),
        keys.notes(ref),
        userId,
      ),
    );
    return deleted === 1;
  }
}

/**
 * A delivery id as the answers hash keeps it: 12 characters of its SHA-256 (72 bits, never alike among one
 * person's last few), whatever the caller's ids look like, so RECENT_DELIVERIES of them stay one short value.
 */
function storedDeliveryId(deliveryId: string): string {
  return createHash('sha256').update(deliveryId).digest('base64url').slice(0, 12);
}

function toAnswerSet(userId: string, fields: Record<string, string> | null | undefined): AnswerSet | null {
  if (!fields?.[PROGRESS_FIELD]) return null;
  const stored = Object.entries(fields)
    .filter(([field]) => field.startsWith(STEP_FIELD_PREFIX))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const steps = stored.map(([field, value]): [string, unknown] => {
    const stepId = field.slice(STEP_FIELD_PREFIX.length);
    return [stepId, decodeStep(stepId, value)];
  });
  const position = parseJson(fields[PROGRESS_FIELD]);
  const finishedAt = fields[FINISHED_FIELD];
  const progress = typeof position === 'object' && finishedAt ? { ...position, finishedAt } : position;
  const set = answerSetFromRecord(userId, progress, steps);
  // The steps as stored decode to the same answers every time: equal strings, equal answers.
  return set && { ...set, version: stored.map(([field, value]) => `${field}\u0001${value}`).join('\u0002') };
}

/** HGETALL as Lua returns it, a flat [field, value, …] list, as an object. */
function pairs(flat: string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (let index = 0; index + 1 < flat.length; index += 2)
    fields[flat[index] as string] = flat[index + 1] as string;
  return fields;
}
