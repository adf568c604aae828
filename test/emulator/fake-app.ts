/**
 * A minimal Slack app for the emulator's tests: a plain node:http server that verifies Slack's signature
 * (with Bolt's own verifier), records what it received and answers as the test scripts it to.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { verifySlackRequest } from '@slack/bolt';

export interface ReceivedRequest {
  rawBody: string;
  contentType: string | undefined;
  form: URLSearchParams;
  /** The decoded `payload` field of an interactive request. */
  payload?: Record<string, unknown>;
}

export interface AppAnswer {
  status?: number;
  /** A string is sent as is; an object as JSON. */
  body?: string | object;
  delayMs?: number;
}

export type Respond = (request: ReceivedRequest) => AppAnswer | undefined;

export interface FakeApp {
  url: string;
  received: ReceivedRequest[];
  respondWith(respond: Respond): void;
  close(): Promise<void>;
}

export async function startFakeApp(signingSecret: string): Promise<FakeApp> {
  const received: ReceivedRequest[] = [];
  let respond: Respond = () => undefined;
  const server = createServer(async (request, response) => {
    const rawBody = await text(request);
    try {
      verifySlackRequest({
        signingSecret,
        body: rawBody,
        headers: {
          'x-slack-signature': String(request.headers['x-slack-signature']),
          'x-slack-request-timestamp': Number(request.headers['x-slack-request-timestamp']),
        },
      });
    } catch {
      response.writeHead(401).end();
      return;
    }
    const form = new URLSearchParams(rawBody);
    const payload = form.get('payload');
    const entry: ReceivedRequest = {
      rawBody,
      contentType: request.headers['content-type'],
      form,
      ...(payload ? { payload: JSON.parse(payload) as Record<string, unknown> } : {}),
    };
    received.push(entry);
    const answer = respond(entry) ?? {};
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (typeof answer.body === 'object') {
      response.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer.body));
    } else {
      response.writeHead(answer.status ?? 200).end(answer.body ?? '');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    received,
    respondWith: (next) => {
      respond = next;
    },
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
