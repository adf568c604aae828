import type { InstallationStore, Logger } from '@slack/bolt';
import { AuthorizationError, InstallProvider } from '@slack/oauth';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { Config } from '../config.js';
import { InstallationMissingError } from '../store/installation-store.js';
import { installationQueryOf } from './listeners/requester.js';

/**
 * OAuth mode: the Web API client scheduled work (reminders, closes) uses for a tenant, with its token taken
 * the way Bolt takes one for a request: `InstallProvider.authorize` reads the install from the installation
 * store and, with token rotation on, refreshes a token that has expired or expires within two hours
 * (oauth.v2.access, grant_type=refresh_token) and stores the new one. Reading `bot.token` from the stored
 * record instead would hand out a token that died 12 hours after the last refresh.
 */
export function scheduledClients(input: {
  oauth: NonNullable<Config['slack']['oauth']>;
  installationStore: InstallationStore;
  /** Where Slack is and how calls are observed, as for every client of the app (app.ts webClientOptions). */
  clientOptions: WebClientOptions;
  logger: Logger;
}): (teamId: string) => Promise<WebClient | undefined> {
  const clientOptions = { ...input.clientOptions, logger: input.logger };
  const installer = new InstallProvider({
    clientId: input.oauth.clientId,
    clientSecret: input.oauth.clientSecret,
    stateSecret: input.oauth.stateSecret,
    installationStore: input.installationStore,
    clientOptions,
    logger: input.logger,
  });
  return async (teamId) => {
    try {
      const { botToken } = await installer.authorize(installationQueryOf(teamId));
      return botToken ? new WebClient(botToken, clientOptions) : undefined;
    } catch (error) {
      // No install left (uninstalled, revoked): nothing to post with. Anything else (the store is down) is retried.
      if (error instanceof AuthorizationError && error.original instanceof InstallationMissingError)
        return undefined;
      throw error;
    }
  };
}
