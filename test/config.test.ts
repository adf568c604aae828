import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { DEFAULT_PRICING } from '../src/domain/pricing.js';

const DEFAULT_COSTS = { pricing: DEFAULT_PRICING, engineerYearlyUsd: 200_000 };

const http = {
  SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
  SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99aaabbb85a5',
};

function problemsOf(env: Record<string, string>): string[] {
  const result = loadConfig(env);
  return result.ok ? [] : result.problems;
}

describe('loadConfig', () => {
  it('runs over HTTP with the documented defaults', () => {
    const result = loadConfig(http);
    expect(result).toEqual({
      ok: true,
      mode: 'slack',
      config: {
        transport: 'http',
        slack: {
          botToken: http.SLACK_BOT_TOKEN,
          signingSecret: http.SLACK_SIGNING_SECRET,
          appToken: undefined,
          apiUrl: undefined,
        },
        port: 3000,
        redisUrl: undefined,
        retentionDays: 90,
        sweepIntervalMs: 15_000,
        logLevel: 'info',
        logFormat: 'text',
        metrics: true,
        costs: DEFAULT_COSTS,
      },
    });
  });

  it('switches to Socket Mode when SLACK_APP_TOKEN is set, without needing the signing secret', () => {
    const result = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A1-2-abc' });
    expect(result.ok && result.mode === 'slack' && result.config.transport).toBe('socket');
  });

  it('reads every other variable', () => {
    const result = loadConfig({
      ...http,
      PORT: '8080',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      REDIS_URL: 'rediss://user:pw@cache.example.com:6380/2',
      RETENTION_DAYS: '30',
      SWEEP_INTERVAL_MS: '500',
      LOG_LEVEL: 'DEBUG',
      LOG_FORMAT: 'JSON',
      METRICS: 'off',
    });
    expect(result.ok && result.config).toMatchObject({
      port: 8080,
      slack: { apiUrl: 'http://127.0.0.1:9999/api/' },
      redisUrl: 'rediss://user:pw@cache.example.com:6380/2',
      retentionDays: 30,
      sweepIntervalMs: 500,
      logLevel: 'debug',
      logFormat: 'json',
      metrics: false,
    });
  });

  it('with no Slack credentials at all, runs the offline sandbox with the other settings', () => {
    expect(loadConfig({ PORT: '8080', REDIS_URL: 'redis://localhost:6379' })).toEqual({
      ok: true,
      mode: 'sandbox',
      config: {
        port: 8080,
        redisUrl: 'redis://localhost:6379',
        retentionDays: 90,
        sweepIntervalMs: 15_000,
        logLevel: 'info',
        logFormat: 'text',
        metrics: true,
        costs: DEFAULT_COSTS,
      },
    });
  });

  it('still checks the other settings in the sandbox', () => {
    expect(problemsOf({ PORT: 'abc' })).toEqual(['PORT must be a whole number from 1 to 65535']);
    expect(problemsOf({ SWEEP_INTERVAL_MS: '10' })).toEqual([
      'SWEEP_INTERVAL_MS must be a whole number from 100 to 3600000',
    ]);
  });

  it.each([
    [{ ...http, PORT: 'abc' }, 'PORT must be a whole number from 1 to 65535'],
    [{ ...http, PORT: '70000' }, 'PORT must be a whole number from 1 to 65535'],
    [{ ...http, RETENTION_DAYS: '0' }, 'RETENTION_DAYS must be a whole number from 1 to 3650'],
    [{ ...http, REDIS_URL: 'localhost:6379' }, 'REDIS_URL must be redis://host:6379 or rediss://'],
    [{ ...http, REDIS_URL: 'redis+cluster://' }, 'REDIS_URL must be redis://host:6379 or rediss://'],
    [{ ...http, REDIS_URL: 'redis+cluster://10.0.0.1:7000/2' }, 'Cluster URL has no path'],
    [{ ...http, REDIS_URL: 'redis+sentinel://10.0.0.1:26379' }, 'Sentinel URL ends in /<master name>'],
    [{ ...http, REDIS_URL: 'redis+sentinel://s1:26379/mymaster?retry=1' }, 'unknown query parameter'],
    [{ ...http, SLACK_API_URL: 'not a url' }, 'SLACK_API_URL must be an http(s) URL'],
    [
      { ...http, SLACK_BOT_TOKEN: 'xoxp-user-token' },
      'SLACK_BOT_TOKEN must be a bot token starting with "xoxb-"',
    ],
    [
      { ...http, SLACK_APP_TOKEN: 'xoxb-wrong' },
      'SLACK_APP_TOKEN must be an app-level token starting with "xapp-"',
    ],
    [{ ...http, SLACK_SIGNING_SECRET: 'short' }, 'SLACK_SIGNING_SECRET must be the 32 hex characters'],
    [{ ...http, LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of debug, info, warn, error'],
    [{ ...http, LOG_FORMAT: 'logfmt' }, 'LOG_FORMAT must be json or text'],
    [{ ...http, METRICS: 'yes' }, 'METRICS must be on or off'],
    [
      { ...http, ENGINEER_YEARLY_COST_USD: '200,000' },
      'ENGINEER_YEARLY_COST_USD must be a whole number from 10000 to 10000000',
    ],
    [
      { ...http, PRICING_FILE: '/no/such/prices.json' },
      'PRICING_FILE /no/such/prices.json could not be read (ENOENT)',
    ],
    [{ SLACK_SIGNING_SECRET: http.SLACK_SIGNING_SECRET }, 'SLACK_BOT_TOKEN is missing'],
    [{ SLACK_BOT_TOKEN: http.SLACK_BOT_TOKEN }, 'SLACK_SIGNING_SECRET is missing'],
  ])('names the malformed or missing variable in one line (%#)', (env, expected) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
    expect(problems[0]).not.toContain('\n');
  });

  it('never echoes a secret back in a problem', () => {
    const problems = problemsOf({
      SLACK_BOT_TOKEN: 'xoxp-super-secret-value',
      SLACK_SIGNING_SECRET: 'not-hex-secret-value',
    });
    expect(problems.join(' ')).not.toContain('super-secret');
    expect(problems.join(' ')).not.toContain('not-hex-secret-value');
  });

  it.each([
    'redis+cluster://10.0.0.1:7000,10.0.0.2:7001,10.0.0.3:7002',
    'rediss+cluster://default:s3cret@clustercfg.example.com:6379',
    'redis+sentinel://10.0.0.1:26379,10.0.0.2:26379/mymaster/2',
    'rediss+sentinel://:pw@s1.example.com,s2.example.com/mymaster?sentinelPassword=other',
  ])('accepts a Cluster or Sentinel REDIS_URL as given (%s)', (redisUrl) => {
    const result = loadConfig({ ...http, REDIS_URL: redisUrl });
    expect(result.ok && result.config.redisUrl).toBe(redisUrl);
  });

  it('never echoes a Redis password in a REDIS_URL problem', () => {
    const problems = problemsOf({ ...http, REDIS_URL: 'redis+cluster://admin:hunter2@10.0.0.1:7000/5' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).not.toContain('hunter2');
  });

  it.each([
    ['redis://:hunter2-pw@cache.example.com:65536', 'redis://:***@cache.example.com:65536', 'port "65536"'],
    ['redis://admin:hunter2-pw@cache.example.com:0', 'redis://admin:***@cache.example.com:0', 'port "0"'],
    ['redis://:hunter2-pw@cache.example.com:abc', 'redis://:***@cache.example.com:abc', 'port "abc"'],
    [
      'redis://:hunter2-pw@cache.example.com/cache',
      'redis://:***@cache.example.com/cache',
      'database number',
    ],
    ['redis://:hunter2%ZZ@cache.example.com', 'redis://:***@cache.example.com', 'not URL-encoded'],
    ['redis://:hunter2-pw@', 'redis://:***@', 'not a valid URL'],
    ['redis:/:hunter2-pw@cache.example.com', 'redis:/:***@cache.example.com', 'unknown scheme'],
    ['redis+sentinel://s1/m?password=hunter2-pw', 'redis+sentinel://s1/m?password=***', 'unknown query'],
  ])('refuses the malformed REDIS_URL %s in one line, its password shown as ***', (url, shown, reason) => {
    const problems = problemsOf({ ...http, REDIS_URL: url });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`not "${shown}"`);
    expect(problems[0]).toContain(reason);
    expect(problems[0]).not.toContain('hunter2');
    expect(problems[0]).not.toContain('\n');
  });

  it('treats blank variables as unset', () => {
    const result = loadConfig({ ...http, PORT: '', REDIS_URL: '  ' });
    expect(result.ok && result.config.port).toBe(3000);
    expect(result.ok && result.config.redisUrl).toBeUndefined();
  });

  it('takes the engineer cost and an operator’s price file for the cost estimate', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stream-verdict-prices-'));
    const file = join(dir, 'prices.json');
    writeFileSync(file, JSON.stringify({ asOf: '2027-01-15', prices: { ec2M7gLargeHour: 0.06 } }));
    const result = loadConfig({ ...http, PRICING_FILE: file, ENGINEER_YEARLY_COST_USD: '150000' });
    expect(result.ok && result.config.costs?.engineerYearlyUsd).toBe(150_000);
    expect(result.ok && result.config.costs?.pricing.asOf).toBe('2027-01-15');
    expect(result.ok && result.config.costs?.pricing.prices.ec2M7gLargeHour.usd).toBe(0.06);
    expect(result.ok && result.config.costs?.pricing.prices.gp3GbMonth).toEqual(
      DEFAULT_PRICING.prices.gp3GbMonth,
    );
  });

  it.each([
    ['{ not json', 'PRICING_FILE prices.json is not valid JSON'],
    ['{"prices": {}}', 'PRICING_FILE prices.json: asOf: must be a date written YYYY-MM-DD'],
    [
      '{"asOf": "2027-01-15", "prices": {"kinesisShardHour": -0.01}}',
      'PRICING_FILE prices.json: prices.kinesisShardHour: must not be negative',
    ],
  ])('stops on a bad price file with one line saying what is wrong (%#)', (text, expected) => {
    const result = loadConfig({ ...http, PRICING_FILE: 'prices.json' }, () => text);
    expect(result).toEqual({ ok: false, problems: [expected] });
  });
});

