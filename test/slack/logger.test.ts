import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { newDecisionId } from '../../src/domain/ids.js';
import { withLogContext } from '../../src/ops/log-context.js';
import { secretsOf } from '../../src/slack/app.js';
import { redactingLogger, redactor, structuredLogger } from '../../src/slack/logger.js';
import { encodeMetadata } from '../../src/slack/metadata.js';
import { requestLogger } from '../../src/slack/observe.js';

const TOKEN = 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp';

function capture(format: 'json' | 'text') {
  const lines: string[] = [];
  const logger = structuredLogger({
    level: 'debug',
    format,
    secrets: ['a-configured-secret-value'],
    sink: { write: (line) => lines.push(line) },
  });
  return { logger, lines };
}

describe('the structured logger', () => {
  it('writes one JSON object a line with the level, the message and the request’s context', () => {
    const { logger, lines } = capture('json');
    withLogContext(logger, { workspace: 'T0001', decision: 'd-1', surface: 'view' }).info('saved', 2);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 'info',
      msg: 'saved 2',
      workspace: 'T0001',
      decision: 'd-1',
      surface: 'view',
    });
  });

  it('writes readable text otherwise, with the context and an error’s code and stack', () => {
    const { logger, lines } = capture('text');
    const error = Object.assign(new Error('An API error occurred: not_in_channel'), {
      data: { error: 'not_in_channel' },
    });
    withLogContext(logger, { workspace: 'T0001', surface: 'command' }).warn('Could not post', error);
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z WARN {2}Could not post {2}workspace=T0001 surface=command code=not_in_channel\n {4}Error: An API error/,
    );
  });

  it('gives a request’s lines the tenant, decision and surface its payload names, through any wrapping', () => {
    const { logger, lines } = capture('json');
    const decisionId = newDecisionId();
    const submission = {
      type: 'view_submission',
      team: { id: 'T0001' },
      user: { id: 'U0001', team_id: 'T0001' },
      view: { private_metadata: encodeMetadata({ decisionId, step: 2 }) },
    };
    const wrapped = redactingLogger(logger, [TOKEN]);
    requestLogger(wrapped, submission).warn(`Slack refused ${TOKEN}`);
    withLogContext(
      requestLogger(logger, {
        command: '/stream-verdict',
        team_id: 'T0002',
        user_id: 'U0001',
        channel_id: 'C0001',
        trigger_id: '1.2.abc',
      }),
      {
        decision: decisionId,
      },
    ).info('created');
    expect(lines.map((line) => JSON.parse(line))).toMatchObject([
      { msg: 'Slack refused [redacted]', workspace: 'T0001', decision: decisionId, surface: 'view' },
      { msg: 'created', workspace: 'T0002', decision: decisionId, surface: 'command' },
    ]);
  });

  it('cuts secrets out of every line: by value, by token shape, by key, and URL passwords', () => {
    const { logger, lines } = capture('json');
    logger.error(`Slack said invalid_auth for ${TOKEN}`, new Error(`token ${TOKEN} refused`));
    logger.debug('request', { client_secret: 'not-shaped-like-a-token', code: 'oauth-code-123', user: 'U1' });
    logger.info('configured a-configured-secret-value and redis://app:hunter2hunter2@redis:6379');
    const all = lines.join('');
    for (const secret of [TOKEN.slice(5), 'not-shaped-like-a-token', 'oauth-code-123', 'hunter2hunter2'])
      expect(all).not.toContain(secret);
    expect(all).not.toContain('a-configured-secret-value');
    expect(all).toContain('xoxb-[redacted]');
    expect(all).toContain('"user\\":\\"U1');
  });

  it('drops lines below its level', () => {
    const { logger, lines } = capture('json');
    logger.setLevel(LogLevel.WARN);
    logger.info('quiet');
    logger.warn('loud');
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(['loud']);
  });
});

/** What the redaction in front of every log line leaves of lines that carry secrets. */
describe('log redaction', () => {
  const redact = redactor(
    secretsOf({ redisUrl: 'rediss://default:hunter2-long-password@cache.example.com:6380' }),
  );

  it('cuts the Redis password out by value, wherever it appears', () => {
    expect(redact('AUTH failed: WRONGPASS hunter2-long-password')).not.toContain('hunter2');
  });

  it('masks the password of any URL and a Sentinel password in a query', () => {
    const line = redact(
      'connecting to redis://:pw2@10.0.0.1:6379 and redis+sentinel://s1/m?sentinelPassword=pw3&x=1',
    );
    expect(line).toContain('redis://:[redacted]@10.0.0.1:6379');
    expect(line).toContain('sentinelPassword=[redacted]');
    expect(line).not.toMatch(/pw2|pw3/);
  });

  it('cuts the OAuth code out of a logged request body and a redirect URL', () => {
    const body = redact(
      'http request body: {"code":"4724469134.4644010092847.232b4e6e","client_id":"1234567890.0987654321"}',
    );
    const url = redact('GET /slack/oauth_redirect?code=4724469134.4644010092847.232b4e6e&state=abc');
    for (const line of [body, url]) expect(line).not.toContain('232b4e6e');
    expect(body).toContain('"client_id":"1234567890.0987654321"');
  });

  it('keeps Slack error codes readable', () => {
    expect(redact('{"code":"slack_webapi_platform_error","data":{"error":"not_in_channel"}}')).toContain(
      '"code":"slack_webapi_platform_error"',
    );
  });
});
