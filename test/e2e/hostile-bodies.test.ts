import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type SlackEmulator, startSlackEmulator } from '../../src/emulator/index.js';
import { type BuiltApp, buildApp, startBuiltApp } from '../support/built-app.js';
import { postSigned } from '../support/signed-post.js';
import { BOT_TOKEN, CHANNEL, SIGNING_SECRET } from './harness.js';

/**
 * Bodies nobody honest sends, against the built app in a process of its own (so its memory and its death
 * are real): megabytes from anyone, and signed bodies that are not Slack payloads at all.
 */

const MB = 1024 * 1024;
/**
 * What the flood may add to the process's memory. Unguarded, Bolt buffers every body (measured +350 MB on
 * Node 20); guarded it added 40–80 MB. An absolute ceiling would not do: the same idle app sits near 120 MB on
 * Node 20 but near 300 MB on Node 24.
 */
const RSS_GROWTH_CEILING_BYTES = 150 * MB;

let build: ReturnType<typeof buildApp>;
let slack: SlackEmulator;
let app: BuiltApp;

beforeAll(async () => {
  build = buildApp();
  slack = await startSlackEmulator({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN });
  app = await startBuiltApp(build.dir, {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    REDIS_URL: inject('redisUrl'),
    LOG_LEVEL: 'info',
  });
}, 60_000);

afterAll(async () => {
  app?.kill();
  await slack?.close();
});

/** Sends `body` unsigned; resolves with the status the app answered, or the error if it never did. */
function postUnsigned(url: string, body: Buffer, options: { chunked: boolean }): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(body.length) }),
      },
    });
    let settled = false;
    const settle = (outcome: number | string) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    req.on('response', (res) => {
      settle(res.statusCode ?? 'no status');
      res.resume();
    });
    // The app may close the connection before the whole body is sent; the answer came first or not at all.
    req.on('error', (error) => settle(error.message));
    req.setTimeout(20_000, () => {
      settle('timed out');
      req.destroy();
    });
    if (options.chunked) {
      for (let offset = 0; offset < body.length; offset += 64 * 1024)
        req.write(body.subarray(offset, offset + 64 * 1024));
      req.end();
    } else {
      req.end(body);
    }
  });
}

async function expectServesAPerson(): Promise<void> {
  expect(app.alive()).toBe(true);
  const before = slack.workspace.messagesIn(CHANNEL).length;
  const alice = slack.actorFor('U0ALICE', { appEventsUrl: app.eventsUrl });
  await alice.runSlashCommand({ channel: CHANNEL, command: '/stream-verdict', text: 'After the garbage' });
  await slack.workspace.waitFor(() => slack.workspace.messagesIn(CHANNEL).length > before || undefined, {
    timeoutMs: 5_000,
  });
}

describe('oversized bodies from anyone', () => {
  it('200 concurrent 4 MB unsigned bodies get 413 and add under 150 MB to the process', {
    timeout: 60_000,
  }, async () => {
    const body = Buffer.alloc(4 * MB, 'a');
    const baseline = app.rssBytes();
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, app.rssBytes());
    }, 10);
    try {
      const outcomes = await Promise.all([
        ...Array.from({ length: 180 }, () => postUnsigned(app.eventsUrl, body, { chunked: false })),
        // Without a declared length the limit is met while reading.
        ...Array.from({ length: 20 }, () => postUnsigned(app.eventsUrl, body, { chunked: true })),
      ]);
      peak = Math.max(peak, app.rssBytes());
      console.info(
        `hostile bodies: RSS ${Math.round(baseline / MB)} MB before, peak ${Math.round(peak / MB)} MB during 200 × 4 MB`,
      );
      expect(outcomes.filter((outcome) => outcome !== 413)).toEqual([]);
    } finally {
      clearInterval(sampler);
    }
    expect(peak - baseline).toBeLessThan(RSS_GROWTH_CEILING_BYTES);
    await expectServesAPerson();
  });
});

describe('signed bodies that are not Slack payloads', () => {
  const shapes: [string, string, string][] = [
    ['JSON null', 'null', 'application/json'],
    ['JSON []', '[]', 'application/json'],
    ['JSON "x"', '"x"', 'application/json'],
    ['JSON 42', '42', 'application/json'],
    ['JSON {"event": null}', '{"type":"event_callback","event":null}', 'application/json'],
    ['JSON {} with no type', '{}', 'application/json'],
    ['payload=null', 'payload=null', 'application/x-www-form-urlencoded'],
    ['payload=[]', 'payload=%5B%5D', 'application/x-www-form-urlencoded'],
    ['payload="x"', 'payload=%22x%22', 'application/x-www-form-urlencoded'],
    ['a payload that is not JSON', 'payload=%7Bnope', 'application/x-www-form-urlencoded'],
    ['two payload fields', 'payload=%7B%7D&payload=%7B%7D', 'application/x-www-form-urlencoded'],
    [
      'a block_actions payload whose user is null',
      `payload=${encodeURIComponent('{"type":"block_actions","user":null,"actions":[]}')}`,
      'application/x-www-form-urlencoded',
    ],
    ['a form with neither command nor payload', 'hello=world', 'application/x-www-form-urlencoded'],
  ];

  // 400 from the app itself: not Bolt's 404 after 3 s for a body no listener claimed, nor a 500 from a throw.
  it.each(shapes)('%s → 400', async (_name, body, contentType) => {
    const reply = await postSigned(app.eventsUrl, SIGNING_SECRET, body, { contentType });
    expect(reply.status).toBe(400);
  });

  it('leaves the process alive and serving a real person', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expectServesAPerson();
    expect(app.output()).not.toContain('Unhandled');
  });
});
