import querystring from 'node:querystring';
import { LogLevel } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { WebApiServer } from '../../src/emulator/web-api-server.js';
import { Workspace } from '../../src/emulator/workspace.js';
import { buildDecisionMessage } from '../../src/slack/views/decision-message.js';
import { buildHomeView } from '../../src/slack/views/home.js';
import { serialised, useNativeFormEncoding } from '../../src/slack/web-api-args.js';
import { silentLogger } from '../support/silent-logger.js';

const TOKEN = 'xoxb-wire-test-0000000000';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A WebClient against the emulated Slack that keeps every request body exactly as it went on the wire. */
async function start() {
  const workspace = new Workspace();
  const server = await WebApiServer.start({ workspace, tokens: [TOKEN] });
  closers.push(() => server.close());
  const bodies: string[] = [];
  const debugLines: string[] = [];
  const client = new WebClient(TOKEN, {
    slackApiUrl: server.url,
    logger: { ...silentLogger, debug: (...parts: unknown[]) => debugLines.push(parts.join(' ')) },
    logLevel: LogLevel.DEBUG,
    retryConfig: { retries: 0 },
    fetch: (url, init) => {
      bodies.push(String(init?.body));
      return fetch(url, init);
    },
  });
  return { workspace, server, client, bodies, debugLines };
}

const decision = {
  teamId: 'T0WIRE',
  decisionId: 'dec-wire',
  channelId: 'C0WIRE',
  createdBy: 'U0ALICE',
  title: 'Kafka "or" Kinesis? <50 ms & 10 MB/s>',
  createdAt: '2026-12-01T10:00:00.000Z',
};

describe('Web API arguments sent already serialised', () => {
  it('put the same bytes on the wire as WebClient does with objects, and Slack takes them', async () => {
    const { server, client, bodies, workspace } = await start();
    const message = buildDecisionMessage({ decision, inProgress: 2 });
    const post = { channel: 'C0WIRE', text: message.text, blocks: message.blocks };
    const home = {
      user_id: 'U0ALICE',
      view: buildHomeView({ userId: 'U0ALICE', entries: [], now: new Date() }),
    };

    await client.chat.postMessage(post);
    await client.chat.postMessage(serialised(post));
    await client.views.publish(home);
    await client.views.publish(serialised(home));

    expect(bodies).toHaveLength(4);
    expect(bodies[1]).toBe(bodies[0]);
    expect(bodies[3]).toBe(bodies[2]);
    const posted = server.calls('chat.postMessage').map((call) => call.response);
    expect(posted.every((answer) => (answer as { ok: boolean }).ok)).toBe(true);
    expect(workspace.messagesIn('C0WIRE')[1]?.blocks).toEqual(message.blocks);
  });

  it('still keep the token out of the debug lines', async () => {
    const { client, debugLines } = await start();
    const message = buildDecisionMessage({ decision, inProgress: 0 });
    await client.chat.postMessage(
      serialised({ channel: 'C0WIRE', text: message.text, blocks: message.blocks, token: TOKEN }),
    );
    expect(debugLines.some((line) => line.includes('http request body'))).toBe(true);
    expect(debugLines.join('\n')).not.toContain(TOKEN);
  });

  it('leave the blocks out of the debug line WebClient builds of every body, logged or not', async () => {
    const { client, debugLines, bodies } = await start();
    const message = buildDecisionMessage({ decision, inProgress: 0 });
    await client.chat.postMessage(
      serialised({ channel: 'C0WIRE', text: message.text, blocks: message.blocks }),
    );
    const bodyLine = debugLines.find((line) => line.includes('http request body')) ?? '';
    expect(bodies[0]).toContain(encodeURIComponent(JSON.stringify(message.blocks)).slice(0, 40));
    expect(bodyLine).toContain('"blocks":{}');
    expect(bodyLine.length).toBeLessThan(JSON.stringify(message.blocks).length / 2);
  });
});

describe('the form encoding of Web API bodies', () => {
  it('puts the same bytes on the wire as querystring’s own, for every character a title or a view can hold', () => {
    const everyCharacter = Array.from({ length: 0xd800 }, (_, code) => String.fromCharCode(code)).join('');
    const body = {
      token: TOKEN,
      text: `${everyCharacter}\uE000\uFFFD 😀 𝄞 Kafka "or" Kinesis? <50 ms & 10 MB/s> 100% ~*'()!`,
      blocks: JSON.stringify([{ type: 'section', text: { type: 'mrkdwn', text: 'lone \ud800 surrogate' } }]),
    };
    const own = querystring.escape;
    const before = querystring.stringify(body);
    try {
      useNativeFormEncoding();
      expect(querystring.escape).not.toBe(own);
      expect(querystring.stringify(body)).toBe(before);
    } finally {
      querystring.escape = own;
    }
  });

  it('sends half an emoji as U+FFFD instead of failing the call', () => {
    const own = querystring.escape;
    try {
      useNativeFormEncoding();
      expect(querystring.stringify({ text: `cut ${'😀'.slice(0, 1)}…` })).toBe(
        `text=cut%20${encodeURIComponent('\uFFFD…')}`,
      );
    } finally {
      querystring.escape = own;
    }
  });
});
