import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import { forgetTenant } from '../../lifecycle.js';
import { eventTenantOf } from '../requester.js';

/** `app_uninstalled`: the workspace (or org) removed the app, so everything kept for it is deleted. */
export function appUninstalled(deps: ListenerDeps) {
  return async ({ body, logger }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_uninstalled'>) => {
    const teamId = eventTenantOf(body);
    if (!teamId) {
      logger.warn('app_uninstalled named no workspace; nothing was deleted');
      return;
    }
    // Bolt has acknowledged already; a failure here is logged and Slack's retry (or a reinstall) runs it again.
    await forgetTenant(deps, teamId, logger).catch((error: unknown) => {
      logger.error(`Could not erase the data of ${teamId} after app_uninstalled`, error);
    });
  };
}
