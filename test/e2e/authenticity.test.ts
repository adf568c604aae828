import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSigned } from '../support/signed-post.js';
import { type Harness, SIGNING_SECRET, startHarness } from './harness.js';

/** A request that would start a decision if it were authentic. */
const commandBody = (harness: Harness) =>
  new URLSearchParams({
    token: 'x',
    team_id: 'T0001',
    team_domain: 'example',
    channel_id: 'C0GENERAL',
    channel_name: 'general',
    user_id: 'U0EVE',
    user_name: 'eve',
    command: '/stream-verdict',
    text: 'forged decision',
    api_app_id: 'A0APP',
    response_url: harness.slack.server.responseUrlFor({
      channel: 'C0GENERAL',
      userId: 'U0EVE',
      isEphemeral: true,
    }),
    trigger_id: harness.slack.workspace.issueTriggerId('U0EVE'),
  }).toString();

let harness: Harness;
let body: string;
beforeAll(async () => {
  harness = await startHarness();
  harness.person('U0EVE');
  body = commandBody(harness);
});
afterAll(async () => {
  await harness.close();
});

async function expectNothingHappened() {
  await new Promise((resolve) => setTimeout(resolve, 150));
  expect(harness.slack.calls().filter((call) => call.method !== 'auth.test')).toEqual([]);
  expect(await harness.storedKeys()).toEqual([]);
}

describe('only requests signed by Slack are served', () => {
  it('a request signed with another secret → 401', async () => {
    const reply = await postSigned(harness.eventsUrl, 'f'.repeat(32), body);
    expect(reply.status).toBe(401);
    await expectNothingHappened();
  });

  it('a body changed after signing → 401', async () => {
    const signed = await postSigned(harness.eventsUrl, SIGNING_SECRET, body, {
      sentBody: body.replace('forged+decision', 'another+decision'),
    });
    expect(signed.status).toBe(401);
    await expectNothingHappened();
  });

  it('no signature header → 401', async () => {
    const reply = await postSigned(harness.eventsUrl, SIGNING_SECRET, body, {
      headers: { 'x-slack-signature': undefined },
    });
    expect(reply.status).toBe(401);
    await expectNothingHappened();
  });

  it('no timestamp header → 401', async () => {
    const reply = await postSigned(harness.eventsUrl, SIGNING_SECRET, body, {
      headers: { 'x-slack-request-timestamp': undefined },
    });
    expect(reply.status).toBe(401);
    await expectNothingHappened();
  });

  it('a correctly signed request older than 5 minutes (a replay) → 401', async () => {
    const reply = await postSigned(harness.eventsUrl, SIGNING_SECRET, body, {
      timestampSeconds: Math.floor(Date.now() / 1000) - 5 * 60 - 5,
    });
    expect(reply.status).toBe(401);
    await expectNothingHappened();
  });

  it('a correctly signed request dated more than 5 minutes ahead (made early to replay later) → 401', async () => {
    const reply = await postSigned(harness.eventsUrl, SIGNING_SECRET, body, {
      timestampSeconds: Math.floor(Date.now() / 1000) + 5 * 60 + 5,
    });
    expect(reply.status).toBe(401);
    await expectNothingHappened();
  });

  it('an unsigned SSL check is answered, and a command riding in its payload field is not run', async () => {
    const reply = await fetch(harness.eventsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      // Bolt reads a form's `payload` field as the whole request, whatever else the form holds.
      body: new URLSearchParams({
        ssl_check: '1',
        payload: JSON.stringify(Object.fromEntries(new URLSearchParams(body))),
      }).toString(),
    });
    expect(reply.status).toBe(200);
    await expectNothingHappened();
  });

  it('a signed URL verification (Slack checking the Request URL) is answered with its challenge', async () => {
    const verification = readFileSync(
      fileURLToPath(new URL('../fixtures/slack/inbound/url_verification.json', import.meta.url)),
      'utf8',
    );
    const reply = await postSigned(harness.eventsUrl, SIGNING_SECRET, verification, {
      contentType: 'application/json',
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ challenge: JSON.parse(verification).challenge });
    const unsigned = await postSigned(harness.eventsUrl, 'not-the-secret', verification, {
      contentType: 'application/json',
    });
    expect(unsigned.status).toBe(401);
  });

  it('the same request, fresh and correctly signed, is served (so the checks above can fail)', async () => {
    const reply = await postSigned(harness.eventsUrl, SIGNING_SECRET, body);
    expect(reply.status).toBe(200);
    await harness.slack.workspace.waitFor(() => harness.slack.workspace.messagesIn('C0GENERAL')[0], {
      what: 'the decision message',
    });
    expect((await harness.storedKeys()).length).toBeGreaterThan(0);
  });
});
