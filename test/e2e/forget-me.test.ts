import { Redis } from 'ioredis';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { STEPS } from '../../src/domain/questions.js';
import { ACTION_IDS } from '../../src/slack/ids.js';
import { STREAMING_IS_THE_PRODUCT, WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';
import { forgetMeConfirmed } from '../support/command-prompts.js';
import { CHANNEL, type Harness, startHarness, stepValues } from './harness.js';
import { decisionIdOf, startDecision } from './journey.js';

let harness: Harness;
afterEach(async () => {
  await harness?.close();
});

describe('/stream-verdict forget me', () => {
  it('removes the caller’s answers from every decision, finished or not, and the verdicts stop counting them', async () => {
    harness = await startHarness();
    const { workspace } = harness.slack;
    const alice = harness.person('U0ALICE');
    const bob = harness.person('U0BOB');

    const first = await startDecision(harness.slack, alice, CHANNEL, 'First decision');
    for (let step = 0; step < STEPS.length; step++)
      await alice.submitView({ values: stepValues(step, WEB_APP_SHOP_ON_AWS) });

    await bob.clickButton({
      actionId: ACTION_IDS.answerQuestionnaire,
      message: { channel: CHANNEL, ts: first.ts },
    });
    await workspace.waitFor(() => workspace.openViewFor('U0BOB'));
    for (let step = 0; step < STEPS.length; step++)
      await bob.submitView({ values: stepValues(step, STREAMING_IS_THE_PRODUCT) });
    await workspace.waitFor(() =>
      JSON.stringify(workspace.message(CHANNEL, first.ts)?.blocks).includes('2 finished') ? true : undefined,
    );

    // A second decision Bob only started.
    await alice.closeView();
    await alice.runSlashCommand({ channel: CHANNEL, command: '/stream-verdict', text: 'Second decision' });
    const second = await workspace.waitFor(
      () => workspace.messagesIn(CHANNEL)[1]?.blocks && workspace.messagesIn(CHANNEL)[1],
    );
    await bob.closeView();
    await bob.clickButton({
      actionId: ACTION_IDS.answerQuestionnaire,
      message: { channel: CHANNEL, ts: second.ts },
    });
    await workspace.waitFor(() => workspace.openViewFor('U0BOB'));
    await bob.submitView({ values: stepValues(0, STREAMING_IS_THE_PRODUCT) });

    await forgetMeConfirmed(harness, bob);
    const note = await workspace.waitFor(
      () => workspace.ephemeralFor('U0BOB').find((m) => m.text.includes('I removed')),
      {
        timeoutMs: 5_000,
        what: 'the confirmation',
      },
    );
    expect(note.text).toContain('I removed 2 answer sets of yours');

    const ids = [first, second].map((message) => decisionIdOf(message));
    for (const decisionId of ids) {
      expect(await harness.app.store.getAnswerSet({ teamId: 'T0001', decisionId }, 'U0BOB')).toBeNull();
    }
    expect(
      await harness.app.store.getAnswerSet({ teamId: 'T0001', decisionId: ids[0] ?? '' }, 'U0ALICE'),
    ).not.toBeNull();
    await workspace.waitFor(
      () =>
        JSON.stringify(workspace.message(CHANNEL, first.ts)?.blocks).includes('1 finished')
          ? true
          : undefined,
      {
        what: 'the first verdict to count one answer set',
      },
    );
  });

  it('takes a title that merely starts with the words for a title, and forgets nothing', async () => {
    harness = await startHarness();
    const { workspace } = harness.slack;
    const alice = harness.person('U0ALICE');
    await alice.runSlashCommand({
      channel: CHANNEL,
      command: '/stream-verdict',
      text: 'Events for the shop',
    });
    await workspace.waitFor(() => workspace.openViewFor('U0ALICE'));
    const first = await workspace.waitFor(
      () => workspace.messagesIn(CHANNEL)[0]?.blocks && workspace.messagesIn(CHANNEL)[0],
    );
    await alice.submitView({ values: stepValues(0, WEB_APP_SHOP_ON_AWS) });
    await alice.closeView();

    await alice.runSlashCommand({
      channel: CHANNEL,
      command: '/stream-verdict',
      text: 'Forget me nots: events for the florist',
    });
    const second = await workspace.waitFor(
      () => workspace.messagesIn(CHANNEL)[1]?.blocks && workspace.messagesIn(CHANNEL)[1],
    );
    expect(JSON.stringify(second.blocks)).toContain('Forget me nots: events for the florist');
    const firstId = decisionIdOf(first);
    expect(
      await harness.app.store.getAnswerSet({ teamId: 'T0001', decisionId: firstId }, 'U0ALICE'),
    ).not.toBeNull();
  });

  it('finds answers the person’s Home list has lost, and says how many answer sets it removed', async () => {
    harness = await startHarness();
    const { workspace } = harness.slack;
    const alice = harness.person('U0ALICE');
    const bob = harness.person('U0BOB');
    const decisionIds: string[] = [];
    for (const title of ['One', 'Two', 'Three']) {
      await alice.runSlashCommand({ channel: CHANNEL, command: '/stream-verdict', text: title });
      const posted = await workspace.waitFor(
        () =>
          workspace.messagesIn(CHANNEL)[decisionIds.length]?.blocks &&
          workspace.messagesIn(CHANNEL)[decisionIds.length],
      );
      decisionIds.push(decisionIdOf(posted));
      await workspace.waitFor(() => workspace.openViewFor('U0ALICE'));
      await alice.submitView({ values: stepValues(0, WEB_APP_SHOP_ON_AWS) });
      await alice.closeView();
      await bob.clickButton({
        actionId: ACTION_IDS.answerQuestionnaire,
        message: { channel: CHANNEL, ts: posted.ts },
      });
      await workspace.waitFor(() => workspace.openViewFor('U0BOB'));
      await bob.submitView({ values: stepValues(0, STREAMING_IS_THE_PRODUCT) });
      await bob.closeView();
    }
    // As if the writes of Bob's Home list had failed: nothing but the decisions themselves knows he answered.
    const redis = new Redis(inject('redisUrl'));
    try {
      expect(await redis.del(`${harness.keyPrefix}:home:{T0001:U0BOB}`)).toBe(1);
    } finally {
      redis.disconnect();
    }

    await forgetMeConfirmed(harness, bob);
    const note = await workspace.waitFor(
      () => workspace.ephemeralFor('U0BOB').find((m) => m.text.startsWith('Done')),
      { timeoutMs: 5_000, what: 'the confirmation' },
    );
    expect(note.text).toContain('I removed 3 answer sets of yours');
    for (const decisionId of decisionIds) {
      const ref = { teamId: 'T0001', decisionId };
      expect(await harness.app.store.getAnswerSet(ref, 'U0BOB')).toBeNull();
      expect(await harness.app.store.getAnswerSet(ref, 'U0ALICE')).not.toBeNull();
    }
  });

  it('says so when there is nothing to forget', async () => {
    harness = await startHarness();
    const carol = harness.person('U0CAROL');
    await forgetMeConfirmed(harness, carol);
    const note = await harness.slack.workspace.waitFor(() =>
      harness.slack.workspace.ephemeralFor('U0CAROL').find((m) => !/cannot be undone/.test(m.text)),
    );
    expect(note.text).toBe('I hold no answers of yours in this workspace.');
    expect(harness.slack.workspace.messagesIn(CHANNEL)).toEqual([]);
  });
});
