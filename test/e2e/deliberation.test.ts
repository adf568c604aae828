import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { STEPS } from '../../src/domain/questions.js';
import type { Answers } from '../../src/domain/types.js';
import { checkMessageBlocks, type SlackActor } from '../../src/emulator/index.js';
import { ACTION_IDS, BLOCK_IDS, VERDICT_BLOCK_IDS } from '../../src/slack/ids.js';
import { AWS_SHOP_WANTING_KAFKA, STREAMING_IS_THE_PRODUCT, WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';
import { randomAnswers, seededRandom } from '../domain/random-answers.js';
import {
  blockById,
  CHANNEL,
  type Harness,
  SIGNING_SECRET,
  startHarness,
  stepValues,
  visibleText,
} from './harness.js';
import {
  decisionIdOf,
  decisionMessage,
  LAST_STEP,
  openDetails,
  startDecision,
  submitStep,
} from './journey.js';

/**
 * Team deliberation end to end: many respondents, the split and the argument, blind mode, closing and the
 * decision record, deadlines on an injected clock, concurrency, size, the export and the Home tab.
 */

let harness: Harness;

afterEach(async () => {
  await harness?.close();
});

const message = () => decisionMessage(harness.slack, CHANNEL);
const messageText = () => visibleText(message().blocks);
const thread = () => harness.slack.workspace.repliesTo(CHANNEL, message().ts);

async function answerAll(person: SlackActor, answers: Answers) {
  for (let step = 0; step <= LAST_STEP; step++) await submitStep(harness.slack, person, answers, step);
}

/** Clicks the decision message's answer button and answers every step. */
async function joinAndAnswer(person: SlackActor, answers: Answers) {
  await clickOnMessage(person, ACTION_IDS.answerQuestionnaire);
  await harness.slack.workspace.waitFor(() => harness.slack.workspace.openViewFor(person.userId), {
    what: `${person.userId}'s questionnaire`,
  });
  await answerAll(person, answers);
}

async function clickOnMessage(person: SlackActor, actionId: string) {
  const reply = await person.clickButton({ actionId, message: { channel: CHANNEL, ts: message().ts } });
  expect(reply.problems).toEqual([]);
}

function waitForText(text: string, timeoutMs = 5_000) {
  return harness.slack.workspace.waitFor(() => messageText().includes(text) && message(), {
    what: `the decision message to say “${text}”`,
    timeoutMs,
  });
}

function waitForReply(pattern: RegExp, timeoutMs = 5_000) {
  return harness.slack.workspace.waitFor(() => thread().find((reply) => pattern.test(reply.text)), {
    what: `a thread reply matching ${pattern}`,
    timeoutMs,
  });
}

function ephemeralFor(userId: string, pattern: RegExp) {
  return harness.slack.workspace.waitFor(
    () => harness.slack.workspace.ephemeralFor(userId, CHANNEL).find((note) => pattern.test(note.text)),
    { what: `an ephemeral message for ${userId} matching ${pattern}` },
  );
}

describe('many respondents', () => {
  it('shows three respondents’ split per category and the opposing reasons where they disagree most', async () => {
    harness = await startHarness();
    const [alice, bob, carol] = ['U0ALICE', 'U0BOB', 'U0CAROL'].map((id) => harness.person(id)) as [
      SlackActor,
      SlackActor,
      SlackActor,
    ];
    await startDecision(harness.slack, alice, CHANNEL, 'Event bus for the billing rewrite');
    await answerAll(alice, WEB_APP_SHOP_ON_AWS);
    await joinAndAnswer(bob, STREAMING_IS_THE_PRODUCT);
    await joinAndAnswer(carol, AWS_SHOP_WANTING_KAFKA);

    const updated = await waitForText('3 finished answer sets');
    const details = await openDetails(harness.slack, alice);
    const splits = ['performance', 'setup', 'ops_people', 'ops_machines', 'incident_risk'].map((category) =>
      visibleText([blockById(details, BLOCK_IDS.verdictRow(category))]),
    );
    for (const split of splits) {
      const counts = [...(split.match(/Person by person: (.*)$/m)?.[1] ?? '').matchAll(/\d+/g)].map((found) =>
        Number(found[0]),
      );
      expect(
        counts.reduce((sum, count) => sum + count, 0),
        split,
      ).toBe(3);
    }
    expect(visibleText([blockById(updated.blocks, BLOCK_IDS.verdictTeam)])).toContain('Argue about these');
    const argued = (details ?? []).filter((block) =>
      String((block as { block_id?: string }).block_id).startsWith('verdict_argue_'),
    ) as { fields?: { text: string }[] }[];
    expect(argued.length).toBeGreaterThan(0);
    expect(argued.length).toBeLessThanOrEqual(3);
    // Two camps side by side, each with the reason its answers give.
    for (const block of argued) {
      expect(block.fields).toHaveLength(2);
      expect(block.fields?.[0]?.text).not.toBe(block.fields?.[1]?.text);
    }
    expect(checkMessageBlocks(updated.blocks ?? [])).toEqual([]);
    expect(harness.slack.workspace.messagesIn(CHANNEL)).toHaveLength(1);
  });

  it('shows someone who already answered their summary, edits each step pre-filled, and keeps one answer set per person', async () => {
    harness = await startHarness();
    const alice = harness.person('U0ALICE');
    const posted = await startDecision(harness.slack, alice, CHANNEL, 'Editing');
    await answerAll(alice, WEB_APP_SHOP_ON_AWS);
    await waitForReply(/<@U0ALICE> finished the questionnaire/);
    await harness.slack.workspace.waitFor(() => message().editCount > 0);
    expect(visibleText([blockById(message().blocks, BLOCK_IDS.decisionActions)])).toContain(
      'Answer or edit my answers',
    );

    await alice.closeView();
    await clickOnMessage(alice, ACTION_IDS.answerQuestionnaire);
    await harness.slack.workspace.waitFor(
      () => {
        const open = harness.slack.workspace.openViewFor('U0ALICE');
        return open && blockById(open.view.blocks, BLOCK_IDS.summaryHeading) && open;
      },
      { what: 'the summary of her answers' },
    );
    for (const [index, step] of STEPS.entries()) {
      await alice.clickButton({
        actionId: ACTION_IDS.questionnaireEditStep,
        blockId: BLOCK_IDS.summaryStep(step.id),
      });
      const editing = await harness.slack.workspace.waitFor(
        () => {
          const open = harness.slack.workspace.openViewFor('U0ALICE');
          return open && visibleText(open.view.blocks).includes(`Editing step ${index + 1} of`) && open;
        },
        { what: `step ${index + 1} opened alone` },
      );
      if (index === 0) {
        // Her earlier answer is selected already.
        const size = blockById<{ element: { initial_option?: { value: string } } }>(
          editing.view.blocks,
          'company_size',
        );
        expect(size?.element.initial_option?.value).toBe('eng_1_10');
      }
      const saved = await alice.submitView({ values: stepValues(index, STREAMING_IS_THE_PRODUCT) });
      expect(saved.errors ?? {}).toEqual({});
      expect(
        blockById(harness.slack.workspace.openViewFor('U0ALICE')?.view.blocks, BLOCK_IDS.summaryHeading),
      ).toBeDefined();
    }
    await waitForReply(/<@U0ALICE> changed their answers/);
    await waitForText('Verdict: Self-managed Kafka');
    expect(messageText()).toContain('1 finished answer set');
    const ref = { teamId: harness.slack.workspace.teamId, decisionId: decisionIdOf(posted) };
    expect((await harness.app.store.listAnswerSets(ref)).map((set) => set.userId)).toEqual(['U0ALICE']);
  });
});

describe('blind mode, closing and the decision record', () => {
  it('hides the verdict until the decision closes, then reveals it and records the decision in the thread', async () => {
    harness = await startHarness();
    const alice = harness.person('U0ALICE');
    const bob = harness.person('U0BOB');
    await startDecision(harness.slack, alice, CHANNEL, '--blind Event bus, blind');
    expect(visibleText([blockById(message().blocks, BLOCK_IDS.decisionHeader)])).toBe('Event bus, blind');
    expect(messageText()).toContain('blind: results hidden until it closes');
    await answerAll(alice, WEB_APP_SHOP_ON_AWS);
    await joinAndAnswer(bob, STREAMING_IS_THE_PRODUCT);

    const hidden = await harness.slack.workspace.waitFor(
      () => messageText().includes('2 people have finished') && message(),
      { what: 'the blind count of two' },
    );
    expect(blockById(hidden.blocks, BLOCK_IDS.verdictBlind)).toBeDefined();
    expect(visibleText(hidden.blocks)).not.toMatch(/Verdict:|Team:|Argue about/);
    const notes = thread().map((note) => note.text);
    expect(notes.join('\n')).not.toMatch(/Verdict now/);

    await clickOnMessage(alice, ACTION_IDS.closeDecision);
    const revealed = await waitForText('Verdict:');
    expect(visibleText(revealed.blocks)).toMatch(/Who picks what:/);
    expect(visibleText(revealed.blocks)).toMatch(/Closed\* by <@U0ALICE> <!date\^\d+\^/);
    expect(visibleText([blockById(revealed.blocks, BLOCK_IDS.decisionActions)])).toBe('Reopen\nDetails');
    const record = await waitForReply(/^Decision record: Event bus, blind/);
    const recordText = visibleText(record.blocks);
    for (const part of [
      'Context and problem statement',
      'Decision drivers',
      'Considered options',
      'Decision outcome',
      'Amazon MSK',
      'Participants',
      '<@U0BOB>',
    ]) {
      expect(recordText).toContain(part);
    }
    expect(recordText).toMatch(/:white_check_mark: .+\n|:x: /);

    // Closed: the button that is left is Reopen, and a stale modal's submission is refused kindly.
    await clickOnMessage(alice, ACTION_IDS.reopenDecision);
    await waitForReply(/<@U0ALICE> reopened the decision/);
    await waitForText('Answer or edit my answers');
  });

  it('refuses to close for someone who did not start it, and lets a workspace admin close it', async () => {
    harness = await startHarness();
    const alice = harness.person('U0ALICE');
    const bob = harness.person('U0BOB');
    const carol = harness.person('U0CAROL');
    const posted = await startDecision(harness.slack, alice, CHANNEL, 'Only the creator closes');
    await answerAll(alice, WEB_APP_SHOP_ON_AWS);

    await clickOnMessage(bob, ACTION_IDS.closeDecision);
    const refusal = await ephemeralFor('U0BOB', /Only <@U0ALICE>/);
    expect(refusal.text).toContain('workspace admin');
    const ref = { teamId: harness.slack.workspace.teamId, decisionId: decisionIdOf(posted) };
    expect((await harness.app.store.getDecision(ref))?.closed).toBeUndefined();
    expect(thread().some((note) => note.text.startsWith('Decision record'))).toBe(false);

    harness.slack.workspace.updateUser('U0CAROL', { isAdmin: true });
    // Slack cannot say whether Carol is an admin: she is told so (not refused as if she were not), and it is logged.
    harness.slack.server.failNext('users.info', 'internal_error');
    await clickOnMessage(carol, ACTION_IDS.closeDecision);
    await ephemeralFor('U0CAROL', /couldn’t check with Slack whether you are a workspace admin/);
    expect(harness.logs.filter((line) => line.startsWith('WARN Could not ask Slack whether'))).toHaveLength(
      1,
    );
    expect((await harness.app.store.getDecision(ref))?.closed).toBeUndefined();

    await clickOnMessage(carol, ACTION_IDS.closeDecision);
    await waitForReply(/^Decision record: Only the creator closes/);
    expect((await harness.app.store.getDecision(ref))?.closed?.by).toBe('U0CAROL');
    expect(harness.slack.calls('users.info').map((call) => call.args.user)).toEqual([
      'U0BOB',
      'U0CAROL',
      'U0CAROL',
    ]);

    // Closed means closed: the questionnaire says so instead of taking answers.
    await clickOnMessage(bob, ACTION_IDS.reopenDecision);
    await ephemeralFor('U0BOB', /Only <@U0ALICE>.*reopen/);
  });
});

describe('deadlines', () => {
  it('reminds the thread the day before who has not finished, and closes itself at the deadline, once, across a restart', async () => {
    let now = new Date('2026-11-24T10:00:00Z');
    harness = await startHarness({ now: () => now, schedulerIntervalMs: 3_600_000 });
    const alice = harness.person('U0ALICE');
    const bob = harness.person('U0BOB');
    await startDecision(harness.slack, alice, CHANNEL, '--by 2026-11-27 Decide by Friday');
    expect(messageText()).toContain('(the end of 27 Nov 2026, UTC)');
    await answerAll(alice, WEB_APP_SHOP_ON_AWS);
    await clickOnMessage(bob, ACTION_IDS.answerQuestionnaire);
    await harness.slack.workspace.waitFor(() => harness.slack.workspace.openViewFor('U0BOB'));
    await submitStep(harness.slack, bob, STREAMING_IS_THE_PRODUCT, 0);

    expect(await harness.app.scheduler.tick()).toBe(0);
    // The due-list is in Redis: a deploy in between loses nothing.
    await harness.restart();
    now = new Date('2026-11-27T00:00:30Z');
    expect(await harness.app.scheduler.tick()).toBe(1);
    const reminder = await waitForReply(/Reminder/);
    expect(reminder.text).toContain('<@U0BOB>');
    expect(reminder.text).not.toContain('<@U0ALICE>');
    expect(await harness.app.scheduler.tick()).toBe(0);

    now = new Date('2026-11-28T00:00:01Z');
    // Two ticks at once on one instance share one run, which closes the decision once (across instances
    // the due-list's claim does that: test/e2e/scale-out.test.ts).
    const ticks = await Promise.all([harness.app.scheduler.tick(), harness.app.scheduler.tick()]);
    expect(ticks).toEqual([1, 1]);
    await waitForReply(/^Decision record: Decide by Friday/);
    await waitForText('at its deadline');
    expect(await harness.app.scheduler.tick()).toBe(0);
    expect(thread().filter((note) => /Reminder/.test(note.text))).toHaveLength(1);
    expect(thread().filter((note) => /^Decision record/.test(note.text))).toHaveLength(1);
  });

  it('closes a `--by` day at 23:59:59 in the time zone of the person who set it, and says which zone', async () => {
    let now = new Date('2026-11-24T10:00:00Z');
    harness = await startHarness({ now: () => now, schedulerIntervalMs: 3_600_000 });
    harness.slack.workspace.updateUser('U0ALICE', { tz: 'America/Los_Angeles' });
    const alice = harness.person('U0ALICE');
    await startDecision(harness.slack, alice, CHANNEL, '--by 2026-11-27 Pacific Friday');
    // 23:59:59 on Friday 27 November in Los Angeles (UTC−8) is 07:59:59 on the 28th in UTC.
    const endOfFriday = Date.parse('2026-11-28T07:59:59Z') / 1000;
    expect(messageText()).toContain(
      `Decide by <!date^${endOfFriday}^{date_short_pretty} at {time}|28 Nov 2026, 07:59 UTC> ` +
        '(the end of 27 Nov 2026, America/Los_Angeles)',
    );
    await answerAll(alice, WEB_APP_SHOP_ON_AWS);

    now = new Date('2026-11-28T07:59:00Z');
    expect(await harness.app.scheduler.tick()).toBe(1);
    const reminder = await waitForReply(/Reminder/);
    expect(reminder.text).toContain(`closes <!date^${endOfFriday}^`);
    expect(reminder.text).toContain('America/Los_Angeles');
    expect(messageText()).not.toContain('Closed');
    expect(await harness.app.scheduler.tick()).toBe(0);

    now = new Date('2026-11-28T08:00:00Z');
    expect(await harness.app.scheduler.tick()).toBe(1);
    await waitForReply(/^Decision record: Pacific Friday/);
    await waitForText('at its deadline');
  });

  it('reads the `--by` day in UTC when Slack does not say where the person lives, and says so', async () => {
    harness = await startHarness({ now: () => new Date('2026-11-24T10:00:00Z') });
    const alice = harness.person('U0ALICE');
    harness.slack.server.failNext('users.info', 'user_not_found');
    await startDecision(harness.slack, alice, CHANNEL, '--by 2026-11-27 Somewhere');
    expect(messageText()).toContain(
      '(the end of 27 Nov 2026, UTC, as Slack did not tell me <@U0ALICE>’s time zone)',
    );
    expect(harness.logs.join('\n')).toMatch(/users\.info failed for U0ALICE \(user_not_found\)/);
  });

  it('closes a decision at its deadline in OAuth mode, with the token of the workspace that installed the app', async () => {
    let now = new Date('2026-11-24T10:00:00Z');
    const oauthMode = (config: Config): Config => ({
      ...config,
      slack: {
        signingSecret: SIGNING_SECRET,
        apiUrl: config.slack.apiUrl,
        oauth: {
          clientId: '1234567890.0987654321',
          clientSecret: 'oauth-client-secret-for-tests',
          stateSecret: 'state-secret-of-16-chars-or-more',
        },
      },
    });
    harness = await startHarness({ configure: oauthMode, now: () => now, schedulerIntervalMs: 3_600_000 });
    const base = `http://127.0.0.1:${harness.app.port}`;
    const start = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const installed = await fetch(
      `${base}/slack/oauth_redirect?code=code&state=${encodeURIComponent(state)}`,
      {
        headers: { cookie: (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '' },
        redirect: 'manual',
      },
    );
    expect(installed.status).toBeLessThan(400);

    const alice = harness.person('U0ALICE');
    await startDecision(harness.slack, alice, CHANNEL, '--by 2026-11-25 Installed and due');
    await answerAll(alice, WEB_APP_SHOP_ON_AWS);
    // Nothing polled for two days: the reminder and the close come due together, and only the close is posted.
    now = new Date('2026-11-26T00:00:01Z');
    expect(await harness.app.scheduler.tick()).toBe(2);
    await waitForReply(/^Decision record: Installed and due/);
    expect(thread().filter((note) => /Reminder/.test(note.text))).toEqual([]);
  });

  it('explains a deadline it cannot use instead of starting the decision', async () => {
    harness = await startHarness({ now: () => new Date('2026-11-24T10:00:00Z') });
    const alice = harness.person('U0ALICE');
    await alice.runSlashCommand({
      channel: CHANNEL,
      command: '/stream-verdict',
      text: '--by 2026-02-30 Oops',
    });
    await ephemeralFor('U0ALICE', /not a date in the calendar/);
    await alice.runSlashCommand({
      channel: CHANNEL,
      command: '/stream-verdict',
      text: '--by 2026-11-01 Late',
    });
    await ephemeralFor('U0ALICE', /already passed/);
    // Answers are kept 90 days here, so a deadline beyond that could find the decision gone.
    await alice.runSlashCommand({
      channel: CHANNEL,
      command: '/stream-verdict',
      text: '--by 2027-03-01 Too far',
    });
    await ephemeralFor('U0ALICE', /more than 90 days away, longer than answers are kept here/);
    expect(harness.slack.workspace.messagesIn(CHANNEL)).toHaveLength(0);
  });
});

describe('at scale', () => {
  it('counts all 25 people who submit their last step at the same moment', async () => {
    harness = await startHarness();
    const alice = harness.person('U0ALICE');
    await startDecision(harness.slack, alice, CHANNEL, 'Twenty-five at once');
    await harness.slack.workspace.closeModals('U0ALICE', { all: true });
    const people = Array.from({ length: 25 }, (_, index) =>
      harness.person(`U0P${String(index).padStart(2, '0')}`),
    );
    for (const person of people) {
      await clickOnMessage(person, ACTION_IDS.answerQuestionnaire);
      await harness.slack.workspace.waitFor(() => harness.slack.workspace.openViewFor(person.userId));
      for (let step = 0; step < LAST_STEP; step++) {
        await submitStep(
          harness.slack,
          person,
          step % 2 ? WEB_APP_SHOP_ON_AWS : STREAMING_IS_THE_PRODUCT,
          step,
        );
      }
    }
    // A slow Slack keeps several publishes in flight at once.
    for (let slow = 0; slow < 5; slow++) harness.slack.server.delayNext('chat.update', 150);
    const results = await Promise.all(
      people.map((person, index) =>
        person.submitView({
          values: stepValues(LAST_STEP, index % 3 ? WEB_APP_SHOP_ON_AWS : STREAMING_IS_THE_PRODUCT),
        }),
      ),
    );
    expect(results.map((result) => result.outcome)).toEqual(people.map(() => 'updated'));

    await waitForText('25 finished answer sets', 15_000);
    await harness.slack.workspace.waitFor(() => thread().length === 25, {
      what: '25 finish notes',
      timeoutMs: 15_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const updates = harness.slack.calls('chat.update');
    expect(JSON.stringify(updates.at(-1)?.args)).toContain('25 finished answer sets');
    expect(messageText()).toContain('25 finished answer sets');
  });

  it('stays within Slack’s limits with 300 respondents, summarising instead of listing them', async () => {
    harness = await startHarness();
    const alice = harness.person('U0ALICE');
    const posted = await startDecision(harness.slack, alice, CHANNEL, 'Three hundred');
    const ref = { teamId: harness.slack.workspace.teamId, decisionId: decisionIdOf(posted) };
    const random = seededRandom(300);
    const finishedAt = new Date().toISOString();
    await Promise.all(
      Array.from({ length: 299 }, async (_, index) => {
        const userId = `U1${String(index).padStart(4, '0')}`;
        const answers = randomAnswers(random);
        for (const [step, { id, questions }] of STEPS.entries()) {
          const stepAnswers = Object.fromEntries(
            questions.flatMap((question) =>
              question.id in answers ? [[question.id, answers[question.id]]] : [],
            ),
          ) as Answers;
          await harness.app.store.saveStep(
            ref,
            userId,
            { id, answers: stepAnswers },
            { currentStep: step, updatedAt: finishedAt, ...(step === LAST_STEP ? { finishedAt } : {}) },
            `seed-${userId}-${id}`,
          );
        }
      }),
    );
    await answerAll(alice, WEB_APP_SHOP_ON_AWS);
    const big = await waitForText('300 finished answer sets', 20_000);
    expect(big.blocks?.length).toBeLessThanOrEqual(50);
    expect(checkMessageBlocks(big.blocks ?? [])).toEqual([]);
    // A dozen named in the picks line and a few per fact to settle; the rest are counted.
    expect(visibleText(big.blocks).match(/<@U/g)?.length ?? 0).toBeLessThanOrEqual(30);
    expect(visibleText([blockById(big.blocks, VERDICT_BLOCK_IDS.picks)])).toContain('more');

    await clickOnMessage(alice, ACTION_IDS.closeDecision);
    const record = await waitForReply(/^Decision record: Three hundred/, 20_000);
    expect(checkMessageBlocks(record.blocks ?? [])).toEqual([]);
    expect(visibleText(record.blocks)).toMatch(/and 260 more/);
  }, 60_000);
});

describe('commands', () => {
  it('exports the latest decision’s record as a Markdown file, or shows it privately when the upload fails', async () => {
    harness = await startHarness();
    harness.slack.workspace.updateUser('U0ALICE', { displayName: 'Alice Liddell' });
    harness.slack.workspace.updateUser('U0BOB', { displayName: 'Bob Builder' });
    const alice = harness.person('U0ALICE');
    const bob = harness.person('U0BOB');
    await startDecision(harness.slack, alice, CHANNEL, 'Event bus for billing');
    await answerAll(alice, WEB_APP_SHOP_ON_AWS);
    await joinAndAnswer(bob, STREAMING_IS_THE_PRODUCT);
    await waitForText('2 finished answer sets');
    await clickOnMessage(alice, ACTION_IDS.closeDecision);
    await waitForReply(/^Decision record/);

    await bob.runSlashCommand({ channel: CHANNEL, command: '/stream-verdict', text: 'export' });
    const shared = await harness.slack.workspace.waitFor(
      () => harness.slack.workspace.messagesIn(CHANNEL).find((posted) => posted.files?.length),
      { what: 'the record shared as a file' },
    );
    expect(shared.text).toContain('exported by <@U0BOB>');
    const [file] = shared.files ?? [];
    expect(file?.name).toBe('decision-record-event-bus-for-billing.md');
    const markdown = harness.slack.workspace.file(file?.id ?? '')?.content ?? '';
    expect(markdown).toMatch(/^# Event bus for billing\n/);
    for (const heading of [
      '## Context and Problem Statement',
      '## Decision Drivers',
      '## Considered Options',
      '## Decision Outcome',
      '## Pros and Cons of the Options',
      '## Participants',
    ]) {
      expect(markdown).toContain(`\n${heading}\n`);
    }
    // Alice and Bob gave different workloads: the record keeps what was still disputed, by name.
    expect(markdown).toMatch(
      /\* Status: accepted, closed by Alice Liddell on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC; \d+ facts? (was|were) still disputed \(see Decision Outcome\)\n/,
    );
    expect(markdown).toMatch(
      /\n### Facts not settled when it closed\n\n\* [^\n]*(Alice Liddell|Bob Builder)/,
    );
    expect(markdown).toMatch(/Chosen option: (Amazon Kinesis|Self-managed Kafka|Amazon MSK)/);
    expect(markdown).toContain('* Good, because ');
    expect(markdown).toContain('* Bad, because ');
    expect(markdown).toContain('Started by Alice Liddell; closed by Alice Liddell.');
    expect(markdown).toMatch(/\* Alice Liddell\n\* Bob Builder\n/);
    expect(markdown).not.toContain('U0ALICE');
    expect(markdown).toContain('| Option | Design | Machines | People | Total a month |');

    harness.slack.server.failNext('files.getUploadURLExternal', 'not_allowed_token_type');
    await bob.runSlashCommand({ channel: CHANNEL, command: '/stream-verdict', text: 'export' });
    const privately = await ephemeralFor('U0BOB', /couldn’t upload the record/);
    expect(privately.text).toContain('## Decision Outcome');
  });

  it('lists every sub-command with an example', async () => {
    harness = await startHarness();
    const alice = harness.person('U0ALICE');
    const reply = await alice.runSlashCommand({ channel: CHANNEL, command: '/stream-verdict', text: 'help' });
    expect(reply.problems).toEqual([]);
    const help = await ephemeralFor('U0ALICE', /sub-command|help/);
    for (const line of ['/stream-verdict help', '/stream-verdict export', '--by', '--blind', 'Example:']) {
      expect(help.text).toContain(line);
    }
    expect(harness.slack.workspace.messagesIn(CHANNEL)).toHaveLength(0);
  });

  it('shows the decisions a person started or answered on their Home tab, with status, deadline and a link', async () => {
    const now = new Date('2026-11-24T10:00:00Z');
    harness = await startHarness({ now: () => now });
    const alice = harness.person('U0ALICE');
    const bob = harness.person('U0BOB');
    await startDecision(harness.slack, alice, CHANNEL, '--by 2026-11-26 Home tab decision');
    await harness.slack.workspace.closeModals('U0ALICE', { all: true });
    await joinAndAnswer(bob, WEB_APP_SHOP_ON_AWS);
    await waitForText('1 finished answer set');

    for (const [person, role] of [
      [alice, 'You started it'],
      [bob, 'You answered'],
    ] as const) {
      const reply = await person.openAppHome();
      expect(reply.status).toBe(200);
      const home = await harness.slack.workspace.waitFor(
        () => harness.slack.workspace.homeViewFor(person.userId),
        {
          what: `${person.userId}'s Home tab`,
        },
      );
      const text = visibleText(home.view.blocks);
      expect(text).toContain('Home tab decision');
      expect(text).toContain('closes in 2 days');
      expect(text).toContain(role);
      expect(JSON.stringify(home.view.blocks)).toContain(
        `"url":"https://emulated.slack.com/archives/${CHANNEL}/p${message().ts.replace('.', '')}"`,
      );
    }
    const carol = harness.person('U0CAROL');
    await carol.openAppHome();
    const empty = await harness.slack.workspace.waitFor(() => harness.slack.workspace.homeViewFor('U0CAROL'));
    expect(visibleText(empty.view.blocks)).toContain('Nothing yet');
  });
});
