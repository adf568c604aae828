/**
 * The offline sandbox: Slack emulated on this machine, with the real app under it. `npm start` runs it when
 * no Slack credentials are set. The emulator is the one the end-to-end tests use; the app is the real app
 * (HTTP mode, real store) on an internal port, signed requests and all; the page on `PORT` is Slack's side.
 */
import { randomBytes } from 'node:crypto';
import type { Config, SandboxConfig } from '../config.js';
import { type SlackEmulator, startSlackEmulator } from '../emulator/index.js';
import { createStore, type RunningApp, startStreamVerdict } from '../server.js';
import type { DecisionStore } from '../store/port.js';
import { readSlashCommands } from './manifest.js';
import { type PageServer, startPageServer } from './page-server.js';
import { SANDBOX_WORKSPACE } from './roster.js';

export interface SandboxOptions {
  config: SandboxConfig;
  /** Where the page listens; loopback by default, since anyone who reaches it can act as any teammate. */
  host?: string;
  /** Passed to `createStore`: a key prefix for Redis, and where the in-memory warning goes. */
  storeOptions?: { keyPrefix?: string; warn?: (line: string) => void };
}

export interface RunningSandbox {
  /** The page, e.g. http://localhost:3000 */
  url: string;
  port: number;
  slack: SlackEmulator;
  app: RunningApp;
  store: DecisionStore;
  stop(): Promise<void>;
}

/** How many Web API calls the emulator keeps for the page's error list; a sandbox may run all day. */
const RECORDED_CALLS_KEPT = 200;

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const commands = await readSlashCommands();
  // Made up per run: nothing outside this process can sign a request the app accepts.
  const signingSecret = randomBytes(16).toString('hex');
  const botToken = `xoxb-sandbox-${randomBytes(12).toString('hex')}`;
  const slack = await startSlackEmulator({
    signingSecret,
    botToken,
    workspace: SANDBOX_WORKSPACE,
    maxRecordedCalls: RECORDED_CALLS_KEPT,
  });

  const appConfig: Config = {
    ...options.config,
    transport: 'http',
    slack: { botToken, signingSecret, apiUrl: slack.apiUrl },
    port: 0,
  };
  const store = createStore(appConfig, options.storeOptions);
  let app: RunningApp | undefined;
  let page: PageServer | undefined;
  try {
    app = await startStreamVerdict({ config: appConfig, store });
    page = await startPageServer({
      slack,
      appEventsUrl: `http://127.0.0.1:${app.port}/slack/events`,
      appHealthUrl: `http://127.0.0.1:${app.port}/healthz`,
      commands,
      port: options.config.port,
      host: options.host ?? '127.0.0.1',
    });
  } catch (error) {
    await (app ? app.stop() : store.close()).catch(() => undefined);
    await slack.close();
    throw error;
  }

  const running = app;
  const server = page;
  return {
    url: `http://localhost:${server.port}`,
    port: server.port,
    slack,
    app: running,
    store,
    async stop() {
      await server.close();
      await running.stop();
      await slack.close();
    },
  };
}
