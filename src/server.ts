import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App, InstallationStore } from '@slack/bolt';
import type { Config } from './config.js';
import { InvalidAppSettingError } from './errors.js';
import { AppMetrics } from './ops/metrics.js';
import {
  appLogger,
  createSlackApp,
  listenerDeps,
  type SlackAppOptions,
  webClientOptions,
} from './slack/app.js';
import { type Scheduler, startScheduler } from './slack/flows/schedule.js';
import { type Sweeper, startSweeper } from './slack/flows/sweep.js';
import { InFlightWork } from './slack/in-flight.js';
import { scheduledClients } from './slack/scheduled-clients.js';
import { useNativeFormEncoding } from './slack/web-api-args.js';
import { EncryptedInstallationStore, memorySecrets, redisSecrets } from './store/installation-store.js';
import { KeySpace } from './store/keys.js';
import { MemoryStore } from './store/memory-store.js';
import type { DecisionStore } from './store/port.js';
import {
  type ConnectionLog,
  connectRedis,
  INSTALL_COMMAND_TIMEOUT_MS,
  logConnectionEvents,
} from './store/redis-connection.js';
import { readDurability } from './store/redis-durability.js';
import { RedisStore } from './store/redis-store.js';

/** How long shutdown waits for work in flight; the process manager's own deadline should be longer. */
export const SHUTDOWN_GRACE_MS = 8_000;
/** The last part of the grace, for work cut short to hand itself over (release its lease). */
const LET_GO_MS = 2_000;

export interface RunningApp {
  app: App;
  store: DecisionStore;
  /** The HTTP port actually listened on (useful when PORT was 0). */
  port: number;
  /** Reminders and closes at decision deadlines. */
  scheduler: Scheduler;
  metrics: AppMetrics;
  /** Republishes decision messages that lag behind the store. */
  sweeper: Sweeper;
  stop(): Promise<void>;
}

export const IN_MEMORY_WARNING = boxed([
  'REDIS_URL is not set: answers are kept IN MEMORY in this one process.',
  'Nothing survives a restart and instances do not share answers.',
  'Set REDIS_URL (e.g. redis://localhost:6379) for anything real.',
]);

function boxed(lines: string[]): string {
  const width = Math.max(...lines.map((line) => line.length));
  const rule = '*'.repeat(width + 4);
  return [rule, ...lines.map((line) => `* ${line.padEnd(width)} *`), rule].join('\n');
}

export function createStore(
  config: Config,
  options: {
    keyPrefix?: string;
    warn?: (line: string) => void;
    metrics?: AppMetrics;
    /** Where the connection's failures and recoveries are logged; without it, they go to `warn`. */
    logger?: ConnectionLog;
  } = {},
): DecisionStore {
  if (!config.redisUrl) {
    (options.warn ?? console.warn)(IN_MEMORY_WARNING);
    return new MemoryStore({ retentionDays: config.retentionDays });
  }
  const { metrics } = options;
  const client = connectRedis(config.redisUrl);
  const warn = options.warn ?? console.warn;
  // Connection errors are logged once per outage and surface through readiness, metrics and failed saves;
  // ioredis keeps reconnecting meanwhile.
  logConnectionEvents(client, 'Redis (answers)', options.logger ?? linesTo(warn));
  client.on('error', () => metrics?.redisConnectionError());
  client.on('reconnecting', () => metrics?.redisReconnecting());
  // Loudly, on every (re)connection, when this Redis may lose answers; /readyz's body says it too.
  client.on('ready', () => {
    readDurability(client).then(
      (durability) => {
        for (const warning of durability.warnings) warn(`REDIS WARNING: ${warning}`);
      },
      () => undefined,
    );
  });
  return new RedisStore({
    client,
    retentionDays: config.retentionDays,
    keys: new KeySpace(options.keyPrefix),
    ...(metrics ? { onCommandError: () => metrics.redisCommandFailed() } : {}),
  });
}

/** A log of one-line messages, for callers that give only a `warn` function. */
function linesTo(write: (line: string) => void): ConnectionLog {
  const line = (parts: unknown[]) =>
    parts.map((part) => (part instanceof Error ? part.message : String(part))).join(' ');
  return { error: (...parts) => write(line(parts)), info: (...parts) => write(line(parts)) };
}

