import { Redis } from 'ioredis';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Answers } from '../../src/domain/types.js';
import type { SlackActor } from '../../src/emulator/index.js';
import { GIVE_UP_AFTER_MS } from '../../src/slack/flows/schedule.js';
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

/** When a due-list member is next due (ms), or null once it is off the list. */
async function dueAt(member: string): Promise<number | null> {
  const client = new Redis(inject('redisUrl'));
  try {
    const score = await client.zscore(`${harness.keyPrefix}:due`, member);
    return score === null ? null : Number(score);
  } finally {
    client.disconnect();
  }
}

/** A decision with a deadline that Alice answered fully and Bob in part, and another tenant's data. */
async function decisionWithDeadline(): Promise<{ decisionId: string; ts: string }> {
  const alice = harness.person('U0ALICE');
  const posted = await startDecision(harness.slack, alice, CHANNEL, '--by 2026-11-27 Leaving soon');
  await answerAll(alice, WEB_APP_SHOP_ON_AWS);
  const bob = harness.person('U0BOB');
  await bob.clickButton({ actionId: 'answer_questionnaire', message: { channel: CHANNEL, ts: posted.ts } });
  await harness.slack.workspace.waitFor(() => harness.slack.workspace.openViewFor('U0BOB'));
  await answerAll(bob, STREAMING_IS_THE_PRODUCT, 0);
  // Alice's finish note is posted before a test arranges for posts to fail, so it cannot take one of the failures.
  await harness.slack.workspace.waitFor(
    () => harness.slack.workspace.repliesTo(CHANNEL, posted.ts).length >= 1,
    {
      what: 'Alice’s finish note',
    },
  );
  await harness.app.store.createDecision(
    {
      ...OTHER,
      channelId: 'C0ELSEWHERE',
      createdBy: 'U0EVE',
      title: 'Someone else’s decision',
      createdAt: '2026-11-24T09:00:00.000Z',
    },
    { at: new Date(), due: [] },
  );
  await harness.app.store.schedule({ kind: 'close', ...OTHER }, new Date('2027-03-01T00:00:00Z'));
  return { decisionId: decisionIdOf(posted), ts: posted.ts };
}

