import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactiveBody } from '../../src/emulator/index.js';
import { viewSubmissionPayload } from '../../src/emulator/payloads.js';
import { buildViewState } from '../../src/emulator/view-state.js';
import { BLOCK_IDS } from '../../src/slack/ids.js';
import { WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';
import { CHANNEL, type Harness, SIGNING_SECRET, startHarness, stepValues } from '../e2e/harness.js';
import { clickAnswerAs } from '../support/answer-click.js';
import { postSigned } from '../support/signed-post.js';

/**
 * Workspace B knows workspace A's decision id (a leaked link, a guess) and sends correctly signed requests
 * naming it, as a second workspace of a distributed app could. Every key is scoped by workspace, so B
 * reaches nothing of A's.
 */

const OTHER = {
  team: { id: 'T0OTHER', domain: 'other' },
  user: { id: 'U0MALLORY', username: 'mallory', name: 'mallory', team_id: 'T0OTHER' },
};

let harness: Harness;
let decisionId: string;
let decisionTs: string;

beforeAll(async () => {
  harness = await startHarness();
  const alice = harness.person('U0ALICE');
  await alice.runSlashCommand({ channel: CHANNEL, command: '/stream-verdict', text: 'Workspace A only' });
  const message = await harness.slack.workspace.waitFor(
    () =>
      harness.slack.workspace.messagesIn(CHANNEL)[0]?.blocks &&
      harness.slack.workspace.messagesIn(CHANNEL)[0],
  );
  decisionTs = message.ts;
  const button = JSON.stringify(
    message.blocks?.find((block) => 'block_id' in block && block.block_id === BLOCK_IDS.decisionActions),
  );
  decisionId = JSON.parse(button).elements[0].value;
  await alice.submitView({ values: stepValues(0, WEB_APP_SHOP_ON_AWS) });
});
afterAll(async () => {
  await harness.close();
});

const source = (workspace: Harness['slack']['workspace']) => ({
  token: workspace.verificationToken,
  apiAppId: workspace.appId,
  ...OTHER,
});

describe('workspace B, holding workspace A’s decision id', () => {
  it('cannot open A’s decision: it is told the decision does not exist', async () => {
    const view = await clickAnswerAs(harness, {
      user: 'U0MALLORY',
      teamId: 'T0OTHER',
      enterprise: null,
      decision: { id: decisionId, ts: decisionTs },
    });
    expect(view).toContain('Decision not found');
    expect(view).not.toContain('Workspace A only');
  });

  it('cannot write answers into A’s decision by naming it in private_metadata', async () => {
    const { workspace } = harness.slack;
    const aliceView = workspace.openViewFor('U0ALICE')?.view;
    if (!aliceView) throw new Error('Alice has no modal');
    const payload = viewSubmissionPayload({
      source: source(workspace),
      triggerId: workspace.issueTriggerId('U0ALICE'),
      view: { ...aliceView, state: buildViewState(aliceView.blocks, stepValues(1, WEB_APP_SHOP_ON_AWS)) },
    });
    const reply = await postSigned(harness.eventsUrl, SIGNING_SECRET, interactiveBody(payload));
    expect(reply.status).toBe(200);
    expect(JSON.stringify(JSON.parse(reply.body))).toContain('Decision not found');

    const inA = await harness.app.store.listAnswerSets({ teamId: 'T0001', decisionId });
    expect(inA.map((set) => set.userId)).toEqual(['U0ALICE']);
    expect(inA[0]?.steps.workload).toBeUndefined();
    expect(await harness.app.store.getDecision({ teamId: 'T0OTHER', decisionId })).toBeNull();
    expect((await harness.storedKeys()).filter((key) => key.includes('T0OTHER'))).toEqual([]);
  });
});