/**
 * OAuth mode's installation store: in Redis when there is one (shared by every instance), else in memory.
 * Tokens are sealed with a key derived from SLACK_CLIENT_SECRET either way.
 */
export function createInstallationStore(
  config: Config,
  options: { keyPrefix?: string; logger?: ConnectionLog } = {},
): { store: InstallationStore; close(): Promise<void> } {
  const secret = config.slack.oauth?.clientSecret;
  if (!secret) throw new InvalidAppSettingError('createInstallationStore needs OAuth settings');
  if (!config.redisUrl)
    return { store: new EncryptedInstallationStore(memorySecrets(), secret), close: async () => {} };
  // Read on every request before any listener runs: its share of Slack's 3 s is the smaller one.
  const client = connectRedis(config.redisUrl, INSTALL_COMMAND_TIMEOUT_MS);
  logConnectionEvents(client, 'Redis (installations)', options.logger ?? linesTo(console.warn));
  return {
    store: new EncryptedInstallationStore(redisSecrets(client), secret, options.keyPrefix),
    close: async () => {
      await client.quit().catch(() => undefined);
    },
  };
}

/**
 * Starts the app on the configured transport. `stop` drains: /readyz turns 503 at once while requests are still
 * served, work in flight finishes (bounded), then the server and the store close.
 */
export async function startStreamVerdict(
  input: SlackAppOptions & {
    schedulerIntervalMs?: number;
    /** Pass the one given to createStore, so Redis errors and reconnects are counted too. */
    metrics?: AppMetrics;
  },
): Promise<RunningApp> {
  useNativeFormEncoding();
  const installs =
    input.config.slack.oauth && !input.installationStore
      ? createInstallationStore(input.config, { logger: appLogger(input) })
      : undefined;
  const metrics = input.metrics ?? new AppMetrics();
  const now = input.now ?? (() => new Date());
  metrics.watchStore(input.store, now);
  let draining = false;
  const stopping = new AbortController();
  const inFlight = new InFlightWork();
  const options = {
    ...input,
    metrics,
    inFlight,
    draining: () => draining,
    stopping: stopping.signal,
    ...(installs ? { installationStore: installs.store } : {}),
  };
  const app = createSlackApp(options);
  const started = (await app.start(input.config.port)) as Server | undefined;
  const address =
    started && typeof started.address === 'function' ? (started.address() as AddressInfo | null) : null;
  const installationStore = installs?.store ?? input.installationStore;
  const deps = listenerDeps(options);
  // Reminders, closes and the sweeper's republishes post with the workspace's (or org's) token, refreshed as
  // Bolt refreshes it for a request; with one token, Bolt's own client.
  const clientFor =
    installationStore && input.config.slack.oauth
      ? scheduledClients({
          oauth: input.config.slack.oauth,
          installationStore,
          clientOptions: webClientOptions(input.config, metrics),
          logger: app.logger,
        })
      : async () => app.client;
  const scheduler = startScheduler({
    deps,
    logger: app.logger,
    ...(input.schedulerIntervalMs !== undefined ? { intervalMs: input.schedulerIntervalMs } : {}),
    clientFor,
  });
  const sweeper = startSweeper({ deps, logger: app.logger, clientFor });
  return {
    app,
    store: input.store,
    port: address?.port ?? input.config.port,
    scheduler,
    metrics,
    sweeper,
    async stop() {
      draining = true;
      await Promise.all([scheduler.stop(), sweeper.stop()]);
      // Still serving while /readyz says 503: a load balancer that has not noticed yet still sends requests
      // here, and they are answered rather than refused. Then no new requests, and the store closes.
      let drained = await inFlight.idle(SHUTDOWN_GRACE_MS - LET_GO_MS);
      if (!drained) {
        // Out of time: publishers stop after the Slack call they are in, let go of their leases and leave the
        // rest, still recorded in the store, to a sweeper of any instance.
        stopping.abort();
        drained = await inFlight.idle(LET_GO_MS);
      }
      await app.stop();
      if (!drained)
        app.logger.warn(
          `Stopping with ${inFlight.count} request(s) still running after ${SHUTDOWN_GRACE_MS} ms`,
        );
      await input.store.close();
      await installs?.close();
    },
  };
}
