import { afterEach, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/slack/ids.js';
import { WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';
import { promptFor } from '../support/command-prompts.js';
import { CHANNEL, type Harness, startHarness, visibleText } from './harness.js';
import { decisionIdOf, startDecision, submitStep } from './journey.js';

/** The slash command asks back before a typo starts a public decision, and before `forget me` deletes. */

let harness: Harness;
afterEach(async () => {
  await harness?.close();
});

describe('a sub-command typed one letter off', () => {
  it('asks “Did you mean `export`?” privately, starts nothing, and starts the decision on the button', async () => {
    harness = await startHarness();
    const { workspace } = harness.slack;
    const alice = harness.person('U0ALICE');
    const reply = await alice.runSlashCommand({
      channel: CHANNEL,
      command: '/stream-verdict',
      text: 'exprot',
    });
    expect(reply.problems).toEqual([]);
    const question = await promptFor(harness, alice, /Did you mean/);
    expect(question.text).toContain('Did you mean `/stream-verdict export`?');
    expect(workspace.messagesIn(CHANNEL)).toEqual([]);
    expect(workspace.openViewFor('U0ALICE')).toBeUndefined();
    expect((await harness.storedKeys()).filter((key) => key.endsWith(':decision'))).toEqual([]);

    await alice.clickButton({
      actionId: ACTION_IDS.startDecisionAnyway,
      message: { channel: CHANNEL, ts: question.ts },
    });
    await workspace.waitFor(() => workspace.openViewFor('U0ALICE'), { what: 'the questionnaire' });
    const posted = await workspace.waitFor(
      () => workspace.messagesIn(CHANNEL)[0]?.blocks && workspace.messagesIn(CHANNEL)[0],
    );
    expect(visibleText(posted.blocks)).toContain('exprot');
    await workspace.waitFor(
      () => !workspace.ephemeralFor('U0ALICE', CHANNEL).some((m) => m.ts === question.ts),
      {
        what: 'the question to go',
      },
    );
  });

  it('still takes the exact words of a sub-command followed by more as a title', async () => {
    harness = await startHarness();
    const alice = harness.person('U0ALICE');
    const posted = await startDecision(harness.slack, alice, CHANNEL, 'Export pipeline rewrite');
    expect(visibleText(posted.blocks)).toContain('Export pipeline rewrite');
  });
});

describe('/stream-verdict forget me', () => {
  it('asks for confirmation first and removes nothing until the button is clicked', async () => {
    harness = await startHarness();
    const alice = harness.person('U0ALICE');
    const posted = await startDecision(harness.slack, alice, CHANNEL, 'Keep my answers?');
    await submitStep(harness.slack, alice, WEB_APP_SHOP_ON_AWS, 0);
    const ref = { teamId: 'T0001', decisionId: decisionIdOf(posted) };

    await alice.runSlashCommand({ channel: CHANNEL, command: '/stream-verdict', text: 'forget me' });
    const question = await promptFor(harness, alice, /cannot be undone/);
    expect(JSON.stringify(question.blocks)).toContain('Forget my answers');
    expect(await harness.app.store.getAnswerSet(ref, 'U0ALICE')).not.toBeNull();

    await alice.clickButton({
      actionId: ACTION_IDS.confirmForgetMe,
      message: { channel: CHANNEL, ts: question.ts },
    });
    await promptFor(harness, alice, /I removed 1 answer set of yours/);
    expect(await harness.app.store.getAnswerSet(ref, 'U0ALICE')).toBeNull();
  });
});
