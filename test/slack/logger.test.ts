import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { withLogContext } from '../../src/ops/log-context.js';
import { structuredLogger } from '../../src/slack/logger.js';

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
    withLogContext({ workspace: 'T0001', decision: 'd-1', surface: 'view' }, () => logger.info('saved', 2));
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
    withLogContext({ workspace: 'T0001', surface: 'command' }, () => logger.warn('Could not post', error));
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z WARN {2}Could not post {2}workspace=T0001 surface=command code=not_in_channel\n {4}Error: An API error/,
    );
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
