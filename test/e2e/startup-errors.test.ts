import { createServer, type Server } from 'node:http';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp, runBuiltAppToExit } from '../support/built-app.js';
import { freePort } from '../support/redis-server.js';
import { BOT_TOKEN, SIGNING_SECRET } from './harness.js';

/** The real process refusing to start: one line that says why, and never a secret, whatever went wrong. */

const PASSWORD = 'hunter2-redis-password';
let build: ReturnType<typeof buildApp>;

beforeAll(() => {
  build = buildApp();
}, 60_000);

const slackEnv = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET };

describe('start-up errors of the built app', () => {
  it('refuses a REDIS_URL with an impossible port in one line, its password shown as ***', async () => {
    const { code, output } = await runBuiltAppToExit(build.dir, {
      ...slackEnv,
      REDIS_URL: `redis://:${PASSWORD}@localhost:65536`,
    });
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toHaveLength(1);
    expect(output).toContain('stream-verdict: REDIS_URL must be');
    expect(output).toContain('redis://:***@localhost:65536');
    expect(output).not.toContain(PASSWORD);
  });

  it('reports a failure to start in one line with no stack trace and no secret', async () => {
    // The port is taken, so listening fails after the config was accepted and Redis was dialled.
    const port = await freePort();
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, resolve));
    try {
      const redis = new URL(inject('redisUrl'));
      const { code, output } = await runBuiltAppToExit(build.dir, {
        ...slackEnv,
        PORT: String(port),
        REDIS_URL: `redis://:${PASSWORD}@${redis.host}`,
      });
      expect(code).toBe(1);
      const failure = output.split('\n').filter((line) => line.includes('could not start'));
      expect(failure).toHaveLength(1);
      expect(failure[0]).toContain('EADDRINUSE');
      expect(output).not.toMatch(/^\s+at /m);
      for (const secret of [PASSWORD, BOT_TOKEN, BOT_TOKEN.slice(5), SIGNING_SECRET])
        expect(output).not.toContain(secret);
    } finally {
      squatter.close();
    }
  });
});
