import { afterEach, describe, expect, it } from 'vitest';
import { STEPS } from '../../src/domain/questions.js';
import { eventCallbackBody, interactiveBody, slashCommandBody } from '../../src/emulator/index.js';
import { viewSubmissionPayload } from '../../src/emulator/payloads.js';
import { buildViewState } from '../../src/emulator/view-state.js';
import { WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';
import { postSigned } from '../support/signed-post.js';
import { CHANNEL, type Harness, SIGNING_SECRET, startHarness, stepValues } from './harness.js';

const LAST = STEPS.length - 1;
let harness: Harness;
afterEach(async () => {
  await harness?.close();
});

/** The exact body Slack would send for the person's open modal filled with `values`, to send as often as we like. */
function submissionBody(userId: string, values: Record<string, string | string[] | null>): string {
  const { workspace } = harness.slack;
  const open = workspace.openViewFor(userId);
  if (!open) throw new Error(`${userId} has no modal open`);
  return interactiveBody(
    viewSubmissionPayload({
      source: {
        token: workspace.verificationToken,
        team: { id: workspace.teamId, domain: workspace.teamDomain },
        user: {
          id: userId,
          username: userId.toLowerCase(),
          name: userId.toLowerCase(),
          team_id: workspace.teamId,
        },
        apiAppId: workspace.appId,
      },
      triggerId: workspace.issueTriggerId(userId),
      view: { ...open.view, state: buildViewState(open.view.blocks, values) },
    }),
  );
}

describe('the same submission delivered twice (a retry, a double click, two instances)', () => {
  it('is saved once, noted once in the thread and updates the verdict once', async () => {
    harness = await startHarness();
    const alice = harness.person('U0ALICE');
    await alice.runSlashCommand({ channel: CHANNEL, command: '/stream-verdict', text: 'Twice' });
    await harness.slack.workspace.waitFor(() => harness.slack.workspace.openViewFor('U0ALICE'));
    await harness.slack.workspace.waitFor(() => harness.slack.workspace.messagesIn(CHANNEL)[0]?.blocks);
    for (let step = 0; step < LAST; step++) {
      expect((await alice.submitView({ values: stepValues(step, WEB_APP_SHOP_ON_AWS) })).outcome).toBe(
        'updated',
      );
    }
    const [decision] = harness.slack.workspace.messagesIn(CHANNEL);
    if (!decision) throw new Error('no decision message');
    const { workspace } = harness.slack;

    const body = submissionBody('U0ALICE', stepValues(LAST, WEB_APP_SHOP_ON_AWS));
    const first = await postSigned(harness.eventsUrl, SIGNING_SECRET, body);
    await workspace.waitFor(() => workspace.repliesTo(CHANNEL, decision.ts)[0], { what: 'the finish note' });
    await workspace.waitFor(() => (workspace.message(CHANNEL, decision.ts)?.editCount ?? 0) > 0);
    // Then Slack's retry and a double click, together, after the first was saved and published: saved again,
    // they would read as Alice changing her answers (a second note in the thread, a second update).
    const repeats = await Promise.all([
      postSigned(harness.eventsUrl, SIGNING_SECRET, body, { headers: { 'x-slack-retry-num': '1' } }),
      postSigned(harness.eventsUrl, SIGNING_SECRET, body),
    ]);
    const replies = [first, ...repeats];
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200]);
    // Every delivery is answered with the same screen: the person's verdict.
    for (const reply of replies) expect(JSON.parse(reply.body)).toMatchObject({ response_action: 'update' });

    // The publisher waits out Slack's one update a second per message before a newer version: wait longer.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(workspace.repliesTo(CHANNEL, decision.ts)).toHaveLength(1);
    expect(workspace.message(CHANNEL, decision.ts)?.editCount).toBe(1);
    expect(harness.slack.calls('chat.update')).toHaveLength(1);
  });

  it('a corrected resubmission after a field error is not mistaken for a repeat', async () => {
    harness = await startHarness();
    const alice = harness.person('U0ALICE');
    await alice.runSlashCommand({ channel: CHANNEL, command: '/stream-verdict' });
    await harness.slack.workspace.waitFor(() => harness.slack.workspace.openViewFor('U0ALICE'));
    await alice.submitView({ values: stepValues(0, WEB_APP_SHOP_ON_AWS) });
    const wrong = await alice.submitView({
      values: { ...stepValues(1, WEB_APP_SHOP_ON_AWS), avg_write_mbps: '50', peak_write_mbps: '5' },
    });
    expect(wrong.outcome).toBe('errors');
    const fixed = await alice.submitView({ values: stepValues(1, WEB_APP_SHOP_ON_AWS) });
    expect(fixed.outcome).toBe('updated');
    expect(JSON.stringify(harness.slack.workspace.openViewFor('U0ALICE')?.view.blocks)).toContain(
      'Step 3 of',
    );
  });
});

