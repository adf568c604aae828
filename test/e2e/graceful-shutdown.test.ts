import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { STEPS } from '../../src/domain/questions.js';
import { type SlackEmulator, startSlackEmulator } from '../../src/emulator/index.js';
import { WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';
import { buildApp } from '../support/built-app.js';
import { freePort } from '../support/redis-server.js';
import { BOT_TOKEN, CHANNEL, type Harness, SIGNING_SECRET, startHarness, stepValues } from './harness.js';

const root = join(import.meta.dirname, '../..');
const LAST = STEPS.length - 1;

describe('stopping in the middle of work (in process)', () => {
  let harness: Harness;
  afterEach(async () => {
    await harness.slack.close();
  });

  it('finishes what was acknowledged before closing the store: the verdict still lands', async () => {
    harness = await startHarness();
    const alice = harness.person('U0ALICE');
    await alice.runSlashCommand({ channel: CHANNEL, command: '/stream-verdict' });
    await harness.slack.workspace.waitFor(() => harness.slack.workspace.openViewFor('U0ALICE'));
    const decision = await harness.slack.workspace.waitFor(
      () => harness.slack.workspace.messagesIn(CHANNEL)[0],
    );
    for (let step = 0; step < LAST; step++)
      await alice.submitView({ values: stepValues(step, WEB_APP_SHOP_ON_AWS) });

    // Slack is slow to take the verdict update, so publishing is still running when the stop comes.
    harness.slack.server.delayNext('chat.update', 700);
    const last = await alice.submitView({ values: stepValues(LAST, WEB_APP_SHOP_ON_AWS) });
    expect(last.outcome).toBe('updated');
    await harness.app.stop();

    expect(harness.slack.workspace.message(CHANNEL, decision.ts)?.editCount).toBe(1);
    expect(harness.slack.workspace.repliesTo(CHANNEL, decision.ts)).toHaveLength(1);
    const refused = await fetch(harness.eventsUrl, { method: 'POST', body: '' }).catch(() => 'refused');
    expect(refused).toBe('refused');
  });
});

describe('the real process', () => {
  let slack: SlackEmulator;
  let child: ChildProcess | undefined;

  let build: ReturnType<typeof buildApp>;

  beforeAll(() => {
    build = buildApp();
  }, 60_000);
  afterEach(async () => {
    child?.kill('SIGKILL');
    await slack?.close();
  });

  it('exits 0 on SIGTERM within the bound, and never prints a token or the signing secret', {
    timeout: 30_000,
  }, async () => {
    slack = await startSlackEmulator({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN });
    const port = await freePort();
    const running = spawn(process.execPath, [join(build.dir, 'index.js')], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        REDIS_URL: inject('redisUrl'),
        PORT: String(port),
        LOG_LEVEL: 'debug',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = running;
    let output = '';
    running.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    running.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
      running.once('exit', (code) => resolve({ code, at: Date.now() })),
    );

    const deadline = Date.now() + 15_000;
    while (!output.includes(`listening on port ${port}`)) {
      if (Date.now() > deadline || running.exitCode !== null)
        throw new Error(`app did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const alice = slack.actorFor('U0ALICE', { appEventsUrl: `http://127.0.0.1:${port}/slack/events` });
    await alice.runSlashCommand({ channel: CHANNEL, command: '/stream-verdict', text: 'Shutdown drill' });
    await slack.workspace.waitFor(() => slack.workspace.messagesIn(CHANNEL)[0], { timeoutMs: 5_000 });

    const signalledAt = Date.now();
    running.kill('SIGTERM');
    const { code, at } = await exited;
    expect(code).toBe(0);
    expect(at - signalledAt).toBeLessThan(10_000);
    expect(output).toContain('SIGTERM received');
    expect(output).not.toContain(BOT_TOKEN);
    expect(output).not.toContain(BOT_TOKEN.slice(5));
    expect(output).not.toContain(SIGNING_SECRET);
  });
});
