import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type SlackEmulator, SocketModeServer, startSlackEmulator } from '../../src/emulator/index.js';
import { silentLogger } from '../support/silent-logger.js';

const APP_ID = 'A0STREAMVERDICT';
const APP_TOKEN = 'xapp-1-A0STREAMVERDICT-1234-socket-mode-test';
const BOT_TOKEN = 'xoxb-socket-mode-test';

const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** The app's end of one connection: every frame it receives, in order. */
interface AppSide {
  socket: WebSocket;
  next(): Promise<Record<string, unknown>>;
}

async function connect(url: string): Promise<AppSide> {
  const socket = new WebSocket(url);
  const frames: Record<string, unknown>[] = [];
  const waiting: ((frame: Record<string, unknown>) => void)[] = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as Record<string, unknown>;
    const wake = waiting.shift();
    if (wake) wake(frame);
    else frames.push(frame);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  closers.push(async () => {
    if (socket.readyState === WebSocket.CLOSED) return;
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.close();
    await closed;
  });
  return {
    socket,
    next: () => {
      const frame = frames.shift();
      return frame ? Promise.resolve(frame) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

async function startServer(): Promise<SocketModeServer> {
  const server = await SocketModeServer.start({ appId: APP_ID });
  closers.push(() => server.close());
  return server;
}

async function startEmulator(): Promise<SlackEmulator> {
  const slack = await startSlackEmulator({
    signingSecret: 'socket-mode-test-secret',
    botToken: BOT_TOKEN,
    appToken: APP_TOKEN,
  });
  closers.push(() => slack.close());
  return slack;
}

describe('Socket Mode server', () => {
  it('greets a connection with hello, sends an envelope and hands back the matching acknowledgement', async () => {
    const server = await startServer();
    const app = await connect(server.issueConnectionUrl());
    expect(await app.next()).toMatchObject({
      type: 'hello',
      num_connections: 1,
      connection_info: { app_id: APP_ID },
    });
    expect(server.connectionCount).toBe(1);

    const acknowledged = server.deliver('interactive', { type: 'view_submission' });
    const envelope = await app.next();
    expect(envelope).toEqual({
      envelope_id: expect.any(String),
      payload: { type: 'view_submission' },
      type: 'interactive',
      accepts_response_payload: true,
    });
    // An acknowledgement for some other envelope is not this one's.
    app.socket.send(JSON.stringify({ envelope_id: 'not-this-one', payload: { response_action: 'clear' } }));
    const errors = { response_action: 'errors', errors: { peak: 'Too low' } };
    app.socket.send(JSON.stringify({ envelope_id: envelope.envelope_id, payload: errors }));
    expect(await acknowledged).toEqual({ ok: true, payload: errors });
  });

  it('marks events as retry-free envelopes that take no response payload', async () => {
    const server = await startServer();
    const app = await connect(server.issueConnectionUrl());
    await app.next();
    const acknowledged = server.deliver('events_api', { type: 'event_callback' });
    const envelope = await app.next();
    expect(envelope).toMatchObject({
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: '',
    });
    app.socket.send(JSON.stringify({ envelope_id: envelope.envelope_id }));
    expect(await acknowledged).toEqual({ ok: true, payload: undefined });
  });

  it('admits each connection URL once and refuses made-up ones', async () => {
    const server = await startServer();
    const url = server.issueConnectionUrl();
    await connect(url);
    await expect(connect(url)).rejects.toThrow(/401/);
    await expect(connect(`${server.origin}/link/?ticket=guessed`)).rejects.toThrow(/401/);
    expect(server.connectionCount).toBe(1);
  });

  it('reports an envelope the app could not acknowledge because it has no connection, or the connection dropped', async () => {
    const server = await startServer();
    expect(await server.deliver('slash_commands', {})).toEqual({
      ok: false,
      problem: 'the app has no Socket Mode connection open',
    });

    const app = await connect(server.issueConnectionUrl());
    await app.next();
    const acknowledged = server.deliver('slash_commands', {});
    await app.next();
    app.socket.terminate();
    expect(await acknowledged).toEqual({
      ok: false,
      problem: 'the Socket Mode connection closed before the acknowledgement',
    });
  });
});

describe('apps.connections.open', () => {
  it('answers the app-level token with a connection URL on the Socket Mode server', async () => {
    const slack = await startEmulator();
    const client = new WebClient(APP_TOKEN, { slackApiUrl: slack.apiUrl, logger: silentLogger });
    const opened = await client.apps.connections.open();
    expect(opened.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=/);
    const app = await connect(opened.url ?? '');
    expect(await app.next()).toMatchObject({ type: 'hello' });
  });

  it('takes only the app-level token, and the app-level token works for nothing else', async () => {
    const slack = await startEmulator();
    const call = (token: string, method: string) =>
      new WebClient(token, { slackApiUrl: slack.apiUrl, logger: silentLogger, retryConfig: { retries: 0 } })
        .apiCall(method)
        .catch((error: { data: unknown }) => error.data);
    expect(await call(BOT_TOKEN, 'apps.connections.open')).toMatchObject({
      ok: false,
      error: 'not_allowed_token_type',
    });
    expect(await call('xapp-1-unknown', 'apps.connections.open')).toMatchObject({
      ok: false,
      error: 'invalid_auth',
    });
    expect(await call(APP_TOKEN, 'auth.test')).toMatchObject({ ok: false, error: 'not_allowed_token_type' });
  });

  it('is refused when the emulator was given no app-level token', async () => {
    const slack = await startSlackEmulator({ signingSecret: 'secret', botToken: BOT_TOKEN });
    closers.push(() => slack.close());
    const client = new WebClient(APP_TOKEN, {
      slackApiUrl: slack.apiUrl,
      logger: silentLogger,
      retryConfig: { retries: 0 },
    });
    await expect(client.apps.connections.open()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
  });
});

describe('a person over Socket Mode', () => {
  it('sends a slash command as an envelope of its form fields and shows the reply in the acknowledgement', async () => {
    const slack = await startEmulator();
    const socketMode = slack.socketMode;
    if (!socketMode) throw new Error('the emulator has no Socket Mode server');
    const app = await connect(socketMode.issueConnectionUrl());
    await app.next();

    const replied = slack
      .actorFor('U0ALICE', { transport: 'socket' })
      .runSlashCommand({ channel: 'C0GENERAL', command: '/stream-verdict', text: 'billing bus' });
    const envelope = await app.next();
    expect(envelope).toMatchObject({
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        command: '/stream-verdict',
        text: 'billing bus',
        user_id: 'U0ALICE',
        channel_id: 'C0GENERAL',
        trigger_id: expect.any(String),
      },
    });
    app.socket.send(JSON.stringify({ envelope_id: envelope.envelope_id, payload: { text: 'On it' } }));
    const reply = await replied;
    expect(reply).toMatchObject({ status: 200, problems: [] });
    expect(slack.workspace.ephemeralFor('U0ALICE', 'C0GENERAL').map((message) => message.text)).toEqual([
      'On it',
    ]);
  });
});
