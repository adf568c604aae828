import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PRICING } from '../../src/domain/pricing.js';
import { ALL_QUESTIONS, STEPS } from '../../src/domain/questions.js';
import type { Answers } from '../../src/domain/types.js';
import type { SlackActor } from '../../src/emulator/index.js';
import { ACTION_IDS, BLOCK_IDS, VERDICT_BLOCK_IDS } from '../../src/slack/ids.js';
import { answersFor, STREAMING_IS_THE_PRODUCT, WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';
import { blockById, CHANNEL, type Harness, startHarness, stepValues, visibleText } from './harness.js';
import * as journey from './journey.js';

const LAST = STEPS.length - 1;
let harness: Harness;

afterEach(async () => {
  await harness?.close();
});

// The journey's helpers, bound to this file's harness and channel.
const decisionMessage = () => journey.decisionMessage(harness.slack, CHANNEL);
const startDecision = (person: SlackActor, title = 'Event bus for the billing rewrite') =>
  journey.startDecision(harness.slack, person, CHANNEL, title);
const stepShown = (person: SlackActor) => journey.stepShown(harness.slack, person);

function openModal(person: SlackActor) {
  const open = harness.slack.workspace.openViewFor(person.userId);
  if (!open) throw new Error(`${person.userId} has no modal open`);
  return open;
}

async function answerSteps(person: SlackActor, answers: Answers, from: number, to: number) {
  for (let step = from; step <= to; step++) await journey.submitStep(harness.slack, person, answers, step);
}

describe('one person, from slash command to verdict', () => {
  it('opens the questionnaire, posts the decision message, and updates it with the verdict when they finish', async () => {
    harness = await startHarness();
    const alice = harness.person('U0ALICE');
    await startDecision(alice);

    const posted = decisionMessage();
    expect(visibleText(posted.blocks)).toContain('Event bus for the billing rewrite');
    expect(visibleText(posted.blocks)).toContain('<@U0ALICE>');
    const button = blockById<{ elements: { action_id: string; text: { text: string } }[] }>(
      posted.blocks,
      BLOCK_IDS.decisionActions,
    );
    expect(button?.elements[0]).toMatchObject({
      action_id: ACTION_IDS.answerQuestionnaire,
      text: { text: 'Answer or edit my answers' },
    });

    const modal = openModal(alice).view;
    expect(modal.submit?.text).toBe('Next');
    expect(stepShown(alice)).toContain(`Step 1 of ${STEPS.length}`);

    await answerSteps(alice, WEB_APP_SHOP_ON_AWS, 0, LAST - 1);
    expect(openModal(alice).view.submit?.text).toBe('See my verdict');
    const last = await alice.submitView({ values: stepValues(LAST, WEB_APP_SHOP_ON_AWS) });
    expect(last.outcome).toBe('updated');
    expect(visibleText(openModal(alice).view.blocks)).toContain('Amazon Kinesis');

    const verdict = await harness.slack.workspace.waitFor(
      () => (decisionMessage().editCount > 0 ? decisionMessage() : undefined),
      { what: 'the verdict in the decision message' },
    );
    expect(verdict.ts).toBe(posted.ts);
    expect(visibleText([blockById(verdict.blocks, BLOCK_IDS.verdictSummary)])).toContain(
      'Verdict: Amazon Kinesis',
    );
    const details = await journey.openDetails(harness.slack, alice);
    for (const category of ['performance', 'setup', 'ops_people', 'ops_machines', 'incident_risk']) {
      expect(blockById(details, BLOCK_IDS.verdictRow(category)), category).toBeDefined();
    }
    expect(visibleText([blockById(details, BLOCK_IDS.verdictRow('setup'))])).toMatch(/Kinesis · decisive/);
    expect(visibleText([blockById(verdict.blocks, VERDICT_BLOCK_IDS.flip)])).toBe(
      '*What would flip it:* nothing the team could change or find out, in one or two answers, would change this verdict.',
    );
    expect(visibleText([blockById(verdict.blocks, VERDICT_BLOCK_IDS.cost)])).toContain(
      '*A month, machines and people:* *Kinesis $1,400* (8 shards, 2 readers polling)',
    );
    const cost = visibleText([blockById(details, VERDICT_BLOCK_IDS.cost)]);
    expect(cost).toContain('*Monthly cost estimate* (machines at list prices as of 1 Dec 2026');
    expect(cost).toContain(
      '• Kinesis, on-demand (one stream, 2 readers polling): machines $885 + people $667 (0.04 engineers) = *$1,552 a month*',
    );
    expect(harness.slack.workspace.messagesIn(CHANNEL)).toHaveLength(1);

    const thread = await harness.slack.workspace.waitFor(
      () => harness.slack.workspace.repliesTo(CHANNEL, posted.ts)[0],
    );
    expect(thread.text).toContain('<@U0ALICE> finished the questionnaire');
    expect(thread.text).toContain('Amazon Kinesis');
  });

  it('tells a person who answered mostly “Don’t know” what the channel will call them: not sure', async () => {
    harness = await startHarness();
    const carol = harness.person('U0CAROL');
    await startDecision(carol);
    const unsure = answersFor(
      Object.fromEntries(
        ALL_QUESTIONS.flatMap((question) =>
          question.kind !== 'number' && question.options.some((option) => option.id === 'dont_know')
            ? [[question.id, 'dont_know']]
            : [],
        ),
      ),
    );
    await answerSteps(carol, unsure, 0, LAST);
    expect(visibleText(openModal(carol).view.blocks)).toContain(
      'the team verdict’s *Who picks what* line counts you as not sure',
    );
  });

  it('shows a validation error under the field and saves nothing from that step', async () => {
    harness = await startHarness();
    const alice = harness.person('U0ALICE');
    await startDecision(alice);
    await answerSteps(alice, WEB_APP_SHOP_ON_AWS, 0, 0);

    const workload = STEPS[1];
    const peak = workload?.questions.find((q) => q.id === 'peak_write_mbps');
    expect(peak).toBeDefined();
    const result = await alice.submitView({
      values: { ...stepValues(1, WEB_APP_SHOP_ON_AWS), avg_write_mbps: '50', peak_write_mbps: '5' },
    });
    expect(result.outcome).toBe('errors');
    expect(result.errors?.peak_write_mbps).toMatch(/peak/i);
    expect(stepShown(alice)).toContain(`Step 2 of ${STEPS.length}`);
    expect(openModal(alice).errors.peak_write_mbps).toBe(result.errors?.peak_write_mbps);

    const stored = await harness.app.store.listAnswerSets({
      teamId: 'T0001',
      decisionId: journey.decisionIdOf(decisionMessage()),
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.steps.workload).toBeUndefined();
    expect(stored[0]?.progress.currentStep).toBe(1);
  });

  it('goes Back with what was entered kept, and forward again', async () => {
    harness = await startHarness();
    const alice = harness.person('U0ALICE');
    await startDecision(alice);
    await answerSteps(alice, WEB_APP_SHOP_ON_AWS, 0, 1);
    expect(stepShown(alice)).toContain('Step 3 of');

    await alice.clickButton({ actionId: ACTION_IDS.questionnaireBack });
    await harness.slack.workspace.waitFor(() => (stepShown(alice).includes('Step 2 of') ? true : undefined));
    const workload = openModal(alice).view;
    expect(visibleText(workload.blocks)).toContain('Step 2 of');
    const avg = blockById<{ element: { initial_value?: string } }>(workload.blocks, 'avg_write_mbps');
    expect(avg?.element.initial_value).toBe(String(WEB_APP_SHOP_ON_AWS.avg_write_mbps));

    const next = await alice.submitView();
    expect(next.outcome).toBe('updated');
    expect(stepShown(alice)).toContain('Step 3 of');
  });
});

describe('a second person', () => {
  it('answers through the decision message button and the verdict counts both', async () => {
    harness = await startHarness();
    const alice = harness.person('U0ALICE');
    const bob = harness.person('U0BOB');
    await startDecision(alice);
    await answerSteps(alice, WEB_APP_SHOP_ON_AWS, 0, LAST);

    const message = decisionMessage();
    await bob.clickButton({
      actionId: ACTION_IDS.answerQuestionnaire,
      message: { channel: CHANNEL, ts: message.ts },
    });
    await harness.slack.workspace.waitFor(() => harness.slack.workspace.openViewFor('U0BOB'), {
      what: "Bob's modal",
    });
    expect(stepShown(bob)).toContain(`Step 1 of ${STEPS.length}`);
    expect(visibleText(openModal(bob).view.blocks)).toContain('Event bus for the billing rewrite');
    await answerSteps(bob, STREAMING_IS_THE_PRODUCT, 0, LAST);

    const updated = await harness.slack.workspace.waitFor(() =>
      visibleText(decisionMessage().blocks).includes('2 finished answer sets')
        ? decisionMessage()
        : undefined,
    );
    expect(updated.ts).toBe(message.ts);
    const details = await journey.openDetails(harness.slack, bob);
    expect(visibleText([blockById(details, BLOCK_IDS.verdictRow('setup'))])).toMatch(
      /Person by person: Kinesis 2/,
    );
    const notes = await harness.slack.workspace.waitFor(() => {
      const replies = harness.slack.workspace.repliesTo(CHANNEL, message.ts);
      return replies.length === 2 ? replies : undefined;
    });
    expect(notes.map((note) => note.text)).toEqual([
      expect.stringContaining('<@U0ALICE> finished'),
      expect.stringContaining('<@U0BOB> finished'),
    ]);
  });
});

describe('nothing is lost across a restart', () => {
  it('the person finishes after the app restarted between two steps, with every answer kept', async () => {
    harness = await startHarness();
    const alice = harness.person('U0ALICE');
    await startDecision(alice);
    await answerSteps(alice, WEB_APP_SHOP_ON_AWS, 0, 2);

    await harness.restart();

    // The modal Slack still shows keeps working against the new process…
    await answerSteps(alice, WEB_APP_SHOP_ON_AWS, 3, 3);
    // …and closing it, then coming back from the message, resumes where she was, pre-filled.
    await alice.closeView();
    await harness.restart();
    await alice.clickButton({
      actionId: ACTION_IDS.answerQuestionnaire,
      message: { channel: CHANNEL, ts: decisionMessage().ts },
    });
    await harness.slack.workspace.waitFor(() => harness.slack.workspace.openViewFor('U0ALICE'));
    expect(stepShown(alice)).toContain(`Step 5 of ${STEPS.length}`);
    await answerSteps(alice, WEB_APP_SHOP_ON_AWS, 4, LAST);

    const stored = await harness.app.store.getAnswerSet(
      { teamId: 'T0001', decisionId: journey.decisionIdOf(decisionMessage()) },
      'U0ALICE',
    );
    expect(Object.keys(stored?.steps ?? {}).sort()).toEqual(STEPS.map((step) => step.id).sort());
    expect(stored?.progress.finishedAt).toBeDefined();
    const verdict = await harness.slack.workspace.waitFor(() =>
      decisionMessage().editCount > 0 ? decisionMessage() : undefined,
    );
    expect(visibleText(verdict.blocks)).toContain('Verdict: Amazon Kinesis');
  });
});

describe('the app as Slack sees it', () => {
  it('answers every slash command declared in manifest.json', async () => {
    harness = await startHarness();
    const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../manifest.json'), 'utf8'));
    const commands: string[] = manifest.features.slash_commands.map((c: { command: string }) => c.command);
    expect(commands.length).toBeGreaterThan(0);
    for (const [index, command] of commands.entries()) {
      const person = harness.person(`U0P${index}`);
      const reply = await person.runSlashCommand({ channel: CHANNEL, command });
      expect(reply.status, command).toBe(200);
      await harness.slack.workspace.waitFor(() => harness.slack.workspace.openViewFor(person.userId), {
        what: `${command}'s modal`,
      });
    }
  });

  it('serves /healthz with the store’s health, durable as the test Redis says (no AOF, no snapshots)', async () => {
    harness = await startHarness();
    const response = await fetch(`http://127.0.0.1:${harness.app.port}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      store: { kind: 'redis', status: 'ok', durable: false, redis: { appendonly: false, save: '' } },
    });
  });

  it('refuses a request with a bad signature and does nothing', async () => {
    harness = await startHarness();
    const response = await fetch(harness.eventsUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-signature': 'v0=0000',
        'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
      },
      body: 'command=%2Fstream-verdict&team_id=T0001&user_id=U0EVE&channel_id=C0GENERAL&trigger_id=1.2.3',
    });
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(harness.slack.calls().map((call) => call.method)).not.toContain('views.open');
    expect(harness.slack.workspace.messagesIn(CHANNEL)).toEqual([]);
  });
});

describe('the cost estimate as the operator configured it', () => {
  it('prices people at the configured engineer cost and shows the price file’s date', async () => {
    harness = await startHarness({
      costs: { pricing: { ...DEFAULT_PRICING, asOf: '2027-01-15' }, engineerYearlyUsd: 120_000 },
    });
    const alice = harness.person('U0ALICE');
    await startDecision(alice);
    await answerSteps(alice, WEB_APP_SHOP_ON_AWS, 0, LAST);
    await harness.slack.workspace.waitFor(
      () => (decisionMessage().editCount > 0 ? decisionMessage() : undefined),
      { what: 'the verdict in the decision message' },
    );
    const details = await journey.openDetails(harness.slack, alice);
    const cost = visibleText([blockById(details, VERDICT_BLOCK_IDS.cost)]);
    expect(cost).toContain('as of 15 Jan 2027');
    // 0.04 of an engineer at $120,000 a year is $400 a month.
    expect(cost).toContain('people $400 (0.04 engineers)');
    expect(visibleText([blockById(details, VERDICT_BLOCK_IDS.costNotes)])).toContain(
      'People at $120,000 a year per engineer',
    );
  });
});