describe('a slash command or an event delivered again (Slack retries, a proxy resending)', () => {
  it('the same slash command three times makes one decision and one post', async () => {
    harness = await startHarness();
    const { workspace } = harness.slack;
    harness.person('U0ALICE');
    const body = slashCommandBody({
      token: workspace.verificationToken,
      teamId: workspace.teamId,
      teamDomain: workspace.teamDomain,
      channelId: CHANNEL,
      channelName: 'general',
      userId: 'U0ALICE',
      userName: 'alice',
      command: '/stream-verdict',
      text: 'Delivered three times',
      apiAppId: workspace.appId,
      isEnterpriseInstall: false,
      responseUrl: harness.slack.server.responseUrlFor({
        channel: CHANNEL,
        userId: 'U0ALICE',
        isEphemeral: true,
      }),
      triggerId: workspace.issueTriggerId('U0ALICE'),
    });
    const first = await postSigned(harness.eventsUrl, SIGNING_SECRET, body);
    // Slack's retries carry their number; these two arrive together, as from two instances' load balancer.
    const retries = await Promise.all(
      ['1', '2'].map((retryNum) =>
        postSigned(harness.eventsUrl, SIGNING_SECRET, body, {
          headers: { 'x-slack-retry-num': retryNum, 'x-slack-retry-reason': 'http_timeout' },
        }),
      ),
    );
    expect([first, ...retries].map((reply) => reply.status)).toEqual([200, 200, 200]);
    await workspace.waitFor(() => workspace.messagesIn(CHANNEL)[0]);
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(workspace.messagesIn(CHANNEL)).toHaveLength(1);
    expect(harness.slack.calls('chat.postMessage')).toHaveLength(1);
    expect(harness.slack.calls('views.open')).toHaveLength(1);
    const decisionKeys = (await harness.storedKeys()).filter((key) => key.endsWith(':decision'));
    expect(decisionKeys).toHaveLength(1);
  });

  it('the same event twice publishes the Home tab once, and a new event again', async () => {
    harness = await startHarness();
    const { workspace } = harness.slack;
    harness.person('U0ALICE');
    const homeOpened = (eventId: string) =>
      eventCallbackBody({
        token: workspace.verificationToken,
        teamId: workspace.teamId,
        apiAppId: workspace.appId,
        botUserId: workspace.botUserId,
        eventId,
        eventTime: Math.floor(Date.now() / 1000),
        event: { type: 'app_home_opened', user: 'U0ALICE', channel: 'D0ALICE', tab: 'home', event_ts: '1.0' },
      });
    const json = { contentType: 'application/json' };
    await postSigned(harness.eventsUrl, SIGNING_SECRET, homeOpened('Ev0SAME'), json);
    await postSigned(harness.eventsUrl, SIGNING_SECRET, homeOpened('Ev0SAME'), {
      ...json,
      headers: { 'x-slack-retry-num': '1' },
    });
    await workspace.waitFor(() => workspace.homeViewFor('U0ALICE'), { what: "Alice's Home tab" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(harness.slack.calls('views.publish')).toHaveLength(1);

    await postSigned(harness.eventsUrl, SIGNING_SECRET, homeOpened('Ev0OTHER'), json);
    await expect.poll(() => harness.slack.calls('views.publish').length).toBe(2);
  });
});
