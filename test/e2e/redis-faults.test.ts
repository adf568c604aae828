import { afterEach, describe, expect, it } from 'vitest';
import { STEPS } from '../../src/domain/questions.js';
import { ACTION_IDS } from '../../src/slack/ids.js';
import { WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';
import { type RedisServerHandle, startRedisServer } from '../support/redis-server.js';
import { until } from '../support/until.js';
import { CHANNEL, type Harness, startHarness, stepValues } from './harness.js';
import { startDecision } from './journey.js';

let harness: Harness | undefined;
let redis: RedisServerHandle | undefined;

afterEach(async () => {
  await harness?.close();
  await redis?.destroy();
  harness = undefined;
  redis = undefined;
});

async function health(h: Harness): Promise<{ status: string; store: { status: string } }> {
  const response = await fetch(`http://127.0.0.1:${h.app.port}/healthz`);
  expect(response.status).toBe(200);
  return response.json() as Promise<{ status: string; store: { status: string } }>;
}

describe('Redis down at start', () => {
  it('the app starts, says it is degraded, tells people to retry, and recovers with no restart', async () => {
    redis = await startRedisServer();
    await redis.stop();
    harness = await startHarness({ redisUrl: redis.url });
    const h = harness;
    expect(await health(h)).toMatchObject({ status: 'degraded', store: { status: 'degraded' } });

    const alice = h.person('U0ALICE');
    const reply = await alice.runSlashCommand({
      channel: CHANNEL,
      command: '/stream-verdict',
      text: 'While Redis sleeps',
    });
    expect(reply.status).toBe(200);
    const note = await h.slack.workspace.waitFor(() => h.slack.workspace.ephemeralFor('U0ALICE')[0], {
      timeoutMs: 5_000,
      what: 'the note to Alice',
    });
    expect(note.text).toMatch(/couldn’t start the decision.*try again/i);
    expect(JSON.stringify(h.slack.workspace.openViewFor('U0ALICE')?.view.blocks)).toMatch(
      /could not reach its storage/,
    );
    expect(h.slack.workspace.messagesIn(CHANNEL)).toEqual([]);

    await redis.start();
    await until(async () => (await health(h)).status === 'ok', 'the store to be healthy again');
    // The outage in the log: one line for however many reconnect attempts failed, with the error's code, and
    // one when it is back.
    const outage = h.logs.filter((line) => line.includes('Redis (answers)'));
    expect(outage).toHaveLength(2);
    expect(outage[0]).toMatch(/^ERROR Redis \(answers\): connection failed.*ECONNREFUSED/);
    expect(outage[1]).toMatch(/^INFO Redis \(answers\): connection is back after \d+ failed attempt/);
    await alice.closeView();
    await alice.runSlashCommand({ channel: CHANNEL, command: '/stream-verdict', text: 'Redis is back' });
    await h.slack.workspace.waitFor(() => h.slack.workspace.messagesIn(CHANNEL)[0]?.blocks);
    const result = await alice.submitView({ values: stepValues(0, WEB_APP_SHOP_ON_AWS) });
    expect(result.outcome).toBe('updated');
  });
});

describe('Redis lost in the middle of a questionnaire', () => {
  it('keeps the modal open with an error instead of losing the answers, and takes them when Redis is back', async () => {
    redis = await startRedisServer({ appendOnly: true });
    harness = await startHarness({ redisUrl: redis.url });
    const h = harness;
    const alice = h.person('U0ALICE');
    await startDecision(h.slack, alice, CHANNEL, 'Through a Redis outage');
    await alice.submitView({ values: stepValues(0, WEB_APP_SHOP_ON_AWS) });

    await redis.stop();
    const refused = await alice.submitView({ values: stepValues(1, WEB_APP_SHOP_ON_AWS) });
    expect(refused.status).toBe(200);
    expect(refused.outcome).toBe('errors');
    expect(Object.values(refused.errors ?? {})[0]).toMatch(/Couldn’t save your answers just now/);
    expect(JSON.stringify(h.slack.workspace.openViewFor('U0ALICE')?.view.blocks)).toContain('Step 2 of');

    await redis.start();
    await until(async () => (await health(h)).status === 'ok', 'the store to be healthy again');
    const accepted = await alice.submitView({ values: stepValues(1, WEB_APP_SHOP_ON_AWS) });
    expect(accepted.outcome).toBe('updated');
    expect(JSON.stringify(h.slack.workspace.openViewFor('U0ALICE')?.view.blocks)).toContain('Step 3 of');
  });

  it('loses nothing that was acknowledged when Redis restarts (AOF), and the person finishes', async () => {
    redis = await startRedisServer({ appendOnly: true });
    harness = await startHarness({ redisUrl: redis.url });
    const h = harness;
    const alice = h.person('U0ALICE');
    const message = await startDecision(h.slack, alice, CHANNEL, 'Through a Redis restart');
    for (let step = 0; step < 3; step++)
      await alice.submitView({ values: stepValues(step, WEB_APP_SHOP_ON_AWS) });

    await redis.stop();
    await redis.start();
    await until(async () => (await health(h)).status === 'ok', 'the store to be healthy again');

    await alice.closeView();
    await alice.clickButton({
      actionId: ACTION_IDS.answerQuestionnaire,
      message: { channel: CHANNEL, ts: message.ts },
    });
    await h.slack.workspace.waitFor(() => h.slack.workspace.openViewFor('U0ALICE'));
    expect(JSON.stringify(h.slack.workspace.openViewFor('U0ALICE')?.view.blocks)).toContain('Step 4 of');
    for (let step = 3; step < STEPS.length; step++) {
      await alice.submitView({ values: stepValues(step, WEB_APP_SHOP_ON_AWS) });
    }
    const verdict = await h.slack.workspace.waitFor(() => {
      const current = h.slack.workspace.messagesIn(CHANNEL)[0];
      return current && current.editCount > 0 ? current : undefined;
    });
    expect(JSON.stringify(verdict.blocks)).toContain('Verdict: Amazon Kinesis');
  });
});
