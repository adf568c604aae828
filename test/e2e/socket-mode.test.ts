import { type Logger, LogLevel } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { STEPS } from '../../src/domain/questions.js';
import { type SlackEmulator, startSlackEmulator } from '../../src/emulator/index.js';
import { createStore, type RunningApp, startStreamVerdict } from '../../src/server.js';
import { WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';
import { BOT_TOKEN, CHANNEL, SIGNING_SECRET, stepValues, visibleText } from './harness.js';
import { decisionIdOf, stepShown } from './journey.js';

const APP_TOKEN = 'xapp-1-A0001-4815162342-socketmodeappleveltoken';

let slack: SlackEmulator | undefined;
let app: RunningApp | undefined;
const errors: string[] = [];

afterEach(async () => {
  await app?.stop();
  await slack?.close();
  app = undefined;
  slack = undefined;
  errors.length = 0;
});

/** Quiet, but keeps what the app logged as errors: a Socket Mode problem shows up there first. */
const logger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (...parts: unknown[]) => {
    errors.push(parts.map(String).join(' '));
  },
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

/** The real app in Socket Mode, with no request URL at all: the emulator is the only Slack it knows. */
async function startInSocketMode(emulator: SlackEmulator): Promise<RunningApp> {
  const config: Config = {
    transport: 'socket',
    slack: { botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: emulator.apiUrl },
    port: 0,
    retentionDays: 90,
    logLevel: 'error',
  };
  return startStreamVerdict({ config, store: createStore(config, { warn: () => undefined }), logger });
}

describe('Socket Mode, end to end', () => {
  it('connects with the app-level token and runs the questionnaire over the socket, validation errors included', async () => {
    slack = await startSlackEmulator({
      signingSecret: SIGNING_SECRET,
      botToken: BOT_TOKEN,
      appToken: APP_TOKEN,
    });
    const running = await startInSocketMode(slack);
    app = running;
    const { workspace } = slack;

    expect(slack.calls('apps.connections.open')).toHaveLength(1);
    expect(slack.calls('apps.connections.open')[0]?.response).toMatchObject({ ok: true });
    expect(slack.socketMode?.connectionCount).toBe(1);
    // The Socket Mode client's own retry policy (100 retries) stays its own: listeners' clients keep the
    // app's, which retries within each call's deadline instead (slack/web-api-budget.ts).
    expect(running.app.webClientOptions.retryConfig).toEqual({ retries: 0 });

    const alice = slack.actorFor('U0ALICE', { transport: 'socket' });
    const command = await alice.runSlashCommand({
      channel: CHANNEL,
      command: '/stream-verdict',
      text: 'Event bus for the billing rewrite',
    });
    expect(command).toMatchObject({ status: 200, problems: [] });
    await workspace.waitFor(() => workspace.openViewFor('U0ALICE'), { what: 'the questionnaire' });
    const decision = await workspace.waitFor(() => workspace.messagesIn(CHANNEL)[0]?.blocks, {
      what: 'the decision message',
    });
    expect(visibleText(decision)).toContain('Event bus for the billing rewrite');
    expect(stepShown(slack, alice)).toContain(`Step 1 of ${STEPS.length}`);

    const first = await alice.submitView({ values: stepValues(0, WEB_APP_SHOP_ON_AWS) });
    expect(first).toMatchObject({ status: 200, outcome: 'updated', problems: [] });
    expect(stepShown(slack, alice)).toContain(`Step 2 of ${STEPS.length}`);

    const refused = await alice.submitView({
      values: { ...stepValues(1, WEB_APP_SHOP_ON_AWS), avg_write_mbps: '50', peak_write_mbps: '5' },
    });
    expect(refused.outcome).toBe('errors');
    expect(refused.errors?.peak_write_mbps).toMatch(/peak/i);
    expect(workspace.openViewFor('U0ALICE')?.errors.peak_write_mbps).toBe(refused.errors?.peak_write_mbps);
    expect(stepShown(slack, alice)).toContain(`Step 2 of ${STEPS.length}`);

    const corrected = await alice.submitView({ values: stepValues(1, WEB_APP_SHOP_ON_AWS) });
    expect(corrected).toMatchObject({ status: 200, outcome: 'updated', problems: [] });
    expect(workspace.openViewFor('U0ALICE')?.errors).toEqual({});
    expect(stepShown(slack, alice)).toContain(`Step 3 of ${STEPS.length}`);

    // The whole flow ran on the one connection the app opened at start.
    expect(slack.calls('apps.connections.open')).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('takes app_uninstalled and tokens_revoked over the socket and forgets the workspace', async () => {
    slack = await startSlackEmulator({
      signingSecret: SIGNING_SECRET,
      botToken: BOT_TOKEN,
      appToken: APP_TOKEN,
    });
    const running = await startInSocketMode(slack);
    app = running;
    const { workspace } = slack;
    const alice = slack.actorFor('U0ALICE', { transport: 'socket' });
    await alice.runSlashCommand({ channel: CHANNEL, command: '/stream-verdict', text: 'Soon uninstalled' });
    const posted = await workspace.waitFor(
      () => workspace.messagesIn(CHANNEL)[0]?.blocks && workspace.messagesIn(CHANNEL)[0],
    );
    const ref = { teamId: workspace.teamId, decisionId: decisionIdOf(posted) };
    expect(await running.store.getDecision(ref)).not.toBeNull();

    const replies = await slack.actorFor('U0ADMIN', { transport: 'socket' }).uninstallApp();
    expect(replies.map((reply) => reply.status)).toEqual([200, 200]);
    const deadline = Date.now() + 5_000;
    while ((await running.store.getDecision(ref)) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect(await running.store.getDecision(ref)).toBeNull();
    expect(await running.store.homeDecisions(workspace.teamId, 'U0ALICE', 10)).toEqual([]);
    // (The previous test's closed socket may still report its end here; only this test's work counts.)
    expect(errors.filter((line) => /erase|uninstalled|revoked/i.test(line))).toEqual([]);
  });
});
