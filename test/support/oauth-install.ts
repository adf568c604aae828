import { expect } from 'vitest';
import type { Config } from '../../src/config.js';
import { SIGNING_SECRET } from '../e2e/harness.js';

/** OAuth mode (many workspaces) for the harness, and the install a browser would walk through. */

export const OAUTH = {
  clientId: '1234567890.0987654321',
  clientSecret: 'oauth-client-secret-for-tests',
  stateSecret: 'state-secret-of-16-chars-or-more',
};

export const oauthMode = (config: Config): Config => ({
  ...config,
  slack: { signingSecret: SIGNING_SECRET, apiUrl: config.slack.apiUrl, oauth: OAUTH },
});

/** /slack/install, Slack's consent (skipped), back to the redirect with a code: the app is installed. */
export async function installThroughOAuth(appPort: number): Promise<void> {
  const base = `http://127.0.0.1:${appPort}`;
  const start = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
  const finished = await fetch(`${base}/slack/oauth_redirect?code=code&state=${encodeURIComponent(state)}`, {
    headers: { cookie: (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '' },
    redirect: 'manual',
  });
  expect(finished.status).toBeLessThan(400);
}
