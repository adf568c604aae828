import { describe, expect, it } from 'vitest';
import { webApiMethodOf } from '../../src/ops/web-api-url.js';
import { budgetFor } from '../../src/slack/web-api-budget.js';

describe('the Web API method of a request URL', () => {
  it('is the last part of an /api/ path, with any query left out', () => {
    expect(webApiMethodOf('https://slack.com/api/chat.postMessage')).toBe('chat.postMessage');
    expect(webApiMethodOf('http://127.0.0.1:3999/api/views.open?team_id=T1')).toBe('views.open');
    expect(webApiMethodOf('https://slack.com/api/users.info#x')).toBe('users.info');
  });

  it('is none for an upload URL or a path that only mentions the API', () => {
    expect(webApiMethodOf('https://files.slack.com/upload/v1/CwABAAAAXQoAAZ')).toBeUndefined();
    expect(webApiMethodOf('https://slack.com/api/')).toBeUndefined();
    expect(webApiMethodOf('https://slack.com/api/chat.postMessage/extra')).toBeUndefined();
  });

  it('sets the deadline of the call: a modal gets the trigger’s budget, an upload the default', () => {
    expect(budgetFor('https://slack.com/api/views.open')).toBe(2_500);
    expect(budgetFor('https://slack.com/api/chat.postMessage?x=1')).toBe(5_000);
    expect(budgetFor('https://files.slack.com/upload/v1/abc')).toBe(10_000);
    expect(budgetFor('https://slack.com/api/toString')).toBe(10_000);
  });
});
