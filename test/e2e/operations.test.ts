import { afterEach, describe, expect, it } from 'vitest';
import { structuredLogger } from '../../src/slack/logger.js';
import { WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';
import { type RedisServerHandle, startRedisServer } from '../support/redis-server.js';
import { until } from '../support/until.js';
import { BOT_TOKEN, CHANNEL, type Harness, SIGNING_SECRET, startHarness, stepValues } from './harness.js';
import { decisionIdOf, startDecision } from './journey.js';

/** What an operator sees: /metrics, /healthz and /readyz, the Redis check and the log lines. */

let harness: Harness | undefined;
let redis: RedisServerHandle | undefined;

afterEach(async () => {
  await harness?.close();
  await redis?.destroy();
  harness = undefined;
  redis = undefined;
});

const base = (h: Harness) => `http://127.0.0.1:${h.app.port}`;

interface Probe {
  code: number;
  body: {
    status: string;
    store: { status: string; durable: boolean; redis?: { evicts: boolean }; warnings?: string[] };
  };
}

async function probe(h: Harness, path: '/healthz' | '/readyz'): Promise<Probe> {
  const response = await fetch(`${base(h)}${path}`);
  return { code: response.status, body: (await response.json()) as Probe['body'] };
}

/** The value of one sample of the /metrics text, 0 when it is absent. */
async function sample(h: Harness, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${base(h)}/metrics`)).text();
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = text
    .split('\n')
    .find(
      (candidate) =>
        (candidate.startsWith(`${name}{`) || candidate.startsWith(`${name} `)) &&
        wanted.every((label) => candidate.includes(label)),
    );
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

describe('/metrics', () => {
  it('counts a slash command, a submission, their acknowledgements, and a Web API error by its code', async () => {
    harness = await startHarness();
    const h = harness;
    const alice = h.person('U0ALICE');
    await startDecision(h.slack, alice, CHANNEL, 'Counted');
    await alice.submitView({ values: stepValues(0, WEB_APP_SHOP_ON_AWS) });
    h.slack.server.failNext('chat.postMessage', 'not_in_channel');
    await alice.closeView();
    await alice.runSlashCommand({ channel: 'C0PRIVATE', command: '/stream-verdict', text: 'Refused' });
    await h.slack.workspace.waitFor(() => h.slack.workspace.ephemeralFor('U0ALICE')[0]);

    expect(await sample(h, 'stream_verdict_requests_total', { surface: 'command', outcome: 'ok' })).toBe(2);
    expect(await sample(h, 'stream_verdict_requests_total', { surface: 'view', outcome: 'ok' })).toBe(1);
    expect(await sample(h, 'stream_verdict_ack_seconds_count', { surface: 'command' })).toBe(2);
    expect(await sample(h, 'stream_verdict_ack_seconds_bucket', { surface: 'command', le: '3' })).toBe(2);
    expect(
      await sample(h, 'stream_verdict_slack_api_calls_total', {
        method: 'chat.postMessage',
        outcome: 'not_in_channel',
      }),
    ).toBe(1);
    expect(
      await sample(h, 'stream_verdict_slack_api_calls_total', { method: 'views.open', outcome: 'ok' }),
    ).toBe(2);
    expect(await sample(h, 'stream_verdict_store_up')).toBe(1);
    expect(await sample(h, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('counts a 429 and its Retry-After', { timeout: 15_000 }, async () => {
    harness = await startHarness();
    const h = harness;
    h.slack.server.rateLimitNext('chat.postMessage', 1);
    await h.person('U0ALICE').runSlashCommand({ channel: CHANNEL, command: '/stream-verdict', text: 'Busy' });
    await h.slack.workspace.waitFor(() => h.slack.workspace.messagesIn(CHANNEL)[0], { timeoutMs: 5_000 });
    const labels = { method: 'chat.postMessage' };
    expect(
      await sample(h, 'stream_verdict_slack_api_calls_total', { ...labels, outcome: 'ratelimited' }),
    ).toBe(1);
    expect(await sample(h, 'stream_verdict_slack_retry_after_seconds_sum', labels)).toBe(1);
  });

  it('is not served with METRICS=off', async () => {
    harness = await startHarness({ configure: (config) => ({ ...config, metrics: false }) });
    expect((await fetch(`${base(harness)}/metrics`)).status).toBe(404);
  });
});

describe('/healthz and /readyz', () => {
  it('readiness goes 503 within a second of Redis stopping and 200 when it returns; liveness stays 200', {
    timeout: 20_000,
  }, async () => {
    redis = await startRedisServer();
    harness = await startHarness({ redisUrl: redis.url });
    const h = harness;
    expect(await probe(h, '/readyz')).toMatchObject({ code: 200, body: { status: 'ok' } });

    const server = redis;
    await server.stop();
    const notReadyAfterMs = await until(
      async () => (await probe(h, '/readyz')).code === 503,
      '503',
      10_000,
      25,
    );
    expect(notReadyAfterMs).toBeLessThan(1_000);
    expect(await probe(h, '/readyz')).toMatchObject({ code: 503, body: { status: 'degraded' } });
    expect(await probe(h, '/healthz')).toMatchObject({ code: 200, body: { status: 'degraded' } });
    expect(await sample(h, 'stream_verdict_redis_reconnects_total')).toBeGreaterThan(0);

    await server.start();
    await until(async () => (await probe(h, '/readyz')).code === 200, 'ready again');
    expect((await probe(h, '/healthz')).code).toBe(200);
  });

  it('readiness is 503 while a SIGTERM drain finishes work in flight; liveness stays 200', async () => {
    harness = await startHarness();
    const h = harness;
    // Slack is slow to take the decision message, so the command's work is still running when stop comes.
    h.slack.server.delayNext('chat.postMessage', 1_000);
    await h
      .person('U0ALICE')
      .runSlashCommand({ channel: CHANNEL, command: '/stream-verdict', text: 'Drain' });
    const stopped = h.app.stop();
    expect(await probe(h, '/readyz')).toMatchObject({ code: 503, body: { status: 'draining' } });
    expect((await probe(h, '/healthz')).code).toBe(200);
    await stopped;
    expect(h.slack.workspace.messagesIn(CHANNEL)).toHaveLength(1);
    harness = undefined;
    await h.slack.close();
  });
});

describe('the Redis check', () => {
  it.each(['allkeys-lru', 'volatile-lru'])('warns at start and in /readyz on %s', async (policy) => {
    redis = await startRedisServer({ appendOnly: true, extraArgs: ['--maxmemory-policy', policy] });
    const warnings: string[] = [];
    harness = await startHarness({ redisUrl: redis.url, warn: (line) => warnings.push(line) });
    const h = harness;
    await until(async () => warnings.length > 0, 'the start-up warning', 5_000);
    expect(warnings).toEqual([expect.stringContaining(`maxmemory-policy is ${policy}`)]);
    const ready = await probe(h, '/readyz');
    expect(ready.body.store).toMatchObject({ durable: true, redis: { evicts: true } });
    expect(ready.body.store.warnings).toEqual([expect.stringContaining('Set maxmemory-policy noeviction')]);
  });

  it("reports durable: false for a Redis started with --save '' --appendonly no, and warns", async () => {
    redis = await startRedisServer({ appendOnly: false });
    const warnings: string[] = [];
    harness = await startHarness({ redisUrl: redis.url, warn: (line) => warnings.push(line) });
    await until(async () => warnings.length > 0, 'the start-up warning', 5_000);
    expect(warnings).toEqual([expect.stringContaining('every answer is lost when Redis restarts')]);
    expect((await probe(harness, '/readyz')).body.store).toMatchObject({
      durable: false,
      redis: { appendonly: false, save: '', evicts: false },
    });
  });

  it('is quiet for noeviction with an append-only file', async () => {
    redis = await startRedisServer({ appendOnly: true, extraArgs: ['--maxmemory-policy', 'noeviction'] });
    const warnings: string[] = [];
    harness = await startHarness({ redisUrl: redis.url, warn: (line) => warnings.push(line) });
    const ready = await probe(harness, '/readyz');
    expect(ready.body.store).toMatchObject({ durable: true, warnings: [] });
    expect(warnings).toEqual([]);
  });
});

describe('log lines', () => {
  interface Line {
    level: string;
    msg: string;
    workspace?: string;
    decision?: string;
    surface?: string;
  }

  it('are JSON with workspace, decision and surface, and a token in a Slack error reaches none', async () => {
    const written: string[] = [];
    const logger = structuredLogger({
      level: 'debug',
      format: 'json',
      secrets: [BOT_TOKEN, SIGNING_SECRET],
      sink: { write: (line) => written.push(line) },
    });
    harness = await startHarness({ logger, configure: (config) => ({ ...config, logLevel: 'debug' }) });
    const h = harness;
    const alice = h.person('U0ALICE');
    const message = await startDecision(h.slack, alice, CHANNEL, 'Logged');
    const decision = decisionIdOf(message);
    await alice.submitView({ values: stepValues(0, WEB_APP_SHOP_ON_AWS) });

    const leaked = 'xoxb-2222222222-3333333333-LeakedLeakedLeaked';
    h.slack.server.failNext('chat.postMessage', `invalid_auth ${leaked}`);
    await alice.closeView();
    await alice.runSlashCommand({ channel: CHANNEL, command: '/stream-verdict', text: 'Refused' });
    await h.slack.workspace.waitFor(() => h.slack.workspace.ephemeralFor('U0ALICE')[0]);

    const lines = written.map((text) => JSON.parse(text) as Line);
    const view = lines.filter((line) => line.surface === 'view');
    expect(view.length).toBeGreaterThan(0);
    for (const line of view) expect(line).toMatchObject({ workspace: 'T0001', decision });
    const command = lines.filter((line) => line.surface === 'command');
    expect(command.length).toBeGreaterThan(0);
    for (const line of command) expect(line.workspace).toBe('T0001');
    // The command creates its decision: the lines after that name it.
    expect(command.filter((line) => line.decision).length).toBeGreaterThan(0);

    const everything = written.join('');
    expect(everything).toContain('invalid_auth xoxb-[redacted]');
    expect(everything).not.toContain(leaked.slice(5));
    expect(everything).not.toContain(BOT_TOKEN.slice(5));
  });
});
