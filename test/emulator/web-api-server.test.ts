import type { KnownBlock, ModalView, PlainTextElement, SectionBlock } from '@slack/types';
import { ErrorCode, WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { WebApiServer } from '../../src/emulator/web-api-server.js';
import { Workspace, type WorkspaceOptions } from '../../src/emulator/workspace.js';
import { silentLogger } from '../support/silent-logger.js';

const TOKEN = 'xoxb-emulator-test';
const ALICE = 'U0ALICE';

const plain = (text: string): PlainTextElement => ({ type: 'plain_text', text });
const section = (text: string, blockId?: string): SectionBlock => ({
  type: 'section',
  ...(blockId ? { block_id: blockId } : {}),
  text: { type: 'mrkdwn', text },
});
const modal = (title = 'Stream Verdict', blocks: KnownBlock[] = [section('Step 1')]): ModalView => ({
  type: 'modal',
  callback_id: 'questionnaire',
  title: plain(title),
  close: plain('Cancel'),
  blocks,
});

const servers: WebApiServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function startServer(
  options: WorkspaceOptions = {},
  clientOptions: { retries?: number } = { retries: 0 },
) {
  let clock = 1_700_000_000_000;
  const workspace = new Workspace({ now: () => clock, ...options });
  const server = await WebApiServer.start({ workspace, tokens: [TOKEN] });
  servers.push(server);
  const client = new WebClient(TOKEN, {
    slackApiUrl: server.url,
    logger: silentLogger,
    ...(clientOptions.retries === undefined ? {} : { retryConfig: { retries: clientOptions.retries } }),
  });
  return { workspace, server, client, advanceClock: (ms: number) => (clock += ms) };
}

const platformError = (error: string) => ({ code: ErrorCode.PlatformError, data: { ok: false, error } });

describe('Web API server: installs, rotation and revocation', () => {
  it('issues expiring tokens with rotation on, refreshes them, and refuses expired and revoked ones', async () => {
    let clock = 1_700_000_000_000;
    const workspace = new Workspace({ now: () => clock });
    const server = await WebApiServer.start({
      workspace,
      tokens: [TOKEN],
      install: { tokenLifetimeSeconds: 60 },
    });
    servers.push(server);
    const anonymous = new WebClient(undefined, { slackApiUrl: server.url, logger: silentLogger });
    const credentials = { client_id: 'id', client_secret: 'secret' };
    const installed = await anonymous.oauth.v2.access({ ...credentials, code: 'code' });
    expect(installed).toMatchObject({ ok: true, token_type: 'bot', expires_in: 60, team: { id: 'T0001' } });
    const asBot = (token: string) =>
      new WebClient(token, { slackApiUrl: server.url, logger: silentLogger, retryConfig: { retries: 0 } });
    await expect(asBot(String(installed.access_token)).auth.test()).resolves.toMatchObject({ ok: true });

    clock += 60_000;
    await expect(asBot(String(installed.access_token)).auth.test()).rejects.toMatchObject(
      platformError('token_expired'),
    );
    const refreshed = await anonymous.oauth.v2.access({
      ...credentials,
      grant_type: 'refresh_token',
      refresh_token: String(installed.refresh_token),
    });
    expect(refreshed.access_token).not.toBe(installed.access_token);
    await expect(asBot(String(refreshed.access_token)).auth.test()).resolves.toMatchObject({ ok: true });
    await expect(
      anonymous.oauth.v2.access({
        ...credentials,
        grant_type: 'refresh_token',
        refresh_token: 'xoxe-1-forged',
      }),
    ).rejects.toMatchObject(platformError('invalid_refresh_token'));

    server.revokeBotTokens();
    await expect(asBot(String(refreshed.access_token)).auth.test()).rejects.toMatchObject(
      platformError('token_revoked'),
    );
    expect(server.liveBotTokens()).toEqual([]);
  });

  it('installs org-wide for a Grid org', async () => {
    const workspace = new Workspace();
    const org = { id: 'E0ORG', name: 'Org' };
    const server = await WebApiServer.start({ workspace, tokens: [TOKEN], install: { orgWide: org } });
    servers.push(server);
    const anonymous = new WebClient(undefined, { slackApiUrl: server.url, logger: silentLogger });
    await expect(
      anonymous.oauth.v2.access({ client_id: 'id', client_secret: 'secret', code: 'code' }),
    ).resolves.toMatchObject({ ok: true, team: null, enterprise: org, is_enterprise_install: true });
  });
});

describe('Web API server: auth', () => {
  it('answers auth.test for the bot token like Slack', async () => {
    const { client, server } = await startServer();

    const result = await client.auth.test();

    expect(result).toMatchObject({
      ok: true,
      url: 'https://emulated.slack.com/',
      team_id: 'T0001',
      user_id: 'U0BOT',
      bot_id: 'B0001',
    });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
  });

  it('refuses calls without a token or with an unknown one', async () => {
    const { server } = await startServer();
    const anonymous = new WebClient(undefined, {
      slackApiUrl: server.url,
      retryConfig: { retries: 0 },
      logger: silentLogger,
    });
    const stranger = new WebClient('xoxb-someone-else', {
      slackApiUrl: server.url,
      retryConfig: { retries: 0 },
      logger: silentLogger,
    });

    await expect(anonymous.auth.test()).rejects.toMatchObject(platformError('not_authed'));
    await expect(stranger.auth.test()).rejects.toMatchObject(platformError('invalid_auth'));
  });

  it('answers an unknown method with unknown_method', async () => {
    const { client } = await startServer();

    await expect(client.apiCall('verdicts.render')).rejects.toMatchObject(platformError('unknown_method'));
  });
});

describe('Web API server: messages', () => {
  it('posts, threads, updates and records messages', async () => {
    const { client, workspace, server } = await startServer();

    const posted = await client.chat.postMessage({
      channel: 'C0GENERAL',
      text: 'Verdict: MSK',
      blocks: [section('*MSK*')],
    });
    const reply = await client.chat.postMessage({
      channel: 'C0GENERAL',
      text: 'Why not Kinesis?',
      thread_ts: posted.ts,
    });
    const updated = await client.chat.update({
      channel: 'C0GENERAL',
      ts: posted.ts ?? '',
      text: 'Verdict: Kafka',
    });

    expect(posted).toMatchObject({
      ok: true,
      channel: 'C0GENERAL',
      message: { type: 'message', text: 'Verdict: MSK' },
    });
    expect(posted.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(reply.ts)).toBeGreaterThan(Number(posted.ts));
    expect(updated).toMatchObject({ ok: true, ts: posted.ts, text: 'Verdict: Kafka' });

    const [message, ...rest] = workspace.messagesIn('C0GENERAL');
    expect(rest).toEqual([]);
    expect(message).toMatchObject({ text: 'Verdict: Kafka', editCount: 1, bot_id: 'B0001', user: 'U0BOT' });
    expect(message?.blocks).toEqual([{ ...section('*MSK*'), block_id: expect.any(String) }]);
    expect(workspace.repliesTo('C0GENERAL', posted.ts ?? '').map((m) => m.text)).toEqual([
      'Why not Kinesis?',
    ]);

    expect(server.calls('chat.postMessage')[0]).toMatchObject({
      method: 'chat.postMessage',
      args: { channel: 'C0GENERAL', text: 'Verdict: MSK', blocks: [section('*MSK*')] },
      response: { ok: true, ts: posted.ts },
      httpStatus: 200,
      at: 1_700_000_000_000,
    });
    expect(server.calls().map((call) => call.method)).toEqual([
      'chat.postMessage',
      'chat.postMessage',
      'chat.update',
    ]);
  });

  it('shows ephemeral messages to one person only', async () => {
    const { client, workspace } = await startServer();

    const result = await client.chat.postEphemeral({
      channel: 'C0GENERAL',
      user: ALICE,
      text: 'Only you can see this',
    });

    expect(result).toMatchObject({ ok: true, message_ts: expect.stringMatching(/^\d+\.\d{6}$/) });
    expect(workspace.ephemeralFor(ALICE).map((m) => m.text)).toEqual(['Only you can see this']);
    expect(workspace.ephemeralFor('U0BOB')).toEqual([]);
    expect(workspace.messagesIn('C0GENERAL')).toEqual([]);
  });

  it('answers with the errors Slack documents', async () => {
    const { client } = await startServer({ channels: [{ id: 'C0GENERAL', name: 'general' }] });

    await expect(client.chat.postMessage({ channel: 'C0NOPE', text: 'hi' })).rejects.toMatchObject(
      platformError('channel_not_found'),
    );
    await expect(
      client.chat.update({ channel: 'C0GENERAL', ts: '1.000100', text: 'hi' }),
    ).rejects.toMatchObject(platformError('message_not_found'));
    await expect(client.chat.postMessage({ channel: 'C0GENERAL', text: '' })).rejects.toMatchObject(
      platformError('no_text'),
    );
  });

  it('rejects more than 50 blocks with invalid_blocks and says why', async () => {
    const { client, workspace } = await startServer();
    const blocks = Array.from({ length: 51 }, (_, i) => section(`row ${i}`));

    await expect(
      client.chat.postMessage({ channel: 'C0GENERAL', text: 'long', blocks }),
    ).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: {
        error: 'invalid_blocks',
        response_metadata: {
          messages: ['[ERROR] must contain at most 50 blocks, got 51 [json-pointer:/blocks]'],
        },
      },
    });
    expect(workspace.messagesIn('C0GENERAL')).toEqual([]);
  });
});

