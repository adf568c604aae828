import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ListenerDeps } from '../deps.js';
import { listForSweep, publishDecision } from './publish.js';

/**
 * The safety net of the outbox: every instance polls the store's dirty list, and each decision on it is handed
 * to one of them, which republishes it if its message or thread notes lag behind the store (see
 * publish.ts). So a change whose request died, timed out or was cut short by a shutdown is published within
 * about two sweep intervals by whichever instance is up.
 */

export interface Sweeper {
  /** Publishes what lags on the decisions due for a sweep; returns how many were brought up to date. */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

/** A claimed decision is offered again after this, if its sweeper did not settle it (it died, or it lagged). */
const CLAIM_LEASE_MS = 60_000;
const BATCH = 20;

export function startSweeper(input: {
  deps: ListenerDeps;
  /**
   * The Web API client for a workspace (one token, or the workspace's installation in OAuth mode); undefined
   * when the workspace has no installation any more.
   */
  clientFor: (teamId: string) => Promise<WebClient | undefined>;
  logger: Logger;
}): Sweeper {
  const { deps, logger } = input;
  let running: Promise<number> | undefined;
  let stopped = false;

  const sweep = (): Promise<number> => {
    // One sweep at a time per instance; other instances are kept apart by the claims.
    running ??= sweepDue().finally(() => {
      running = undefined;
    });
    return running;
  };

  async function sweepDue(): Promise<number> {
    const claims = await deps.store.claimDirty(deps.now(), CLAIM_LEASE_MS, BATCH);
    let published = 0;
    for (const claim of claims) {
      if (stopped || deps.stopping.aborted) break;
      try {
        const client = await input.clientFor(claim.ref.teamId);
        if (!client) {
          // Uninstalled or revoked: nothing can post for it until it installs again.
          await deps.store.settleDirty(claim);
          logger.warn(
            `Dropped the republish of decision ${claim.ref.decisionId} (${claim.ref.teamId}): the workspace has no installation`,
          );
          continue;
        }
        const outcome = await publishDecision({ deps, client, ref: claim.ref });
        if (outcome === 'published' || outcome === 'clean') await deps.store.settleDirty(claim);
        if (outcome === 'published') published += 1;
        // Busy: due again next sweep, not after the claim, in case its holder dies or cannot re-mark it (the
        // store away when it let go); left (a shutdown) was re-marked by the publisher.
        if (outcome === 'busy') await listForSweep(deps, claim.ref);
      } catch (error) {
        logger.warn(
          `Could not republish decision ${claim.ref.decisionId}; the next sweep tries again`,
          error,
        );
        // The claim would hide it for CLAIM_LEASE_MS: make it due at the next sweep, as said.
        await listForSweep(deps, claim.ref).catch(() => undefined);
      }
    }
    return published;
  }

  const timer = setInterval(() => {
    sweep().catch((error: unknown) => logger.warn('The outbox sweep failed; it runs again shortly', error));
  }, deps.sweepIntervalMs);
  timer.unref();

  return {
    sweep,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
