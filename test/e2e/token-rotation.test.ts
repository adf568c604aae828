import { afterEach, describe, expect, it, vi } from 'vitest';
import { WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';
import { installThroughOAuth, oauthMode } from '../support/oauth-install.js';
import { CHANNEL, type Harness, startHarness } from './harness.js';
import { startDecision, submitStep } from './journey.js';

/**
 * Token rotation on: Slack's bot tokens expire 12 hours after issue and Bolt refreshes them through the
 * installation store. The whole process's clock (Date only; timers stay real) moves forward, so the emulated
 * Slack, Bolt's refresh check and the app's deadlines all see the same day go by.
 */

const TWELVE_HOURS = 12 * 60 * 60;

let harness: Harness;
afterEach(async () => {
  await harness?.close();
  vi.useRealTimers();
});

const rotatingTokens = () =>
  harness.slack.server.liveBotTokens().filter((token) => token.startsWith('xoxe.'));

describe('token rotation', () => {
  it('fires a reminder a day and a half after install with a refreshed token, and stores the new one', async () => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true, now: new Date('2026-11-24T10:00:00Z') });
    harness = await startHarness({
      configure: oauthMode,
      schedulerIntervalMs: 3_600_000,
      emulator: { install: { tokenLifetimeSeconds: TWELVE_HOURS } },
    });
    await installThroughOAuth(harness.app.port);
    const [installed] = rotatingTokens();
    expect(installed).toBeDefined();

    const alice = harness.person('U0ALICE');
    const posted = await startDecision(harness.slack, alice, CHANNEL, '--by 2026-11-26 Rotating');
    await submitStep(harness.slack, alice, WEB_APP_SHOP_ON_AWS, 0);

    // The reminder is due the day before the deadline, 38 hours on: the install's token died 26 hours ago.
    vi.setSystemTime(new Date('2026-11-26T00:00:30Z'));
    expect(rotatingTokens()).toEqual([]);
    expect(await harness.app.scheduler.tick()).toBe(1);
    const reminder = await harness.slack.workspace.waitFor(() =>
      harness.slack.workspace.repliesTo(CHANNEL, posted.ts).find((reply) => /Reminder/.test(reply.text)),
    );
    expect(reminder.text).toContain('<@U0ALICE>');
    expect(harness.slack.calls('oauth.v2.access').map((call) => call.args.grant_type)).toEqual([
      undefined,
      'refresh_token',
    ]);
    const [refreshed] = rotatingTokens();
    expect(refreshed).not.toBe(installed);

    // The refreshed token was stored: people's requests use it too, with no second refresh.
    await alice.openAppHome();
    await harness.slack.workspace.waitFor(() => harness.slack.workspace.homeViewFor('U0ALICE'));
    expect(harness.slack.calls('oauth.v2.access')).toHaveLength(2);
    expect(harness.slack.calls().filter((call) => (call.response as { ok: boolean }).ok === false)).toEqual(
      [],
    );
  });
});
