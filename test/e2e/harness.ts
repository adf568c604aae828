import { randomBytes } from 'node:crypto';
import { type Logger, LogLevel } from '@slack/bolt';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import type { Config } from '../../src/config.js';
import { roughFieldOf } from '../../src/domain/figures.js';
import { STEPS } from '../../src/domain/questions.js';
import type { Answers } from '../../src/domain/types.js';
import {
  type SlackActor,
  type SlackEmulator,
  type SlackEmulatorOptions,
  startSlackEmulator,
} from '../../src/emulator/index.js';
import { AppMetrics } from '../../src/ops/metrics.js';
import {
  createInstallationStore,
  createStore,
  type RunningApp,
  startStreamVerdict,
} from '../../src/server.js';

export const SIGNING_SECRET = '8f742231b10e8888abcd99aaabbb85a5';
export const BOT_TOKEN = 'xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy';
export const CHANNEL = 'C0GENERAL';

/**
 * The real app in HTTP mode on a free port, a real Redis under a key prefix of its own, and the Slack
 * emulator as the only Slack it knows. `restart` replaces the app process's state entirely (new app, new
 * Redis connection) while Slack and Redis carry on, as after a deploy.
 */
export interface Harness {
  slack: SlackEmulator;
  app: RunningApp;
  eventsUrl: string;
  /** Every line the app logged, as `LEVEL message`. */
  logs: string[];
  /** The Redis key prefix of this harness's app. */
  keyPrefix: string;
  /** Every Redis key the app has written so far, found by SCAN over its prefix (empty with the in-memory store). */
  storedKeys(): Promise<string[]>;
  /** The members of the app's due-list in Redis (empty with the in-memory store). */
  dueMembers(): Promise<string[]>;
  /** The members of the outbox's dirty list in Redis (empty with the in-memory store). */
  dirtyMembers(): Promise<string[]>;
  person(userId: string): SlackActor;
  /** Stops the app as SIGTERM does and starts another; `whileDown` runs in between, with no app up. */
  restart(options?: { whileDown?: () => void | Promise<void> }): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(
  options: {
    redisUrl?: string | null;
    costs?: Config['costs'];
    /** Adjusts the app's configuration, e.g. to run in OAuth mode. */
    configure?: (config: Config) => Config;
    /** The app's clock, for deadlines; wall time by default. */
    now?: () => Date;
    /** How often the app polls its due-list; tests that call `app.scheduler.tick()` make this long. */
    schedulerIntervalMs?: number;
    /** The emulated Slack's install (token rotation, org-wide) and workspace (e.g. its Grid org). */
    emulator?: Pick<SlackEmulatorOptions, 'install' | 'workspace'>;
    /** The app's logger instead of the recording one (`logs` then stays empty). */
    logger?: Logger;
    /** Where createStore's warnings go (e.g. the Redis eviction check); dropped by default. */
    warn?: (line: string) => void;
  } = {},
): Promise<Harness> {
  const slack = await startSlackEmulator({
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    ...options.emulator,
  });
  const redisUrl = options.redisUrl === null ? undefined : (options.redisUrl ?? inject('redisUrl'));
  const keyPrefix = `e2e-${randomBytes(6).toString('hex')}`;
  const logs: string[] = [];
  const baseConfig: Config = {
    transport: 'http',
    slack: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: slack.apiUrl },
    port: 0,
    redisUrl,
    retentionDays: 90,
    logLevel: 'error',
    ...(options.costs && { costs: options.costs }),
  };
  const config = options.configure ? options.configure(baseConfig) : baseConfig;
  const installs = (oauthConfig: Config) => {
    const made = createInstallationStore(oauthConfig, { keyPrefix });
    closers.push(made.close);
    return made;
  };
  const closers: (() => Promise<void>)[] = [];
  const logger = options.logger ?? recordingLogger(logs);
  const boot = (port = 0, metrics = new AppMetrics()) =>
    startStreamVerdict({
      config: { ...config, port },
      store: createStore(config, { keyPrefix, warn: options.warn ?? (() => undefined), metrics, logger }),
      metrics,
      logger,
      ...(options.now ? { now: options.now } : {}),
      ...(options.schedulerIntervalMs !== undefined
        ? { schedulerIntervalMs: options.schedulerIntervalMs }
        : {}),
      ...(config.slack.oauth ? { installationStore: installs(config).store } : {}),
    });

  const harness: Harness = {
    slack,
    keyPrefix,
    logs,
    app: await boot(),
    get eventsUrl() {
      return `http://127.0.0.1:${harness.app.port}/slack/events`;
    },
    person: (userId) => slack.actorFor(userId, { appEventsUrl: harness.eventsUrl }),
    async storedKeys() {
      if (!redisUrl) return [];
      const client = new Redis(redisUrl);
      try {
        const keys: string[] = [];
        for await (const batch of client.scanStream({ match: `${keyPrefix}:*`, count: 500 }))
          keys.push(...(batch as string[]));
        return [...new Set(keys)].sort();
      } finally {
        client.disconnect();
      }
    },
    async dueMembers() {
      if (!redisUrl) return [];
      const client = new Redis(redisUrl);
      try {
        return await client.zrange(`${keyPrefix}:due`, '0', '-1');
      } finally {
        client.disconnect();
      }
    },
    async dirtyMembers() {
      if (!redisUrl) return [];
      const client = new Redis(redisUrl);
      try {
        return await client.zrange(`${keyPrefix}:dirty`, '0', '-1');
      } finally {
        client.disconnect();
      }
    },
    async restart({ whileDown } = {}) {
      const { port } = harness.app;
      await harness.app.stop();
      await whileDown?.();
      // Same port: Slack keeps sending to the same request URL across a deploy.
      harness.app = await boot(port);
    },
    async close() {
      await harness.app.stop();
      await Promise.all(closers.map((close) => close()));
      await slack.close();
    },
  };
  return harness;
}

/** Keeps every log line for assertions; errors still reach the console, where a failing test needs them. */
function recordingLogger(lines: string[]): Logger {
  const record =
    (level: string) =>
    (...parts: unknown[]) => {
      const line = `${level} ${parts.map((part) => (part instanceof Error ? part.message : String(part))).join(' ')}`;
      lines.push(line);
      if (level === 'ERROR') console.error(line);
    };
  return {
    debug: record('DEBUG'),
    info: record('INFO'),
    warn: record('WARN'),
    error: record('ERROR'),
    setLevel: () => undefined,
    getLevel: () => LogLevel.DEBUG,
    setName: () => undefined,
  };
}

/** One step's answers as a person would enter them in the modal: numbers typed as text. */
export function stepValues(stepIndex: number, answers: Answers): Record<string, string | string[] | null> {
  const step = STEPS[stepIndex];
  if (!step) throw new RangeError(`no step ${stepIndex}`);
  const values: Record<string, string | string[] | null> = {};
  for (const question of step.questions) {
    const answer = answers[question.id];
    if (answer === undefined) continue;
    // A rough answer to a number (a range or "Don't know") goes in the select beside its field.
    // The other of the two is cleared, as a person would, since a pre-filled one stays otherwise.
    if (question.kind === 'number') {
      const rough = typeof answer === 'string';
      values[roughFieldOf(question.id)] = rough ? answer : null;
      values[question.id] = rough ? null : String(answer);
    } else values[question.id] = typeof answer === 'number' ? String(answer) : answer;
  }
  return values;
}

export { blockById, visibleText } from '../support/blocks.js';
