import { readFileSync } from 'node:fs';
import { verifySlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../src/emulator/signing.js';

const vector = JSON.parse(
  readFileSync(new URL('../fixtures/slack/inbound/signature_test_vector.json', import.meta.url), 'utf8'),
) as {
  signing_secret: string;
  x_slack_request_timestamp: string;
  raw_body: string;
  expected_x_slack_signature: string;
};

describe('signRequest', () => {
  it("reproduces the signature from Slack's documentation", () => {
    const headers = signRequest(
      vector.signing_secret,
      vector.raw_body,
      Number(vector.x_slack_request_timestamp),
    );

    expect(headers).toEqual({
      'x-slack-signature': vector.expected_x_slack_signature,
      'x-slack-request-timestamp': vector.x_slack_request_timestamp,
    });
  });

  it('produces headers that Bolt accepts for the exact body and rejects for any other', () => {
    const now = Date.now();
    const body = 'payload=%7B%22type%22%3A%22view_submission%22%7D';
    const headers = signRequest('secret', body, now / 1000);
    const verify = (signedBody: string) =>
      verifySlackRequest({
        signingSecret: 'secret',
        body: signedBody,
        headers: {
          'x-slack-signature': headers['x-slack-signature'],
          'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']),
        },
        nowMilliseconds: now,
      });

    expect(() => verify(body)).not.toThrow();
    expect(() => verify(`${body} `)).toThrow(/signature mismatch/);
  });
});
