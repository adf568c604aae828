import { afterEach, describe, expect, it } from 'vitest';
import type { Answers } from '../../src/domain/types.js';
import type { SlackActor } from '../../src/emulator/index.js';
import { STREAMING_IS_THE_PRODUCT, WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';
import { installThroughOAuth, oauthMode } from '../support/oauth-install.js';
import { CHANNEL, type Harness, startHarness } from './harness.js';
import { decisionIdOf, LAST_STEP, startDecision, submitStep } from './journey.js';

/**
 * The app leaving a workspace, over signed requests to the real app on real Redis: uninstalled, nothing of
 * the workspace is left and nothing fires; its bot token revoked, the decisions stay and nothing is called
 * with the dead token. Slack retries events, so each is delivered twice.
 */

const WORKSPACE = 'T0001';
/** Another tenant's decision and due item, which nothing here may touch. */
const OTHER = { teamId: 'T0OTHER', decisionId: 'd-other' };

let harness: Harness;
afterEach(async () => {
  await harness?.close();
});

const ofWorkspace = (key: string) => key.includes(WORKSPACE);

async function answerAll(person: SlackActor, answers: Answers, lastStep = LAST_STEP) {
  for (let step = 0; step <= lastStep; step++) await submitStep(harness.slack, person, answers, step);
}

/** Polls an async probe until it holds (events are acknowledged before the app acts on them). */
async function eventually(probe: () => Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const logged = (pattern: RegExp) => harness.logs.filter((line) => pattern.test(line));

/** A decision with a deadline that Alice answered fully and Bob in part, and another tenant's data. */
async function decisionWithDeadline(): Promise<{ decisionId: string }> {
  const alice = harness.person('U0ALICE');
  const posted = await startDecision(harness.slack, alice, CHANNEL, '--by 2026-11-27 Leaving soon');
  await answerAll(alice, WEB_APP_SHOP_ON_AWS);
  const bob = harness.person('U0BOB');
  await bob.clickButton({ actionId: 'answer_questionnaire', message: { channel: CHANNEL, ts: posted.ts } });
  await harness.slack.workspace.waitFor(() => harness.slack.workspace.openViewFor('U0BOB'));
  await answerAll(bob, STREAMING_IS_THE_PRODUCT, 0);
  await harness.app.store.createDecision({
    ...OTHER,
    channelId: 'C0ELSEWHERE',
    createdBy: 'U0EVE',
    title: 'Someone else’s decision',
    createdAt: '2026-11-24T09:00:00.000Z',
  });
  await harness.app.store.schedule({ kind: 'close', ...OTHER }, new Date('2027-03-01T00:00:00Z'));
  return { decisionId: decisionIdOf(posted) };
}

describe('app_uninstalled', () => {
  it('erases every key of the workspace and its installation, fires nothing, and a second delivery changes nothing', async () => {
    let now = new Date('2026-11-24T10:00:00Z');
    harness = await startHarness({ configure: oauthMode, now: () => now, schedulerIntervalMs: 3_600_000 });
    await installThroughOAuth(harness.app.port);
    const { decisionId } = await decisionWithDeadline();
    const before = await harness.storedKeys();
    expect(before).toContain(`${harness.keyPrefix}:install:team:${WORKSPACE}`);
    expect(before.filter(ofWorkspace).length).toBeGreaterThan(5);
    expect((await harness.dueMembers()).filter(ofWorkspace)).toHaveLength(2);

    harness.slack.server.revokeBotTokens();
    const admin = harness.person('U0ADMIN');
    expect((await admin.uninstallApp()).map((reply) => reply.status)).toEqual([200, 200]);
    await eventually(
      async () => (await harness.storedKeys()).filter(ofWorkspace).length === 0,
      'no key of the workspace left',
    );
    expect(await harness.dueMembers()).toEqual([`close:${OTHER.teamId}:${OTHER.decisionId}`]);
    expect(await harness.app.store.getDecision({ teamId: WORKSPACE, decisionId })).toBeNull();
    expect(await harness.app.store.getDecision(OTHER)).not.toBeNull();
    await eventually(async () => logged(/Uninstalled from workspace T0001/).length === 1, 'the log line');
    // tokens_revoked came first and stopped the two scheduled items; the uninstall erased the rest.
    expect(logged(/Bot token revoked for workspace T0001/)).toEqual([
      expect.stringContaining('2 scheduled item(s) stopped'),
    ]);
    expect(logged(/Uninstalled from workspace T0001/)[0]).toMatch(
      /erased 1 decision\(s\), 2 answer set\(s\), 3 index entries and 0 scheduled item\(s\)/,
    );
    const after = await harness.storedKeys();

    // Slack retries: the same two events again find nothing left to do.
    await admin.uninstallApp();
    await eventually(
      async () => logged(/Uninstalled from workspace T0001/).length === 2,
      'the second log line',
    );
    expect(logged(/Uninstalled from workspace T0001/)[1]).toMatch(
      /erased 0 decision\(s\), 0 answer set\(s\)/,
    );
    expect(await harness.storedKeys()).toEqual(after);

    // The deadline passes: nothing is posted anywhere.
    const calls = harness.slack.calls().length;
    now = new Date('2026-11-28T00:00:01Z');
    expect(await harness.app.scheduler.tick()).toBe(0);
    expect(harness.slack.calls()).toHaveLength(calls);
  });
});

describe('tokens_revoked', () => {
  it('keeps the decisions, deletes the installation, stops scheduled work with no call on the dead token; twice changes nothing', async () => {
    let now = new Date('2026-11-24T10:00:00Z');
    harness = await startHarness({ configure: oauthMode, now: () => now, schedulerIntervalMs: 3_600_000 });
    await installThroughOAuth(harness.app.port);
    const { decisionId } = await decisionWithDeadline();
    const ref = { teamId: WORKSPACE, decisionId };

    harness.slack.server.revokeBotTokens();
    const admin = harness.person('U0ADMIN');
    expect((await admin.revokeBotToken()).status).toBe(200);
    await eventually(
      async () => (await harness.dueMembers()).filter(ofWorkspace).length === 0,
      'the workspace’s scheduled items to stop',
    );
    const keys = await harness.storedKeys();
    expect(keys).not.toContain(`${harness.keyPrefix}:install:team:${WORKSPACE}`);
    expect(await harness.app.store.getDecision(ref)).not.toBeNull();
    expect((await harness.app.store.listAnswerSets(ref)).map((set) => set.userId)).toEqual([
      'U0ALICE',
      'U0BOB',
    ]);
    expect(await harness.dueMembers()).toEqual([`close:${OTHER.teamId}:${OTHER.decisionId}`]);

    await admin.revokeBotToken();
    await eventually(
      async () => logged(/Bot token revoked for workspace T0001/).length === 2,
      'both log lines',
    );
    expect(logged(/Bot token revoked for workspace T0001/)).toEqual([
      expect.stringContaining('2 scheduled item(s) stopped'),
      expect.stringContaining('0 scheduled item(s) stopped'),
    ]);
    expect(await harness.storedKeys()).toEqual(keys);

    // Reminder and deadline pass: no call at all, so none with the dead token.
    const calls = harness.slack.calls().length;
    now = new Date('2026-11-27T00:00:30Z');
    expect(await harness.app.scheduler.tick()).toBe(0);
    now = new Date('2026-11-28T00:00:01Z');
    expect(await harness.app.scheduler.tick()).toBe(0);
    expect(harness.slack.calls()).toHaveLength(calls);

    // Reinstalled within the retention period, the workspace finds its decisions.
    await installThroughOAuth(harness.app.port);
    await harness.person('U0ALICE').openAppHome();
    const home = await harness.slack.workspace.waitFor(() => harness.slack.workspace.homeViewFor('U0ALICE'));
    expect(JSON.stringify(home.view.blocks)).toContain('Leaving soon');
  });
});