describe('app_uninstalled', () => {
  it('erases every key of the workspace and its installation, fires nothing, and a second delivery changes nothing', async () => {
    let now = new Date('2026-11-24T10:00:00Z');
    harness = await startHarness({ configure: oauthMode, now: () => now, schedulerIntervalMs: 3_600_000 });
    await installThroughOAuth(harness.app.port);
    const { decisionId, ts } = await decisionWithDeadline();
    // Carol finishes while Slack refuses every message update: her thread note waits in the outbox and the
    // decision stays on the dirty list, both of which the uninstall must erase too.
    harness.slack.server.failNext('chat.update', 'service_unavailable', 1_000);
    const carol = harness.person('U0CAROL');
    await carol.clickButton({ actionId: 'answer_questionnaire', message: { channel: CHANNEL, ts } });
    await harness.slack.workspace.waitFor(() => harness.slack.workspace.openViewFor('U0CAROL'));
    await answerAll(carol, STREAMING_IS_THE_PRODUCT);
    const ref = { teamId: WORKSPACE, decisionId };
    expect((await harness.app.store.pendingNotes(ref)).map((note) => note.userId)).toEqual(['U0CAROL']);
    expect(await harness.dirtyMembers()).toEqual([`${WORKSPACE}:${decisionId}`]);
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
    expect(await harness.dirtyMembers()).toEqual([]);
    expect(await harness.app.store.pendingNotes(ref)).toEqual([]);
    expect(await harness.app.store.getDecision(ref)).toBeNull();
    expect(await harness.app.store.getDecision(OTHER)).not.toBeNull();
    await eventually(async () => logged(/Uninstalled from workspace T0001/).length === 1, 'the log line');
    // tokens_revoked came first and stopped the two scheduled items; the uninstall erased the rest.
    expect(logged(/Bot token revoked for workspace T0001/)).toEqual([
      expect.stringContaining('2 scheduled item(s) stopped'),
    ]);
    expect(logged(/Uninstalled from workspace T0001/)[0]).toMatch(
      /erased 1 decision\(s\), 3 answer set\(s\), 4 index entries, 0 scheduled item\(s\) and 1 pending republish\(es\)/,
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

describe('scheduled work that fails', () => {
  const reminders = () =>
    harness.slack.calls('chat.postMessage').filter((call) => /Reminder/.test(String(call.args.text)));

  it('drops an item Slack refuses for its token, with one log line, and never tries it again', async () => {
    let now = new Date('2026-11-24T10:00:00Z');
    harness = await startHarness({ now: () => now, schedulerIntervalMs: 3_600_000 });
    await decisionWithDeadline();
    harness.slack.server.failNext('chat.postMessage', 'account_inactive');
    now = new Date('2026-11-27T00:00:30Z');
    expect(await harness.app.scheduler.tick()).toBe(0);
    expect(logged(/Dropped the remind/)).toEqual([
      expect.stringContaining("Slack refuses the workspace's token (account_inactive)"),
    ]);
    now = new Date('2026-11-27T06:00:00Z');
    expect(await harness.app.scheduler.tick()).toBe(0);
    expect(reminders()).toHaveLength(1);
    expect((await harness.dueMembers()).filter((member) => member.startsWith('remind:'))).toEqual([]);
  });

  it('backs off doubling after other failures and posts once Slack recovers', async () => {
    let now = new Date('2026-11-24T10:00:00Z');
    harness = await startHarness({ now: () => now, schedulerIntervalMs: 3_600_000 });
    await decisionWithDeadline();
    for (let attempt = 0; attempt < 3; attempt++)
      harness.slack.server.failNext('chat.postMessage', 'fatal_error');
    const at = (iso: string) => {
      now = new Date(iso);
      return harness.app.scheduler.tick();
    };
    expect(await at('2026-11-27T00:00:00Z')).toBe(0); // fails: next try a minute later
    expect(await at('2026-11-27T00:00:59Z')).toBe(0);
    expect(reminders()).toHaveLength(1);
    expect(await at('2026-11-27T00:01:00Z')).toBe(0); // fails again: two minutes
    expect(await at('2026-11-27T00:02:59Z')).toBe(0);
    expect(reminders()).toHaveLength(2);
    expect(await at('2026-11-27T00:03:00Z')).toBe(0); // and again: four minutes
    expect(await at('2026-11-27T00:06:59Z')).toBe(0);
    expect(reminders()).toHaveLength(3);
    expect(await at('2026-11-27T00:07:00Z')).toBe(1); // Slack is back: posted, once
    expect(harness.slack.workspace.messagesIn(CHANNEL).length).toBeGreaterThan(0);
    expect(reminders().map((call) => (call.response as { ok: boolean }).ok)).toEqual([
      false,
      false,
      false,
      true,
    ]);
    expect(logged(/trying again at/)).toHaveLength(3);
  });

  it('gives up an item still failing a day after its first failure', async () => {
    let now = new Date('2026-11-24T10:00:00Z');
    harness = await startHarness({ now: () => now, schedulerIntervalMs: 3_600_000 });
    const alice = harness.person('U0ALICE');
    const posted = await startDecision(harness.slack, alice, CHANNEL, '--by 2026-12-20 Far away');
    const remind = { kind: 'remind' as const, teamId: WORKSPACE, decisionId: decisionIdOf(posted) };
    // Its reminder, moved earlier, so a day of failures ends long before the deadline makes it moot.
    await harness.app.store.schedule(remind, new Date('2026-11-27T00:00:00Z'));
    for (let attempt = 0; attempt < 60; attempt++)
      harness.slack.server.failNext('chat.postMessage', 'fatal_error');
    const member = `remind:${remind.teamId}:${remind.decisionId}`;
    // Polled as often as the back-off allows: each tick at the time the item is next due.
    for (let next = await dueAt(member); next !== null; next = await dueAt(member)) {
      now = new Date(Math.max(now.getTime(), next));
      await harness.app.scheduler.tick();
    }
    expect(logged(/Gave up the remind/)).toHaveLength(1);
    expect(now.getTime() - Date.parse('2026-11-27T00:00:00Z')).toBeGreaterThanOrEqual(GIVE_UP_AFTER_MS);
    // 1, 2, 4 … 32 minutes, then hourly: about thirty tries in the day, where it used to be one every 2 minutes forever.
    expect(reminders().length).toBeGreaterThan(20);
    expect(reminders().length).toBeLessThan(35);
    // The close at the deadline is an item of its own and still due.
    expect(await harness.dueMembers()).toContain(`close:${remind.teamId}:${remind.decisionId}`);
  });
});
