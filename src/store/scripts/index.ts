import type { Redis, Result } from 'ioredis';
import { ABANDON_PUBLISH } from './abandon-publish.js';
import { CLAIM_DIRTY } from './claim-dirty.js';
import { CLAIM_DUE } from './claim-due.js';
import { CLAIM_PUBLISH } from './claim-publish.js';
import { CREATE_DECISION } from './create-decision.js';
import { FINISH_PUBLISH } from './finish-publish.js';
import { FORGET_ANSWERS } from './forget-answers.js';
import { SAVE_STEP, type SaveStepReply } from './save-step.js';
import { SET_FIELDS } from './set-fields.js';
import { SETTLE_DIRTY } from './settle-dirty.js';

/** The store's Lua scripts (one per file, each with its KEYS, ARGV and reply), by the command name they run as. */
const SCRIPTS = {
  svCreateDecision: CREATE_DECISION,
  svSaveStep: SAVE_STEP,
  svClaimPublish: CLAIM_PUBLISH,
  svFinishPublish: FINISH_PUBLISH,
  svAbandonPublish: ABANDON_PUBLISH,
  svClaimDue: CLAIM_DUE,
  svClaimDirty: CLAIM_DIRTY,
  svSettleDirty: SETTLE_DIRTY,
  svForgetAnswers: FORGET_ANSWERS,
  svSetFields: SET_FIELDS,
} as const;

type Args = (string | number)[];

declare module 'ioredis' {
  interface RedisCommander<Context> {
    svCreateDecision(...keysAndArgs: Args): Result<0 | 1, Context>;
    svSaveStep(...keysAndArgs: Args): Result<SaveStepReply, Context>;
    svClaimPublish(...keysAndArgs: Args): Result<['clean' | 'busy' | 'leader', number], Context>;
    svFinishPublish(...keysAndArgs: Args): Result<number, Context>;
    svAbandonPublish(...keysAndArgs: Args): Result<number, Context>;
    svClaimDue(...keysAndArgs: Args): Result<string[], Context>;
    svClaimDirty(...keysAndArgs: Args): Result<(string | number)[], Context>;
    svSettleDirty(...keysAndArgs: Args): Result<number, Context>;
    svForgetAnswers(...keysAndArgs: Args): Result<number, Context>;
    svSetFields(key: string, ttlMs: number, ...fieldsAndValues: string[]): Result<number, Context>;
  }
}

/** The command names the scripts run as (sent with EVALSHA, loaded on first use). */
export type ScriptName = keyof typeof SCRIPTS;

export function defineScripts(client: Pick<Redis, 'defineCommand'>): void {
  for (const [name, script] of Object.entries(SCRIPTS)) client.defineCommand(name, script);
}
