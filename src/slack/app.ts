import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, type CustomRoute, type InstallationStore, type Logger, LogLevel } from '@slack/bolt';
import type { Config } from '../config.js';
import { DEFAULT_COST_SETTINGS } from '../domain/team.js';
import type { DecisionStore } from '../store/port.js';
import type { ListenerDeps } from './deps.js';
import { registerActions } from './listeners/actions/index.js';
import { registerCommands } from './listeners/commands/index.js';
import { registerEvents } from './listeners/events/index.js';
import { acknowledgeUnclaimed } from './listeners/unclaimed.js';
import { registerViews } from './listeners/views/index.js';
import { consoleLogger, redactingLogger } from './logger.js';
import { BOT_SCOPES } from './scopes.js';

export interface SlackAppOptions {
  config: Config;
  store: DecisionStore;
  now?: () => Date;
  /** Where Bolt and the listeners log; defaults to Bolt's console logger at LOG_LEVEL. */
  logger?: Logger;
  /** OAuth mode: where each workspace's install (and token) is kept. */
  installationStore?: InstallationStore;
}

const LOG_LEVELS = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
} as const;

/** What the listeners (and the deadline scheduler) get besides Slack's arguments. */
export function listenerDeps(options: SlackAppOptions): ListenerDeps {
  return {
    store: options.store,
    now: options.now ?? (() => new Date()),
    retentionDays: options.config.retentionDays,
    costs: options.config.costs ?? DEFAULT_COST_SETTINGS,
    ...(options.installationStore ? { installations: options.installationStore } : {}),
  };
}

/** Builds the Bolt app for the configured transport and registers every listener. */
export function createSlackApp(options: SlackAppOptions): App {
  const { config, store } = options;
  const deps = listenerDeps(options);
  const clientOptions = config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {};
  const transport =
    config.transport === 'socket'
      ? {
          socketMode: true,
          appToken: config.slack.appToken,
          // A copy for the Socket Mode client, which sets its own reconnect retry policy (100 retries) on the
          // options it is given; sharing Bolt's would hand that policy to every listener's client.
          installerOptions: { clientOptions: { ...clientOptions } },
        }
      : { signingSecret: config.slack.signingSecret, endpoints: '/slack/events' };
  const { oauth } = config.slack;
  const authorization = oauth
    ? {
        clientId: oauth.clientId,
        clientSecret: oauth.clientSecret,
        stateSecret: oauth.stateSecret,
        scopes: BOT_SCOPES,
        installationStore: options.installationStore,
        installerOptions: { directInstall: true, clientOptions },
      }
    : { token: config.slack.botToken };

  const app = new App({
    ...transport,
    ...authorization,
    port: config.port,
    customRoutes: [healthRoute(store)],
    logLevel: LOG_LEVELS[config.logLevel],
    logger: redactingLogger(options.logger ?? consoleLogger(LOG_LEVELS[config.logLevel]), [
      config.slack.botToken,
      config.slack.signingSecret,
      config.slack.appToken,
      config.slack.oauth?.clientSecret,
      config.slack.oauth?.stateSecret,
    ]),
    clientOptions,
  });

  app.use(acknowledgeUnclaimed);
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerEvents(app, deps);
  app.error(async (error) => {
    app.logger.error('Unhandled error in a listener', error);
  });
  return app;
}

/** `GET /healthz`: 200 while the process serves requests; the body says whether the store is healthy. */
function healthRoute(store: DecisionStore): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req: IncomingMessage, res: ServerResponse) => {
      void store.health().then((health) => {
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ status: health.status, store: health }));
      });
    },
  };
}
