import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { BOT_SCOPES } from '../../src/slack/scopes.js';
import { WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';
import {
  BOT_TOKEN,
  CHANNEL,
  type Harness,
  SIGNING_SECRET,
  startHarness,
  stepValues,
} from '../e2e/harness.js';
import { startDecision } from '../e2e/journey.js';
import { type RedisServerHandle, startRedisServer } from '../support/redis-server.js';
import { postSigned } from '../support/signed-post.js';

const OAUTH = {
  clientId: '1234567890.0987654321',
  clientSecret: 'oauth-client-secret-for-tests',
  stateSecret: 'state-secret-of-16-chars-or-more',
};
const oauthMode = (config: Config): Config => ({
  ...config,
  slack: { signingSecret: SIGNING_SECRET, apiUrl: config.slack.apiUrl, oauth: OAUTH },
  logLevel: 'debug',
});

let harness: Harness;
let redis: RedisServerHandle | undefined;
afterEach(async () => {
  await harness?.close();
  await redis?.destroy();
  redis = undefined;
});

/** Walks the install as a browser would: /slack/install, Slack's consent (skipped), back to the redirect. */
async function install(h: Harness): Promise<Response> {
  const base = `http://127.0.0.1:${h.app.port}`;
  const start = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('location') ?? '');
  expect(authorize.origin + authorize.pathname).toBe('https://slack.com/oauth/v2/authorize');
  expect(authorize.searchParams.get('client_id')).toBe(OAUTH.clientId);
  expect(authorize.searchParams.get('scope')?.split(',')).toEqual(BOT_SCOPES);
  const state = authorize.searchParams.get('state') ?? '';
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return fetch(`${base}/slack/oauth_redirect?code=one-time-code&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
    redirect: 'manual',
  });
}

describe('OAuth mode (one app, many workspaces)', () => {
  it('installs through /slack/install, keeps the token encrypted in Redis, and serves that workspace with it', async () => {
    harness = await startHarness({ configure: oauthMode });
    const finished = await install(harness);
    expect(finished.status).toBeLessThan(400);

    const installKeys = (await harness.storedKeys()).filter((key) => key.includes(':install:'));
    expect(installKeys).toEqual([`${harness.keyPrefix}:install:team:T0001`]);

    const alice = harness.person('U0ALICE');
    // Someone pastes the workspace's token into a title: at DEBUG the WebClient logs the request bodies that
    // carry it (the decision message), so only the log redaction keeps it out of the logs.
    await alice.runSlashCommand({
      channel: CHANNEL,
      command: '/stream-verdict',
      text: `Installed via OAuth ${BOT_TOKEN}`,
    });
    const message = await harness.slack.workspace.waitFor(
      () => harness.slack.workspace.messagesIn(CHANNEL)[0],
    );
    expect(JSON.stringify(message.blocks)).toContain('Installed via OAuth');
    expect(
      harness.logs.some((line) => line.includes('http request body') && line.includes('xoxb-[redacted]')),
    ).toBe(true);
    expect(harness.logs.join('\n')).not.toContain(BOT_TOKEN);
    expect(harness.logs.join('\n')).not.toContain(OAUTH.clientSecret);
    // Bolt's WebClient logs the code exchange's request body at DEBUG: the one-time code must not survive it.
    expect(harness.logs.join('\n')).toContain('oauth.v2.access');
    expect(harness.logs.join('\n')).not.toContain('one-time-code');
  });

  it('refuses a workspace that never installed the app, and does nothing for it', async () => {
    harness = await startHarness({ configure: oauthMode });
    const body = new URLSearchParams({
      team_id: 'T0NOTINSTALLED',
      user_id: 'U0EVE',
      channel_id: 'C0GENERAL',
      command: '/stream-verdict',
      text: 'no install',
      trigger_id: '1.2.3',
      response_url: harness.slack.server.responseUrlFor({
        channel: CHANNEL,
        userId: 'U0EVE',
        isEphemeral: true,
      }),
    }).toString();
    const reply = await postSigned(harness.eventsUrl, SIGNING_SECRET, body);
    // Bolt acknowledges (so Slack does not retry) but calls no listener.
    expect(reply).toEqual({ status: 200, body: '' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(harness.logs.join('\n')).toContain('Authorization of incoming event did not succeed');
    expect(harness.slack.calls().map((call) => call.method)).not.toContain('views.open');
    expect(harness.slack.workspace.messagesIn(CHANNEL)).toEqual([]);
    expect((await harness.storedKeys()).filter((key) => key.includes('T0NOTINSTALLED'))).toEqual([]);
  });

  it('with Redis down, a submitted step and a command get a visible error, not an empty 200', async () => {
    redis = await startRedisServer();
    harness = await startHarness({ redisUrl: redis.url, configure: oauthMode });
    const h = harness;
    expect((await install(h)).status).toBeLessThan(400);
    const alice = h.person('U0ALICE');
    await startDecision(h.slack, alice, CHANNEL, 'Before the outage');

    await redis.stop();
    const step = await alice.submitView({ values: stepValues(0, WEB_APP_SHOP_ON_AWS) });
    expect(step.status).toBe(200);
    expect(step.tookMs).toBeLessThan(3_000);
    expect(step.outcome).toBe('errors');
    expect(Object.values(step.errors ?? {}).join(' ')).toMatch(/Couldn’t reach my storage/);
    // The modal stays on the step, with what was entered.
    expect(JSON.stringify(h.slack.workspace.openViewFor('U0ALICE')?.view.blocks)).toContain('Step 1 of');

    await alice.closeView();
    const command = await alice.runSlashCommand({
      channel: CHANNEL,
      command: '/stream-verdict',
      text: 'During',
    });
    expect(command.status).toBe(200);
    const note = await h.slack.workspace.waitFor(() => h.slack.workspace.ephemeralFor('U0ALICE')[0], {
      what: 'the note to Alice',
    });
    expect(note.text).toMatch(/can’t reach its storage/);
    expect(h.slack.workspace.messagesIn(CHANNEL)).toHaveLength(1);
  });
});
