import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { STEPS } from '../../src/domain/questions.js';
import { PLATFORM_LABELS } from '../../src/domain/types.js';
import { type SlackEmulator, startSlackEmulator } from '../../src/emulator/index.js';
import { createStore, type RunningApp, startStreamVerdict } from '../../src/server.js';
import { ACTION_IDS, BLOCK_IDS } from '../../src/slack/ids.js';
import { STREAMING_IS_THE_PRODUCT, WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';
import { BOT_TOKEN, blockById, CHANNEL, SIGNING_SECRET, stepValues, visibleText } from './harness.js';
import {
  decisionIdOf,
  decisionMessage,
  LAST_STEP,
  openDetails,
  startDecision,
  stepShown,
  submitStep,
} from './journey.js';

/**
 * Two instances of the app behind one request URL, as a load balancer without sticky sessions runs them:
 * each request a person sends may reach either, and only Redis is shared.
 */
let slack: SlackEmulator;
let instances: RunningApp[] = [];

afterEach(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  instances = [];
  await slack?.close();
});

async function startTwoInstances(
  clock: { now?: () => Date; schedulerIntervalMs?: number } = {},
): Promise<[RunningApp, RunningApp]> {
  slack = await startSlackEmulator({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN });
  const config: Config = {
    transport: 'http',
    slack: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: slack.apiUrl },
    port: 0,
    redisUrl: inject('redisUrl'),
    retentionDays: 90,
    logLevel: 'error',
  };
  const keyPrefix = `scale-${randomBytes(6).toString('hex')}`;
  const boot = () =>
    startStreamVerdict({
      config,
      store: createStore(config, { keyPrefix, warn: () => undefined }),
      ...clock,
    });
  instances = await Promise.all([boot(), boot()]);
  return instances as [RunningApp, RunningApp];
}

/** The same person as seen through each instance: one Slack, one modal, two request URLs. */
function personOn(userId: string, a: RunningApp, b: RunningApp) {
  const url = (instance: RunningApp) => `http://127.0.0.1:${instance.port}/slack/events`;
  return [
    slack.actorFor(userId, { appEventsUrl: url(a) }),
    slack.actorFor(userId, { appEventsUrl: url(b) }),
  ] as const;
}

describe('two app instances on one Redis', () => {
  it('people whose requests alternate between the instances mid-questionnaire finish with every answer kept', async () => {
    const [a, b] = await startTwoInstances();
    const alice = personOn('U0ALICE', a, b);
    const bob = personOn('U0BOB', a, b);

    const posted = await startDecision(slack, alice[0], CHANNEL, 'Event bus for the billing rewrite');
    await bob[1].clickButton({
      actionId: ACTION_IDS.answerQuestionnaire,
      message: { channel: CHANNEL, ts: posted.ts },
    });
    await slack.workspace.waitFor(() => slack.workspace.openViewFor('U0BOB'), { what: "Bob's modal" });

    // Up to the second-to-last step, each step goes to the other instance than the one before, and Alice and
    // Bob are always on different instances at the same moment, saving into the same decision at once.
    for (let step = 0; step < LAST_STEP - 1; step++) {
      await Promise.all([
        submitStep(slack, alice[step % 2] ?? alice[0], WEB_APP_SHOP_ON_AWS, step),
        submitStep(slack, bob[(step + 1) % 2] ?? bob[0], STREAMING_IS_THE_PRODUCT, step),
      ]);
    }

    // Alice goes Back on one instance, changes nothing, and moves on through the other.
    const backFrom = LAST_STEP - 1;
    await alice[0].clickButton({ actionId: ACTION_IDS.questionnaireBack });
    await slack.workspace.waitFor(
      () => stepShown(slack, alice[0]).includes(`Step ${backFrom} of`) || undefined,
      {
        what: 'the previous step',
      },
    );
    await submitStep(slack, alice[1], WEB_APP_SHOP_ON_AWS, backFrom - 1);

    // Bob closes the modal; reopening it from the message on the other instance resumes where he was.
    await bob[0].closeView();
    await bob[1].clickButton({
      actionId: ACTION_IDS.answerQuestionnaire,
      message: { channel: CHANNEL, ts: posted.ts },
    });
    await slack.workspace.waitFor(() => slack.workspace.openViewFor('U0BOB'), {
      what: "Bob's resumed modal",
    });
    expect(stepShown(slack, bob[1])).toContain(`Step ${backFrom + 1} of ${STEPS.length}`);

    await Promise.all([
      submitStep(slack, alice[0], WEB_APP_SHOP_ON_AWS, backFrom),
      submitStep(slack, bob[0], STREAMING_IS_THE_PRODUCT, backFrom),
    ]);
    // Both finish at the same moment, each on a different instance: both publish the verdict, and the
    // message must end up counting both, never left on the older of the two.
    const [aliceLast, bobLast] = await Promise.all([
      alice[1].submitView({ values: stepValues(LAST_STEP, WEB_APP_SHOP_ON_AWS) }),
      bob[0].submitView({ values: stepValues(LAST_STEP, STREAMING_IS_THE_PRODUCT) }),
    ]);
    expect([aliceLast.outcome, bobLast.outcome]).toEqual(['updated', 'updated']);
    expect(visibleText(slack.workspace.openViewFor('U0ALICE')?.view.blocks)).toContain(
      PLATFORM_LABELS.kinesis,
    );
    expect(visibleText(slack.workspace.openViewFor('U0BOB')?.view.blocks)).toContain(PLATFORM_LABELS.kafka);

    const verdict = await slack.workspace.waitFor(
      () => {
        const message = decisionMessage(slack, CHANNEL);
        return visibleText(message.blocks).includes('2 finished answer sets') && message;
      },
      { what: 'the verdict over both answer sets' },
    );
    expect(verdict.ts).toBe(posted.ts);
    // Whatever either instance still sends afterwards, the message keeps counting both.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(visibleText(decisionMessage(slack, CHANNEL).blocks)).toContain('2 finished answer sets');
    expect(slack.workspace.messagesIn(CHANNEL)).toHaveLength(1);
    const details = await openDetails(slack, alice[0]);
    expect(visibleText([blockById(details, BLOCK_IDS.verdictRow('setup'))])).toMatch(
      /Person by person: Kinesis 2/,
    );
    const notes = await slack.workspace.waitFor(
      () => {
        const replies = slack.workspace.repliesTo(CHANNEL, posted.ts);
        return replies.length === 2 && replies;
      },
      { what: 'both finish notes' },
    );
    expect(notes.map((note) => note.text).sort()).toEqual([
      expect.stringContaining('<@U0ALICE> finished'),
      expect.stringContaining('<@U0BOB> finished'),
    ]);

    // Each instance reads exactly what the other wrote.
    const ref = { teamId: slack.workspace.teamId, decisionId: decisionIdOf(posted) };
    const [fromA, fromB] = await Promise.all([a.store.listAnswerSets(ref), b.store.listAnswerSets(ref)]);
    expect(fromA).toEqual(fromB);
    expect(fromA.map((set) => set.userId)).toEqual(['U0ALICE', 'U0BOB']);
    for (const set of fromA) {
      const expected = set.userId === 'U0ALICE' ? WEB_APP_SHOP_ON_AWS : STREAMING_IS_THE_PRODUCT;
      const saved = Object.assign({}, ...Object.values(set.steps));
      expect(saved).toEqual(Object.fromEntries(Object.entries(expected).filter(([id]) => id in saved)));
      expect(Object.keys(set.steps)).toHaveLength(STEPS.length);
      expect(set.progress.finishedAt).toBeDefined();
    }
  });
});