describe('loadConfig in OAuth mode (one app, many workspaces)', () => {
  const oauth = {
    SLACK_CLIENT_ID: '1234567890.0987654321',
    SLACK_CLIENT_SECRET: 'client-secret-value',
    SLACK_STATE_SECRET: 'a-state-secret-of-some-length',
    SLACK_SIGNING_SECRET: http.SLACK_SIGNING_SECRET,
  };

  it('takes the client id, secret and state secret instead of a bot token', () => {
    const result = loadConfig(oauth);
    expect(result.ok && result.mode === 'slack' && result.config.slack).toEqual({
      signingSecret: oauth.SLACK_SIGNING_SECRET,
      apiUrl: undefined,
      oauth: {
        clientId: oauth.SLACK_CLIENT_ID,
        clientSecret: oauth.SLACK_CLIENT_SECRET,
        stateSecret: oauth.SLACK_STATE_SECRET,
      },
    });
  });

  it.each([
    [{ ...oauth, SLACK_STATE_SECRET: '' }, 'OAuth mode needs SLACK_STATE_SECRET as well'],
    [
      { ...oauth, SLACK_CLIENT_ID: '', SLACK_CLIENT_SECRET: '' },
      'OAuth mode needs SLACK_CLIENT_ID and SLACK_CLIENT_SECRET as well',
    ],
    [{ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_BOT_TOKEN must be unset in OAuth mode'],
    [{ ...oauth, SLACK_SIGNING_SECRET: '' }, 'SLACK_SIGNING_SECRET is missing: OAuth mode'],
    [{ ...oauth, SLACK_CLIENT_ID: 'abc' }, 'SLACK_CLIENT_ID must be the Client ID'],
    [
      { ...oauth, SLACK_STATE_SECRET: 'short' },
      'SLACK_STATE_SECRET must be a random string of at least 16 characters',
    ],
  ])('names what is missing or wrong in one line (%#)', (env, expected) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
    expect(problems.join(' ')).not.toContain('client-secret-value');
  });
});