describe('Web API server: views', () => {
  it('opens a modal for the person the trigger id was issued to', async () => {
    const { client, workspace } = await startServer();
    const triggerId = workspace.issueTriggerId(ALICE);

    const result = await client.views.open({ trigger_id: triggerId, view: modal() });

    expect(result.view).toMatchObject({
      id: expect.stringMatching(/^V/),
      team_id: 'T0001',
      type: 'modal',
      callback_id: 'questionnaire',
      state: { values: {} },
      hash: expect.any(String),
      previous_view_id: null,
      root_view_id: result.view?.id,
    });
    expect(workspace.openViewFor(ALICE)?.view.id).toBe(result.view?.id);
  });

  it('refuses a trigger id that was already used', async () => {
    const { client, workspace } = await startServer();
    const triggerId = workspace.issueTriggerId(ALICE);
    await client.views.open({ trigger_id: triggerId, view: modal() });

    await expect(client.views.open({ trigger_id: triggerId, view: modal() })).rejects.toMatchObject(
      platformError('exchanged_trigger_id'),
    );
  });

  it('refuses a trigger id older than 3 seconds', async () => {
    const { client, workspace, advanceClock } = await startServer();
    const triggerId = workspace.issueTriggerId(ALICE);
    advanceClock(3001);

    await expect(client.views.open({ trigger_id: triggerId, view: modal() })).rejects.toMatchObject(
      platformError('expired_trigger_id'),
    );
  });

  it('refuses a trigger id it never issued', async () => {
    const { client } = await startServer();

    await expect(client.views.open({ trigger_id: '123.456.abc', view: modal() })).rejects.toMatchObject(
      platformError('invalid_trigger_id'),
    );
  });

  it('rejects a 25-character title and keeps the trigger id usable', async () => {
    const { client, workspace } = await startServer();
    const triggerId = workspace.issueTriggerId(ALICE);

    await expect(
      client.views.open({ trigger_id: triggerId, view: modal('A title of 25 characters!') }),
    ).rejects.toMatchObject({
      data: {
        error: 'invalid_arguments',
        response_metadata: {
          messages: ['[ERROR] must be at most 24 characters, got 25 [json-pointer:/view/title/text]'],
        },
      },
    });
    await expect(client.views.open({ trigger_id: triggerId, view: modal() })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('rejects duplicate block_ids', async () => {
    const { client, workspace } = await startServer();
    const view = modal('Verdict', [section('a', 'step'), section('b', 'step')]);

    await expect(
      client.views.open({ trigger_id: workspace.issueTriggerId(ALICE), view }),
    ).rejects.toMatchObject({
      data: {
        error: 'invalid_arguments',
        response_metadata: {
          messages: [
            "[ERROR] duplicate block_id 'step': block_ids must be unique [json-pointer:/view/blocks/1/block_id]",
          ],
        },
      },
    });
  });

  it('updates a view by id or external_id and guards with the hash', async () => {
    const { client, workspace } = await startServer();
    const opened = await client.views.open({
      trigger_id: workspace.issueTriggerId(ALICE),
      view: { ...modal(), external_id: 'alice-questionnaire' },
    });
    const viewId = opened.view?.id ?? '';
    const firstHash = opened.view?.hash ?? '';

    const byId = await client.views.update({
      view_id: viewId,
      hash: firstHash,
      view: modal('Step 2'),
    });
    const byExternalId = await client.views.update({
      external_id: 'alice-questionnaire',
      view: modal('Step 3'),
    });

    expect(byId.view).toMatchObject({ id: viewId, title: plain('Step 2') });
    expect(byId.view?.hash).not.toBe(firstHash);
    expect(byExternalId.view).toMatchObject({ id: viewId, title: plain('Step 3') });
    expect(workspace.openViewFor(ALICE)?.view.title).toEqual(plain('Step 3'));
    await expect(
      client.views.update({ view_id: viewId, hash: firstHash, view: modal('Stale') }),
    ).rejects.toMatchObject(platformError('hash_conflict'));
    await expect(client.views.update({ view_id: 'V0NOPE', view: modal() })).rejects.toMatchObject(
      platformError('not_found'),
    );
  });

  it('stacks at most 3 modals', async () => {
    const { client, workspace } = await startServer();
    await client.views.open({ trigger_id: workspace.issueTriggerId(ALICE), view: modal('One') });
    const second = await client.views.push({
      trigger_id: workspace.issueTriggerId(ALICE),
      view: modal('Two'),
    });
    await client.views.push({ trigger_id: workspace.issueTriggerId(ALICE), view: modal('Three') });

    await expect(
      client.views.push({ trigger_id: workspace.issueTriggerId(ALICE), view: modal('Four') }),
    ).rejects.toMatchObject(platformError('push_limit_reached'));
    expect(workspace.modalStackFor(ALICE).map((open) => open.view.title?.text)).toEqual([
      'One',
      'Two',
      'Three',
    ]);
    expect(second.view?.previous_view_id).toBe(workspace.modalStackFor(ALICE)[0]?.view.id);
  });

  it('publishes a Home tab per person', async () => {
    const { client, workspace } = await startServer();

    await client.views.publish({
      user_id: ALICE,
      view: { type: 'home', blocks: [section('Your verdicts')] },
    });

    expect(workspace.homeViewFor(ALICE)?.view).toMatchObject({ type: 'home', blocks: [{ type: 'section' }] });
    expect(workspace.homeViewFor('U0BOB')).toBeUndefined();
  });
});

describe('Web API server: recorded calls', () => {
  it('keeps only the newest calls when told to, so a long-running sandbox does not grow', async () => {
    const workspace = new Workspace();
    const server = await WebApiServer.start({ workspace, tokens: [TOKEN], maxRecordedCalls: 2 });
    servers.push(server);
    const client = new WebClient(TOKEN, { slackApiUrl: server.url, logger: silentLogger });

    for (const text of ['one', 'two', 'three']) await client.chat.postMessage({ channel: 'C0GENERAL', text });

    expect(server.calls().map((call) => call.args.text)).toEqual(['two', 'three']);
    expect(workspace.messagesIn('C0GENERAL')).toHaveLength(3);
  });

  it('tallies every answer per method even when no call is kept, so a benchmark can count failures', async () => {
    const workspace = new Workspace();
    const server = await WebApiServer.start({ workspace, tokens: [TOKEN], maxRecordedCalls: 0 });
    servers.push(server);
    const client = new WebClient(TOKEN, { slackApiUrl: server.url, logger: silentLogger });
    const trigger = workspace.issueTriggerId(ALICE);

    await client.views.open({ trigger_id: trigger, view: modal() });
    await expect(client.views.open({ trigger_id: trigger, view: modal() })).rejects.toMatchObject(
      platformError('exchanged_trigger_id'),
    );
    await client.chat.postMessage({ channel: 'C0GENERAL', text: 'hello' });

    expect(server.calls()).toEqual([]);
    expect(server.tally()).toEqual({
      'views.open': { ok: 1, errors: { exchanged_trigger_id: 1 } },
      'chat.postMessage': { ok: 1, errors: {} },
    });
  });
});

describe('Web API server: simulated failures', () => {
  it('answers the next call late when asked to, then as usual', async () => {
    const { client, server } = await startServer();
    server.delayNext('chat.postMessage', 300);
    const started = performance.now();
    await client.chat.postMessage({ channel: 'C0GENERAL', text: 'slow' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    await expect(
      client.chat.postMessage({ channel: 'C0GENERAL', text: 'then as usual' }),
    ).resolves.toMatchObject({
      ok: true,
    });
  });

  it('fails the next call with the given error, then behaves again', async () => {
    const { client, server } = await startServer();
    server.failNext('chat.postMessage', 'ratelimited');

    await expect(client.chat.postMessage({ channel: 'C0GENERAL', text: 'a' })).rejects.toMatchObject(
      platformError('ratelimited'),
    );
    await expect(client.chat.postMessage({ channel: 'C0GENERAL', text: 'b' })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('answers 429 with Retry-After, which WebClient waits out and retries', { timeout: 15_000 }, async () => {
    const { client, server, workspace } = await startServer({}, {});
    server.rateLimitNext('chat.postMessage', 1);

    const result = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'after the limit' });

    expect(result.ok).toBe(true);
    expect(server.calls('chat.postMessage').map((call) => [call.httpStatus, call.response])).toEqual([
      [429, { ok: false, error: 'ratelimited' }],
      [200, expect.objectContaining({ ok: true })],
    ]);
    expect(workspace.messagesIn('C0GENERAL')).toHaveLength(1);
  });

  it('lets a client that rejects rate-limited calls see Retry-After', async () => {
    const { server } = await startServer();
    const client = new WebClient(TOKEN, {
      slackApiUrl: server.url,
      rejectRateLimitedCalls: true,
      logger: silentLogger,
    });
    server.rateLimitNext('views.open', 7);

    await expect(client.views.open({ trigger_id: 'x', view: modal() })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 7,
    });
  });
});