describe('a team deciding across two instances', () => {
  it('counts everyone who finishes at the same moment on either instance, and fires each deadline once', async () => {
    let now = new Date('2026-11-24T10:00:00Z');
    const [a, b] = await startTwoInstances({ now: () => now, schedulerIntervalMs: 3_600_000 });
    const alice = personOn('U0ALICE', a, b);
    const posted = await startDecision(slack, alice[0], CHANNEL, '--by 2026-11-26 Across instances');
    slack.workspace.closeModals('U0ALICE', { all: true });

    const people = Array.from({ length: 12 }, (_, index) =>
      personOn(`U0Q${String(index).padStart(2, '0')}`, a, b),
    );
    for (const [index, person] of people.entries()) {
      const [first, second] = person;
      await first.clickButton({
        actionId: ACTION_IDS.answerQuestionnaire,
        message: { channel: CHANNEL, ts: posted.ts },
      });
      await slack.workspace.waitFor(() => slack.workspace.openViewFor(first.userId));
      for (let step = 0; step < LAST_STEP; step++) {
        await submitStep(
          slack,
          step % 2 ? second : first,
          index % 2 ? WEB_APP_SHOP_ON_AWS : STREAMING_IS_THE_PRODUCT,
          step,
        );
      }
    }
    // Everyone's last step at once, half of them on each instance.
    await Promise.all(
      people.map((person, index) =>
        (person[index % 2] ?? person[0]).submitView({
          values: stepValues(LAST_STEP, index % 2 ? WEB_APP_SHOP_ON_AWS : STREAMING_IS_THE_PRODUCT),
        }),
      ),
    );
    await slack.workspace.waitFor(
      () => visibleText(decisionMessage(slack, CHANNEL).blocks).includes('12 finished answer sets'),
      { what: 'the verdict over all twelve', timeoutMs: 15_000 },
    );
    await slack.workspace.waitFor(() => slack.workspace.repliesTo(CHANNEL, posted.ts).length === 12, {
      what: 'twelve finish notes',
      timeoutMs: 15_000,
    });
    expect(JSON.stringify(slack.calls('chat.update').at(-1)?.args)).toContain('12 finished answer sets');

    const notes = () => slack.workspace.repliesTo(CHANNEL, posted.ts).map((note) => note.text);
    now = new Date('2026-11-26T00:00:01Z');
    const reminders = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect(reminders.reduce((sum, done) => sum + done, 0)).toBe(1);
    await slack.workspace.waitFor(() => notes().some((text) => text.includes('Reminder')), {
      what: 'the reminder',
    });

    now = new Date('2026-11-27T00:00:01Z');
    const closes = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect(closes.reduce((sum, done) => sum + done, 0)).toBe(1);
    await slack.workspace.waitFor(() => notes().some((text) => text.startsWith('Decision record')), {
      what: 'the decision record',
    });
    expect(notes().filter((text) => text.includes('Reminder'))).toHaveLength(1);
    expect(notes().filter((text) => text.startsWith('Decision record'))).toHaveLength(1);
  });
});
