import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { isComplete } from '../../domain/answer-set.js';
import { withLogContext } from '../../ops/log-context.js';
import { DAY_MS, type DueItem } from '../../store/port.js';
import type { ListenerDeps } from '../deps.js';
import { slackErrorCode } from '../errors.js';
import { deadlineWords } from '../views/deliberation.js';
import { closeDecision } from './close.js';

/**
 * Deadlines: the day before a decision's *decide by*, a reminder in its thread names who has not finished; at
 * the deadline the decision closes itself. The due-list lives in the store, so it survives restarts and every
 * instance polls it; each due item is claimed by one instance (and re-offered if that instance dies before it
 * is done), so each fires once.
 */

export interface Scheduler {
  /** Handles everything due now; returns how many items were done. Polling calls it; tests may too. */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

export const POLL_INTERVAL_MS = 15_000;
/** A claimed item is offered again after this, if its claimer did not finish it. */
const CLAIM_LEASE_MS = 120_000;
/** Slack's answers meaning the token is dead: retrying cannot help, so the item is dropped. */
const AUTH_ERRORS = new Set([
  'not_authed',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
  'token_expired',
]);
/** After a failure the item is tried again this much later, twice as long after each further one, up to the cap. */
const RETRY_FIRST_MS = 60_000;
const RETRY_CAP_MS = 60 * 60_000;
/** An item still failing this long after its first failure is dropped. */
export const GIVE_UP_AFTER_MS = DAY_MS;
const BATCH = 20;
/** The reminder names at most this many people and counts the rest. */
const NAMES_SHOWN = 30;

export function startScheduler(input: {
  deps: ListenerDeps;
  /**
   * The Web API client for a workspace (one token, or the workspace's installation in OAuth mode); undefined
   * when the workspace has no installation any more.
   */
  clientFor: (teamId: string) => Promise<WebClient | undefined>;
  logger: Logger;
  intervalMs?: number;
}): Scheduler {
  const { deps, logger } = input;
  let running: Promise<number> | undefined;

  const tick = (): Promise<number> => {
    // One tick at a time per instance; other instances are kept apart by the claims.
    running ??= runDue().finally(() => {
      running = undefined;
    });
    return running;
  };

  async function runDue(): Promise<number> {
    const items = await deps.store.claimDue(deps.now(), CLAIM_LEASE_MS, BATCH);
    let done = 0;
    for (const item of items) {
      const where = { workspace: item.teamId, decision: item.decisionId, surface: 'scheduler' };
      if (await runItem(item, withLogContext(logger, where))) done += 1;
    }
    return done;
  }

  /** Does one due item; true when it is done (a dropped or rescheduled item is not). */
  async function runItem(item: DueItem, logger: Logger): Promise<boolean> {
    try {
      const client = await input.clientFor(item.teamId);
      if (!client) {
        await deps.store.unschedule(item);
        logger.warn(
          `Dropped the ${describe(item)}: the workspace has no installation (uninstalled or revoked)`,
        );
        return false;
      }
      await (item.kind === 'remind' ? remind(deps, client, item) : close(deps, client, item));
      await deps.store.unschedule(item);
      return true;
    } catch (error) {
      // If this fails too (the store is down), the item stays claimed and is offered again after the claim.
      await giveUpOrRetry(item, error, logger).catch((storeError: unknown) => {
        logger.error(`Could not ${describe(item)}, nor note the failure`, storeError);
      });
      return false;
    }
  }

  async function giveUpOrRetry(item: DueItem, error: unknown, logger: Logger): Promise<void> {
    const code = slackErrorCode(error);
    if (code && AUTH_ERRORS.has(code)) {
      await deps.store.unschedule(item);
      logger.warn(`Dropped the ${describe(item)}: Slack refuses the workspace's token (${code})`);
      return;
    }
    const now = deps.now();
    const failures = await deps.store.noteDueFailure(item, now);
    if (now.getTime() - failures.firstAt.getTime() >= GIVE_UP_AFTER_MS) {
      await deps.store.unschedule(item);
      logger.error(`Gave up the ${describe(item)} after ${failures.count} failed attempts over a day`, error);
      return;
    }
    const retryAt = new Date(now.getTime() + retryDelayMs(failures.count));
    await deps.store.schedule(item, retryAt);
    logger.warn(
      `Could not ${describe(item)} (attempt ${failures.count}); trying again at ${retryAt.toISOString()}`,
      error,
    );
  }

  const timer = setInterval(() => {
    tick().catch((error: unknown) => logger.warn('The deadline check failed; it runs again shortly', error));
  }, input.intervalMs ?? POLL_INTERVAL_MS);
  timer.unref();

  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}

/** How long to wait after the `failures`-th failure in a row: doubling from a minute, at most an hour. */
export function retryDelayMs(failures: number): number {
  return Math.min(RETRY_FIRST_MS * 2 ** Math.max(0, failures - 1), RETRY_CAP_MS);
}

function describe(item: DueItem): string {
  return `${item.kind} of decision ${item.decisionId} (${item.teamId})`;
}

async function remind(deps: ListenerDeps, client: WebClient, item: DueItem): Promise<void> {
  const decision = await deps.store.getDecision(item);
  if (!decision?.message || decision.closed || !decision.decideBy) return;
  // Both came due at once (every instance was down for a day): the close says enough.
  if (new Date(decision.decideBy) <= deps.now()) return;
  const sets = await deps.store.listAnswerSets(item);
  const unfinished = sets.filter((set) => !isComplete(set)).map((set) => set.userId);
  const named = unfinished.slice(0, NAMES_SHOWN).map((userId) => `<@${userId}>`);
  const more = unfinished.length - named.length;
  const who =
    unfinished.length === 0
      ? 'Everyone who started the questionnaire has finished it; anyone else can still add their answers.'
      : `Still to finish their answers: ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`;
  await client.chat.postMessage({
    channel: decision.message.channel,
    thread_ts: decision.message.ts,
    text: `:alarm_clock: Reminder: this decision closes ${deadlineWords(decision.decideBy, decision)}. ${who}`,
  });
}

async function close(deps: ListenerDeps, client: WebClient, item: DueItem): Promise<void> {
  const decision = await deps.store.getDecision(item);
  if (!decision || decision.closed) return;
  await closeDecision({ deps, client, ref: item });
}
