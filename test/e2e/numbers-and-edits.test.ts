import { afterEach, describe, expect, it } from 'vitest';
import { FIGURE_TYPICAL } from '../../src/domain/figures.js';
import { ALL_QUESTIONS, STEPS } from '../../src/domain/questions.js';
import type { Answers } from '../../src/domain/types.js';
import type { SlackActor } from '../../src/emulator/index.js';
import { ACTION_IDS, BLOCK_IDS, VERDICT_BLOCK_IDS } from '../../src/slack/ids.js';
import { WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';
import { blockById, CHANNEL, type Harness, startHarness, stepValues, visibleText } from './harness.js';
import * as journey from './journey.js';

const LAST = STEPS.length - 1;
const WORKLOAD = STEPS.findIndex((step) => step.id === 'workload');
let harness: Harness;

afterEach(async () => {
  await harness?.close();
});

const decisionMessage = () => journey.decisionMessage(harness.slack, CHANNEL);

function openView(person: SlackActor) {
  const open = harness.slack.workspace.openViewFor(person.userId);
  if (!open) throw new Error(`${person.userId} has no modal open`);
  return open.view;
}

async function finish(person: SlackActor, answers: Answers) {
  await journey.startDecision(harness.slack, person, CHANNEL, 'Event bus for the billing rewrite');
  for (let step = 0; step <= LAST; step++) await journey.submitStep(harness.slack, person, answers, step);
  return harness.slack.workspace.waitFor(
    () => (decisionMessage().editCount > 0 ? decisionMessage() : undefined),
    {
      what: 'the verdict in the decision message',
    },
  );
}

function decisionUpdates(): number {
  const ts = decisionMessage().ts;
  return harness.slack.calls().filter((call) => call.method === 'chat.update' && call.args.ts === ts).length;
}

describe('“Don’t know” for every workload number', () => {
  it('still reaches a verdict, with low confidence, naming each figure assumed and who agreed to it', async () => {
    harness = await startHarness();
    const alice = harness.person('U0ALICE');
    const unsure = Object.fromEntries(
      ALL_QUESTIONS.filter((q) => q.kind === 'number').map((q) => [q.id, FIGURE_TYPICAL]),
    );
    const verdict = await finish(alice, { ...WEB_APP_SHOP_ON_AWS, ...unsure });

    expect(visibleText([blockById(verdict.blocks, BLOCK_IDS.verdictSummary)])).toContain('low confidence');
    const figures = visibleText([blockById(verdict.blocks, VERDICT_BLOCK_IDS.figures)]);
    expect(figures).toContain(
      'priced at typical figures: average writes 1 MB/s, peak writes 5 MB/s, record size 1 KB, reading services 2 consumer groups, days kept 7 days (agreed by <@U0ALICE>)',
    );
    // The cost shown rests on those figures, and says so beside it.
    expect(blockById(verdict.blocks, VERDICT_BLOCK_IDS.cost)).toBeDefined();

    const own = visibleText(openView(alice).blocks);
    expect(own).toContain('Figures you did not give exactly');
    expect(own).toContain("peak writes: “Don't know”, so it is priced at a typical 5 MB/s, as you agreed");

    const details = await journey.openDetails(harness.slack, alice);
    expect(visibleText([blockById(details, VERDICT_BLOCK_IDS.figures)])).toContain(
      'record size: nobody knew, so it is priced at a typical 1 KB (agreed by <@U0ALICE>)',
    );
  });

  it('says clearly when neither or both of a number and its rough answer are given', async () => {
    harness = await startHarness();
    const alice = harness.person('U0ALICE');
    await journey.startDecision(harness.slack, alice, CHANNEL, 'Event bus');
    await journey.submitStep(harness.slack, alice, WEB_APP_SHOP_ON_AWS, 0);
    const values = stepValues(WORKLOAD, WEB_APP_SHOP_ON_AWS);
    const result = await alice.submitView({
      values: { ...values, avg_write_mbps: null, peak_write_mbps: '10', peak_write_mbps_rough: 'peak_1_10' },
    });
    expect(result.outcome).toBe('errors');
    expect(result.errors).toEqual({
      avg_write_mbps: 'Type a number, or pick a rough range or “Don’t know” below',
      peak_write_mbps_rough: 'Either type a number or pick one here, not both',
    });
  });
});

describe('editing one step after finishing', () => {
  it('opens the step alone from the summary, changes nothing until it is saved, then republishes once', async () => {
    harness = await startHarness();
    const alice = harness.person('U0ALICE');
    const first = await finish(alice, WEB_APP_SHOP_ON_AWS);
    await harness.slack.workspace.waitFor(() => (decisionUpdates() > 0 ? true : undefined));
    const before = visibleText(first.blocks);
    expect(before).toContain('Verdict: Amazon Kinesis');

    // The modal she ends on: her verdict, her answers and one Edit per step, Done to close.
    const summary = openView(alice);
    expect(summary.close?.text).toBe('Done');
    expect(visibleText([blockById(summary.blocks, BLOCK_IDS.summaryHeading)])).toBe('Edit my answers');

    await alice.clickButton({
      actionId: ACTION_IDS.questionnaireEditStep,
      blockId: BLOCK_IDS.summaryStep('workload'),
    });
    await harness.slack.workspace.waitFor(() =>
      journey.stepShown(harness.slack, alice).includes('Editing step 2 of') ? true : undefined,
    );
    expect(openView(alice).submit?.text).toBe('Save this step');
    const updatesBefore = decisionUpdates();
    const thread = harness.slack.workspace.repliesTo(CHANNEL, first.ts).length;

    // An edit in progress changes nothing: typed but not saved, the stored answers and the message stay.
    const changed = stepValues(WORKLOAD, { ...WEB_APP_SHOP_ON_AWS, retention_days: 'days_over_365' });
    alice.enterValues({ values: changed });
    const ref = { teamId: harness.slack.workspace.teamId, decisionId: journey.decisionIdOf(first) };
    expect((await harness.app.store.getAnswerSet(ref, 'U0ALICE'))?.steps.workload?.retention_days).toBe(
      WEB_APP_SHOP_ON_AWS.retention_days,
    );
    expect(visibleText(decisionMessage().blocks)).toBe(before);

    const saved = await alice.submitView({ values: changed });
    expect(saved.outcome).toBe('updated');
    // Back to the summary, showing the new answer.
    expect(visibleText([blockById(openView(alice).blocks, BLOCK_IDS.summaryStep('workload'))])).toContain(
      'days kept = more than 365 days',
    );
    const after = await harness.slack.workspace.waitFor(() =>
      visibleText(decisionMessage().blocks).includes('Kinesis keeps them for at most 365') ||
      !visibleText(decisionMessage().blocks).includes('Verdict: Amazon Kinesis')
        ? decisionMessage()
        : undefined,
    );
    expect(visibleText(after.blocks)).not.toContain('Verdict: Amazon Kinesis');
    await harness.slack.workspace.waitFor(() =>
      harness.slack.workspace.repliesTo(CHANNEL, first.ts).length > thread ? true : undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(decisionUpdates()).toBe(updatesBefore + 1);
    expect(harness.slack.workspace.repliesTo(CHANNEL, first.ts).at(-1)?.text).toContain('changed');
  });

  it('shows the summary again from the decision message, and Back to my verdict leaves answers as they were', async () => {
    harness = await startHarness();
    const alice = harness.person('U0ALICE');
    const message = await finish(alice, WEB_APP_SHOP_ON_AWS);
    await alice.closeView();
    await alice.clickButton({
      actionId: ACTION_IDS.answerQuestionnaire,
      message: { channel: CHANNEL, ts: message.ts },
    });
    const summary = await harness.slack.workspace.waitFor(() => {
      const open = harness.slack.workspace.openViewFor(alice.userId);
      return open && blockById(open.view.blocks, BLOCK_IDS.summaryHeading) ? open.view : undefined;
    });
    expect(visibleText(summary.blocks)).toContain('Your answers point to Amazon Kinesis');

    await alice.clickButton({
      actionId: ACTION_IDS.questionnaireEditStep,
      blockId: BLOCK_IDS.summaryStep('team_profile'),
    });
    await harness.slack.workspace.waitFor(() =>
      journey.stepShown(harness.slack, alice).includes('Editing step 1 of') ? true : undefined,
    );
    const updates = decisionUpdates();
    await alice.clickButton({ actionId: ACTION_IDS.questionnaireSummary });
    await harness.slack.workspace.waitFor(() =>
      blockById(openView(alice).blocks, BLOCK_IDS.summaryHeading) ? true : undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(decisionUpdates()).toBe(updates);
  });
});
