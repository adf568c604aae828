import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommandBody } from '../../src/emulator/index.js';
import { CHANNEL, type Harness, SIGNING_SECRET, startHarness } from '../e2e/harness.js';
import { decisionIdOf } from '../e2e/journey.js';
import { clickAnswerAs } from '../support/answer-click.js';
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
  decisionId = decisionIdOf(message);
});
afterAll(async () => {
  await harness.close();
});

const clickAnswer = (user: string, teamId: string, enterprise: { id: string; name: string } | null) =>
  clickAnswerAs(harness, { user, teamId, enterprise, decision: { id: decisionId, ts: decisionTs } });

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
