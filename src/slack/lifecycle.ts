import type { Logger } from '@slack/bolt';
import type { ListenerDeps } from './deps.js';
import { installationQueryOf, isOrgTenant } from './listeners/requester.js';

/**
 * The app leaving a workspace (or org): uninstalled, everything kept for it goes; its bot token revoked, the
 * install and its scheduled work go and the decisions stay until RETENTION_DAYS, so a reinstall finds them.
 * Slack retries events, so both are idempotent: a second delivery finds nothing left to do.
 */

/**
 * `app_uninstalled`: deletes the installation, then every decision, answer set, index, due item and outbox entry
 * (dirty-list entries, pending thread notes).
 */
export async function forgetTenant(deps: ListenerDeps, teamId: string, logger: Logger): Promise<void> {
  await deps.installations?.deleteInstallation?.(installationQueryOf(teamId));
  const erased = await deps.store.eraseTenant(teamId);
  logger.info(
    `Uninstalled from ${describeTenant(teamId)}: erased ${erased.decisions} decision(s), ${erased.answerSets} answer set(s), ${erased.indexes} index entries, ${erased.dueItems} scheduled item(s) and ${erased.dirtyDecisions} pending republish(es) (${erased.keys} keys)`,
  );
}

/** `tokens_revoked` for the bot token: deletes the installation and stops scheduled work; keeps the data. */
export async function revokeTenant(deps: ListenerDeps, teamId: string, logger: Logger): Promise<void> {
  await deps.installations?.deleteInstallation?.(installationQueryOf(teamId));
  const stopped = await deps.store.unscheduleTenant(teamId);
  logger.info(
    `Bot token revoked for ${describeTenant(teamId)}: installation deleted, ${stopped} scheduled item(s) stopped; decisions kept until RETENTION_DAYS`,
  );
}

function describeTenant(teamId: string): string {
  return isOrgTenant(teamId) ? `org ${teamId}` : `workspace ${teamId}`;
}
