import { App, type InstallationStore, type Logger, LogLevel } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import { type Config, DEFAULT_SWEEP_INTERVAL_MS } from '../config.js';
import { DEFAULT_COST_SETTINGS } from '../domain/team.js';
import type { AppMetrics } from '../ops/metrics.js';
import { probeRoutes } from '../ops/probes.js';
import { tokenlessWhileUnavailable } from '../store/installation-store.js';
import type { DecisionStore } from '../store/port.js';
import { redisUrlSecrets } from '../store/redis-url.js';
import type { ListenerDeps } from './deps.js';
import { frontDoor } from './front-door.js';
import type { InFlightWork } from './in-flight.js';
import { registerActions } from './listeners/actions/index.js';
import { registerCommands, startsDecision } from './listeners/commands/index.js';
import { registerEvents } from './listeners/events/index.js';
import { handleOnce } from './listeners/redelivery.js';
import { answerWhileInstallationUnreadable } from './listeners/store-unavailable.js';
import { acknowledgeUnclaimed } from './listeners/unclaimed.js';
import { registerViews } from './listeners/views/index.js';
import { redactingLogger, structuredLogger } from './logger.js';
import { observeRequests } from './observe.js';
import { PeopleDirectory } from './people.js';
import { createGuardedHttpReceiver } from './receiver.js';
import { BOT_SCOPES } from './scopes.js';
import { budgetedCalls } from './web-api-budget.js';
import { webApiFetch } from './web-api-transport.js';

export interface SlackAppOptions {
  config: Config;
  store: DecisionStore;
  now?: () => Date;
  /** Where Bolt and the listeners log; defaults to the structured logger at LOG_LEVEL in LOG_FORMAT. */
  logger?: Logger;
  /** OAuth mode: where each workspace's install (and token) is kept. */
  installationStore?: InstallationStore;
  /** Aborted when the instance shuts down (see ListenerDeps.stopping). */
  stopping?: AbortSignal;
}

/** What the running app (server.ts) adds: its metrics, its count of work in progress, whether it is draining. */
export interface Operations {
  metrics: AppMetrics;
  inFlight: InFlightWork;
  draining: () => boolean;
}

const LOG_LEVELS = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
} as const;

/** What the listeners (and the deadline scheduler) get besides Slack's arguments. */
export function listenerDeps(options: SlackAppOptions & Pick<Operations, 'metrics'>): ListenerDeps {
  return {
    publishing: options.metrics.publishing,
    people: new PeopleDirectory(),
    store: options.store,
    now: options.now ?? (() => new Date()),
    retentionDays: options.config.retentionDays,
    costs: options.config.costs ?? DEFAULT_COST_SETTINGS,
    ...(options.installationStore ? { installations: options.installationStore } : {}),
    sweepIntervalMs: options.config.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS,
    stopping: options.stopping ?? new AbortController().signal,
  };
}

/** Every configured secret, for the logger to cut out by value: Slack's, and the Redis passwords. */
export function secretsOf(config: { slack?: Config['slack']; redisUrl?: string }): (string | undefined)[] {
  const { slack } = config;
  return [
    slack?.botToken,
    slack?.signingSecret,
    slack?.appToken,
    slack?.oauth?.clientSecret,
    slack?.oauth?.stateSecret,
    ...(config.redisUrl ? redisUrlSecrets(config.redisUrl) : []),
  ];
}

/** Builds the Bolt app for the configured transport and registers every listener. */
/**
 * Options for every Web API client the app makes: where Slack is, each call's deadline and retries
 * (web-api-budget.ts), the metrics' view of every attempt, and the keep-alive transport under it
 * (web-api-transport.ts).
 */
export function webClientOptions(config: Config, metrics: AppMetrics): WebClientOptions {
  return {
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    ...budgetedCalls(metrics.observedFetch(webApiFetch)),
  };
}

/** The logger given, or the structured one at LOG_LEVEL in LOG_FORMAT; either way with every secret cut out. */
export function appLogger(options: Pick<SlackAppOptions, 'config' | 'logger'>): Logger {
  const { config } = options;
  return options.logger
    ? redactingLogger(options.logger, secretsOf(config))
    : structuredLogger({
        level: config.logLevel,
        format: config.logFormat ?? 'text',
        secrets: secretsOf(config),
      });
}

export function createSlackApp(options: SlackAppOptions & Operations): App {
  const { config, store, metrics } = options;
  const deps = listenerDeps(options);
  const clientOptions = webClientOptions(config, metrics);
  const logger = appLogger(options);
  const { oauth } = config.slack;
  const oauthOptions = oauth && {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: BOT_SCOPES,
    installationStore: options.installationStore
      ? tokenlessWhileUnavailable(options.installationStore)
      : undefined,
    installerOptions: { directInstall: true, clientOptions },
  };
  const customRoutes = probeRoutes({
    store,
    draining: options.draining,
    ...(config.metrics === false ? {} : { metrics }),
  });
  const transport =
    config.transport === 'socket'
      ? {
          socketMode: true,
          appToken: config.slack.appToken,
          customRoutes,
          ...oauthOptions,
          // A copy for the Socket Mode client, which sets its own reconnect retry policy (100 retries) on the
          // options it is given; sharing Bolt's would hand that policy to every listener's client.
          installerOptions: { ...oauthOptions?.installerOptions, clientOptions: { ...clientOptions } },
        }
      : {
          receiver: createGuardedHttpReceiver({
            signingSecret: config.slack.signingSecret ?? '',
            endpoint: '/slack/events',
            port: config.port,
            customRoutes,
            logger,
            ...oauthOptions,
          }),
        };

  const app = new App({
    ...transport,
    ...(oauth ? {} : { token: config.slack.botToken }),
    port: config.port,
    logLevel: LOG_LEVELS[config.logLevel],
    logger,
    clientOptions,
    // No listener keeps conversation state; Bolt's store would look each request up and make an Error of the miss.
    convoStore: false,
  });

  observeRequests(app, metrics, options.inFlight);
  app.use(
    frontDoor(metrics, [
      ...(oauth ? [answerWhileInstallationUnreadable] : []),
      acknowledgeUnclaimed,
      handleOnce(store, startsDecision),
    ]),
  );
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerEvents(app, deps);
  app.error(async (error) => {
    app.logger.error('Unhandled error in a listener', error);
  });
  return app;
}
