import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactiveBody, slashCommandBody } from '../../src/emulator/index.js';
import { messageBlockActionsPayload } from '../../src/emulator/payloads.js';
import { ACTION_IDS, BLOCK_IDS } from '../../src/slack/ids.js';
import { CHANNEL, type Harness, SIGNING_SECRET, startHarness } from '../e2e/harness.js';
import { postSigned } from '../support/signed-post.js';

/**
 * An org-wide install on Enterprise Grid: one org, several workspaces, channels shared across them. The
 * org's decisions are one set, scoped by the org id: a teammate from another workspace of the org can
 * answer in a shared channel, and no other org (nor a workspace-level install) reaches them.
 */

const ORG = { id: 'E0ORG', name: 'Globular Construct' };
let harness: Harness;
let decisionId: string;
let decisionTs: string;

beforeAll(async () => {
  harness = await startHarness();
  const { workspace, server } = harness.slack;
  harness.person('U0ALICE');
  const body = slashCommandBody({
    token: workspace.verificationToken,
    teamId: 'T0001',
    teamDomain: 'first',
    enterprise: ORG,
    channelId: CHANNEL,
    channelName: 'general',
    userId: 'U0ALICE',
    userName: 'alice',
    command: '/stream-verdict',
    text: 'Org-wide event bus',
    apiAppId: workspace.appId,
    isEnterpriseInstall: true,
    responseUrl: server.responseUrlFor({ channel: CHANNEL, userId: 'U0ALICE', isEphemeral: true }),
    triggerId: workspace.issueTriggerId('U0ALICE'),
  });
  expect((await postSigned(harness.eventsUrl, SIGNING_SECRET, body)).status).toBe(200);
  const message = await workspace.waitFor(
    () => workspace.messagesIn(CHANNEL)[0]?.blocks && workspace.messagesIn(CHANNEL)[0],
  );
  decisionTs = message.ts;
  decisionId = JSON.stringify(message.blocks).match(/"value":"([\w-]+)"/)?.[1] ?? '';
});
afterAll(async () => {
  await harness.close();
});

/** Clicks "Answer" on the decision message as a person of the given workspace and org. */
async function clickAnswer(user: string, teamId: string, enterprise: { id: string; name: string } | null) {
  const { workspace, server } = harness.slack;
  harness.person(user);
  const message = workspace.message(CHANNEL, decisionTs);
  if (!message) throw new Error('no decision message');
  const payload = {
    ...messageBlockActionsPayload({
      source: {
        token: workspace.verificationToken,
        apiAppId: workspace.appId,
        team: { id: teamId, domain: teamId.toLowerCase() },
        user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: teamId },
      },
      triggerId: workspace.issueTriggerId(user),
      channel: { id: CHANNEL, name: 'general' },
      messageTs: message.ts,
      message,
      state: { values: {} },
      action: {
        action_id: ACTION_IDS.answerQuestionnaire,
        block_id: BLOCK_IDS.decisionActions,
        text: { type: 'plain_text', text: 'Answer' },
        value: decisionId,
        type: 'button',
        action_ts: '1.2',
      },
      responseUrl: server.responseUrlFor({ channel: CHANNEL, userId: user, isEphemeral: true }),
    }),
    enterprise,
    is_enterprise_install: enterprise !== null,
  };
  const before = harness.slack.calls('views.open').length;
  expect(
    (await postSigned(harness.eventsUrl, SIGNING_SECRET, interactiveBody(payload as never))).status,
  ).toBe(200);
  for (let tries = 0; tries < 40 && !harness.slack.calls('views.open')[before]; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return JSON.stringify(harness.slack.calls('views.open')[before]?.args.view ?? null);
}

describe('an org-wide install on Enterprise Grid', () => {
  it('keeps the decision under the org, not the workspace it was started in', async () => {
    expect(await harness.app.store.getDecision({ teamId: ORG.id, decisionId })).not.toBeNull();
    expect(await harness.app.store.getDecision({ teamId: 'T0001', decisionId })).toBeNull();
    expect(
      (await harness.storedKeys()).every((key) => key.includes(`{${ORG.id}:`) || !key.includes(decisionId)),
    ).toBe(true);
  });

  it('lets a teammate from another workspace of the org answer in the shared channel', async () => {
    const view = await clickAnswer('U0BOB', 'T0002', ORG);
    expect(view).toContain('Org-wide event bus');
    expect(view).toContain('Step 1 of');
  });

  it('keeps another org out, even with the decision id', async () => {
    const view = await clickAnswer('U0MALLORY', 'T0003', { id: 'E0OTHER', name: 'Other' });
    expect(view).toContain('Decision not found');
    expect(view).not.toContain('Org-wide event bus');
  });

  it('keeps a workspace-level install of the same workspace out of the org’s decisions', async () => {
    const view = await clickAnswer('U0CAROL', 'T0001', null);
    expect(view).toContain('Decision not found');
  });
});
