import { expect } from 'vitest';
import { STEPS } from '../../src/domain/questions.js';
import type { Answers } from '../../src/domain/types.js';
import type { SlackActor, SlackEmulator } from '../../src/emulator/index.js';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS } from '../../src/slack/ids.js';
import { STREAMING_IS_THE_PRODUCT, WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';
import { blockById, CHANNEL, type Harness, stepValues, visibleText } from './harness.js';

/**
 * A person's way through the questionnaire as Slack shows it, for end-to-end tests that run the same journey
 * on different deployments (several instances, Redis Cluster, Sentinel).
 */

export const LAST_STEP = STEPS.length - 1;

export function decisionMessage(slack: SlackEmulator, channel: string) {
  const [message] = slack.workspace.messagesIn(channel);
  if (!message) throw new Error(`no decision message in ${channel}`);
  return message;
}

export function decisionIdOf(message: { blocks?: unknown }): string {
  const actions = blockById<{ elements: { value: string }[] }>(message.blocks, BLOCK_IDS.decisionActions);
  const id = actions?.elements[0]?.value;
  if (!id) throw new Error('the decision message has no button');
  return id;
}

/** Clicks Details on the decision message and returns the blocks of the modal it opens. */
export async function openDetails(slack: SlackEmulator, person: SlackActor, channel = CHANNEL) {
  const message = decisionMessage(slack, channel);
  await person.clickButton({ actionId: ACTION_IDS.verdictDetails, message: { channel, ts: message.ts } });
  const open = await slack.workspace.waitFor(
    () => {
      const view = slack.workspace.openViewFor(person.userId);
      return view?.view.callback_id === CALLBACK_IDS.verdictDetails && view;
    },
    { what: `${person.userId}'s verdict details` },
  );
  return open.view.blocks;
}

/** The "Step n of N" line of the modal the person sees. */
export function stepShown(slack: SlackEmulator, person: SlackActor): string {
  const open = slack.workspace.openViewFor(person.userId);
  if (!open) throw new Error(`${person.userId} has no modal open`);
  return visibleText([blockById(open.view.blocks, BLOCK_IDS.stepProgress)]);
}

/** Runs the slash command and waits for the questionnaire and the decision message. */
export async function startDecision(
  slack: SlackEmulator,
  person: SlackActor,
  channel: string,
  title: string,
) {
  const reply = await person.runSlashCommand({ channel, command: '/stream-verdict', text: title });
  expect(reply.problems).toEqual([]);
  await slack.workspace.waitFor(() => slack.workspace.openViewFor(person.userId), {
    what: `${person.userId}'s questionnaire`,
  });
  return slack.workspace.waitFor(
    () => slack.workspace.messagesIn(channel)[0]?.blocks && decisionMessage(slack, channel),
    {
      what: 'the decision message',
    },
  );
}

/** Submits one step as shown, checking the modal moved on. */
export async function submitStep(slack: SlackEmulator, person: SlackActor, answers: Answers, step: number) {
  expect(stepShown(slack, person)).toContain(`Step ${step + 1} of ${STEPS.length}`);
  const result = await person.submitView({ values: stepValues(step, answers) });
  expect(result.problems).toEqual([]);
  expect(result.errors ?? {}).toEqual({});
  expect(result.outcome).toBe('updated');
}

/**
 * The whole flow on whatever store the harness runs on: Alice starts a decision and answers, the app restarts
 * half-way, she finishes; Bob answers from the decision message; the verdict counts both. Returns the
 * decision's id.
 */
export async function twoPeopleReachAVerdict(harness: Harness, channel = CHANNEL): Promise<string> {
  const { slack } = harness;
  const alice = harness.person('U0ALICE');
  const bob = harness.person('U0BOB');
  const posted = await startDecision(slack, alice, channel, 'Event bus for the billing rewrite');
  for (let step = 0; step <= 2; step++) await submitStep(slack, alice, WEB_APP_SHOP_ON_AWS, step);
  await harness.restart();
  for (let step = 3; step <= LAST_STEP; step++) await submitStep(slack, alice, WEB_APP_SHOP_ON_AWS, step);

  await bob.clickButton({ actionId: ACTION_IDS.answerQuestionnaire, message: { channel, ts: posted.ts } });
  await slack.workspace.waitFor(() => slack.workspace.openViewFor(bob.userId), { what: "Bob's modal" });
  for (let step = 0; step <= LAST_STEP; step++) await submitStep(slack, bob, STREAMING_IS_THE_PRODUCT, step);

  const updated = await slack.workspace.waitFor(
    () => {
      const message = decisionMessage(slack, channel);
      return visibleText(message.blocks).includes('2 finished answer sets') && message;
    },
    { what: 'the verdict over both answer sets' },
  );
  expect(updated.ts).toBe(posted.ts);
  const details = await openDetails(slack, alice, channel);
  expect(visibleText([blockById(details, BLOCK_IDS.verdictRow('setup'))])).toMatch(
    /Person by person: Kinesis 2/,
  );
  const notes = await slack.workspace.waitFor(
    () => {
      const replies = slack.workspace.repliesTo(channel, posted.ts);
      return replies.length === 2 && replies;
    },
    { what: 'both finish notes in the thread' },
  );
  expect(notes.map((note) => note.text)).toEqual([
    expect.stringContaining('<@U0ALICE> finished'),
    expect.stringContaining('<@U0BOB> finished'),
  ]);

  const decisionId = decisionIdOf(posted);
  const stored = await harness.app.store.listAnswerSets({ teamId: slack.workspace.teamId, decisionId });
  expect(stored.map((set) => set.userId)).toEqual(['U0ALICE', 'U0BOB']);
  for (const set of stored) {
    expect(Object.keys(set.steps).sort()).toEqual(STEPS.map((step) => step.id).sort());
    expect(set.progress.finishedAt).toBeDefined();
  }
  return decisionId;
}

/** Opens the questionnaire from the decision message (unless a modal is open) and saves all but the last step. */
export async function answerAllButTheLastStep(h: Harness, person: SlackActor, ts: string): Promise<void> {
  if (!h.slack.workspace.openViewFor(person.userId)) {
    await person.clickButton({ actionId: ACTION_IDS.answerQuestionnaire, message: { channel: CHANNEL, ts } });
    await h.slack.workspace.waitFor(() => h.slack.workspace.openViewFor(person.userId), {
      what: `${person.userId}'s modal`,
    });
  }
  for (let step = 0; step < LAST_STEP; step++) await submitStep(h.slack, person, WEB_APP_SHOP_ON_AWS, step);
}
