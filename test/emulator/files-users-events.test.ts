import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { startSlackEmulator } from '../../src/emulator/index.js';
import { WebApiServer } from '../../src/emulator/web-api-server.js';
import { Workspace } from '../../src/emulator/workspace.js';
import { silentLogger } from '../support/silent-logger.js';
import { startFakeApp } from './fake-app.js';

const TOKEN = 'xoxb-emulator-test';
const SECRET = 'emulator-signing-secret';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function startServer() {
  const workspace = new Workspace({
    users: [
      { id: 'U0ALICE', name: 'alice' },
      { id: 'U0ADMIN', name: 'admin', isAdmin: true },
    ],
  });
  const server = await WebApiServer.start({ workspace, tokens: [TOKEN] });
  closers.push(() => server.close());
  const client = new WebClient(TOKEN, {
    slackApiUrl: server.url,
    logger: silentLogger,
    retryConfig: { retries: 0 },
  });
  return { workspace, server, client };
}

describe('users.info', () => {
  it('says who is a workspace admin, and that an unknown person is not found', async () => {
    const { client } = await startServer();
    expect((await client.users.info({ user: 'U0ADMIN' })).user).toMatchObject({
      id: 'U0ADMIN',
      is_admin: true,
    });
    expect((await client.users.info({ user: 'U0ALICE' })).user).toMatchObject({
      id: 'U0ALICE',
      is_admin: false,
    });
    await expect(client.users.info({ user: 'U0NOBODY' })).rejects.toMatchObject({
      data: { error: 'user_not_found' },
    });
  });
});

describe('file uploads', () => {
  it('takes files.uploadV2 through its three steps and shares the file in the channel', async () => {
    const { client, workspace, server } = await startServer();
    const content = '# Decision record\n\nKinesis, because ✓ people cost.\n';
    const result = await client.files.uploadV2({
      channel_id: 'C0GENERAL',
      filename: 'record.md',
      title: 'The record',
      content,
      initial_comment: 'Here it is',
    });
    expect(result.ok).toBe(true);
    expect(server.calls().map((call) => call.method)).toEqual([
      'files.getUploadURLExternal',
      'file_upload',
      'files.completeUploadExternal',
    ]);
    const [shared] = workspace.messagesIn('C0GENERAL');
    expect(shared?.text).toBe('Here it is');
    expect(shared?.files).toEqual([
      {
        id: expect.stringMatching(/^F/),
        name: 'record.md',
        title: 'The record',
        mimetype: 'text/markdown',
        size: Buffer.byteLength(content),
      },
    ]);
    expect(workspace.file(shared?.files?.[0]?.id ?? '')?.content).toBe(content);
  });

  it('refuses to complete a file that was never uploaded, and a request without a length', async () => {
    const { client } = await startServer();
    await expect(
      client.files.completeUploadExternal({ files: [{ id: 'F0000NOPE' }], channel_id: 'C0GENERAL' }),
    ).rejects.toMatchObject({ data: { error: 'file_not_found' } });
    await expect(client.apiCall('files.getUploadURLExternal', { filename: 'a.md' })).rejects.toMatchObject({
      data: { error: 'invalid_arguments' },
    });
  });
});

describe('chat.getPermalink', () => {
  it('links to a message that exists, and only to one that exists', async () => {
    const { client } = await startServer();
    const posted = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'hello' });
    const link = await client.chat.getPermalink({ channel: 'C0GENERAL', message_ts: posted.ts ?? '' });
    expect(link.permalink).toBe(
      `https://emulated.slack.com/archives/C0GENERAL/p${posted.ts?.replace('.', '')}`,
    );
    await expect(
      client.chat.getPermalink({ channel: 'C0GENERAL', message_ts: '1.000001' }),
    ).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
  });
});

describe('Events API', () => {
  it('sends app_home_opened as a signed event_callback in JSON', async () => {
    const app = await startFakeApp(SECRET);
    closers.push(() => app.close());
    const slack = await startSlackEmulator({ signingSecret: SECRET, botToken: TOKEN, appEventsUrl: app.url });
    closers.push(() => slack.close());
    const reply = await slack.actorFor('U0ALICE').openAppHome();
    expect(reply.status).toBe(200);
    const [request] = app.received;
    expect(request?.contentType).toBe('application/json');
    const body = JSON.parse(request?.rawBody ?? '{}');
    expect(body).toMatchObject({
      type: 'event_callback',
      team_id: slack.workspace.teamId,
      api_app_id: slack.workspace.appId,
      event_id: expect.stringMatching(/^Ev/),
      event: { type: 'app_home_opened', user: 'U0ALICE', tab: 'home', channel: 'D0ALICE' },
      authorizations: [{ user_id: slack.workspace.botUserId, is_bot: true }],
    });
  });
});
