import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { type WebAPIPlatformError, WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { WebApiServer } from '../../src/emulator/web-api-server.js';
import { Workspace } from '../../src/emulator/workspace.js';
import { webApiFetch } from '../../src/slack/web-api-transport.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

interface Seen {
  method: string | undefined;
  url: string | undefined;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A plain HTTP server that records each request and answers with `answer`; it counts the connections made. */
async function server(answer: (request: Seen, response: http.ServerResponse) => void) {
  const seen: Seen[] = [];
  let connections = 0;
  const srv = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const one = {
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(one);
      answer(one, response);
    });
  });
  srv.on('connection', () => {
    connections++;
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        srv.closeAllConnections();
        srv.close(() => resolve());
      }),
  );
  const { port } = srv.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/`, seen, connections: () => connections };
}

const form = { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Bearer xoxb-1' };

describe('the Web API transport', () => {
  it('sends what fetch sends and answers as fetch answers', async () => {
    const api = await server((_request, response) => {
      response.setHeader('Content-Type', 'application/json; charset=utf-8');
      response.setHeader('X-OAuth-Scopes', 'chat:write, commands');
      response.setHeader('Vary', ['Accept', 'Origin']);
      response.end('{"ok":true,"ts":"1.2","text":"caf\u00e9 \ud83c\udf89"}');
    });
    const body = 'channel=C1&text=caf%C3%A9%20%F0%9F%8E%89';
    const ours = await webApiFetch(`${api.url}chat.postMessage`, {
      method: 'POST',
      headers: form,
      body,
      redirect: 'error',
    });
    const theirs = await fetch(`${api.url}chat.postMessage`, {
      method: 'POST',
      headers: form,
      body,
      redirect: 'error',
    });

    const [mine, fetched] = api.seen;
    expect(mine?.method).toBe('POST');
    expect(mine?.url).toBe('/api/chat.postMessage');
    expect(mine?.body).toBe(body);
    for (const name of ['content-type', 'content-length', 'authorization']) {
      expect(mine?.headers[name], name).toBe(fetched?.headers[name]);
    }
    expect(ours.status).toBe(theirs.status);
    expect(ours.ok).toBe(true);
    expect(ours.url).toBe(theirs.url);
    expect(ours.headers.get('x-oauth-scopes')).toBe(theirs.headers.get('X-OAuth-Scopes'));
    expect(ours.headers.get('Vary')).toBe(theirs.headers.get('vary'));
    expect(ours.headers.get('retry-after')).toBeNull();
    expect(await ours.text()).toBe(await theirs.text());
  });

  it('keeps the connection open for the next call', async () => {
    const api = await server((_request, response) => response.end('{"ok":true}'));
    for (let i = 0; i < 5; i++) {
      const answer = await webApiFetch(`${api.url}auth.test`, {
        method: 'POST',
        headers: form,
        body: 'a=1',
        redirect: 'error',
      });
      expect(await answer.json()).toEqual({ ok: true });
    }
    expect(api.seen).toHaveLength(5);
    expect(api.connections()).toBe(1);
  });

  it('decodes a compressed answer, and reads a status and Retry-After of a rate limit', async () => {
    const api = await server((request, response) => {
      if (request.url?.endsWith('zipped')) {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
        response.end(gzipSync('{"ok":true,"zipped":1}'));
        return;
      }
      response.writeHead(429, 'Too Many Requests', { 'Retry-After': '7' });
      response.end();
    });
    const call = (method: string) =>
      webApiFetch(`${api.url}${method}`, { method: 'POST', headers: form, body: '', redirect: 'error' });
    const zipped = await call('zipped');
    expect(await zipped.text()).toBe('{"ok":true,"zipped":1}');
    expect(zipped.headers.get('content-encoding')).toBeNull();
    const limited = await call('chat.update');
    expect(limited.status).toBe(429);
    expect(limited.ok).toBe(false);
    expect(limited.statusText).toBe('Too Many Requests');
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(await limited.text()).toBe('');
  });

  it('fails a refused connection as fetch does, with the socket error as its cause', async () => {
    const api = await server(() => undefined);
    const { url } = api;
    await closers.pop()?.();
    const error = await webApiFetch(`${url}chat.postMessage`, {
      method: 'POST',
      headers: form,
      body: 'a=1',
      redirect: 'error',
    }).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError & { cause: { code: string } }).cause.code).toBe('ECONNREFUSED');
  });

  it('refuses an HTTPS answer whose certificate no trusted authority signed, as fetch does', async () => {
    const tls = (name: string) => readFileSync(new URL(`../fixtures/tls/${name}`, import.meta.url));
    let reached = 0;
    const srv = https.createServer(
      { key: tls('self-signed.key.pem'), cert: tls('self-signed.cert.pem') },
      (_request, response) => {
        reached++;
        response.end('{"ok":true}');
      },
    );
    await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => srv.close(() => resolve())));
    const url = `https://127.0.0.1:${(srv.address() as AddressInfo).port}/api/auth.test`;
    const init = { method: 'POST', headers: form, body: 'a=1', redirect: 'error' as const };
    const ours = await webApiFetch(url, init).catch((failure: unknown) => failure);
    const theirs = await fetch(url, init).catch((failure: unknown) => failure);
    for (const error of [ours, theirs]) {
      expect(error).toBeInstanceOf(TypeError);
      expect((error as TypeError & { cause: { code: string } }).cause.code).toBe(
        'DEPTH_ZERO_SELF_SIGNED_CERT',
      );
    }
    expect(reached).toBe(0);
  });

  it('gives up on an aborted call with the signal’s reason and closes its socket', async () => {
    let closed = false;
    const api = await server((_request, response) => {
      response.on('close', () => {
        closed = true;
      });
    });
    const controller = new AbortController();
    const reason = new DOMException('The Web API call ran out of time', 'TimeoutError');
    const call = webApiFetch(`${api.url}views.open`, {
      method: 'POST',
      headers: form,
      body: 'a=1',
      redirect: 'error',
      signal: controller.signal,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(true);
    await expect(
      webApiFetch(`${api.url}views.open`, {
        method: 'POST',
        body: 'a=1',
        redirect: 'error',
        signal: controller.signal,
      }),
    ).rejects.toBe(reason);
  });

  it('refuses to follow a redirect, as WebClient asks', async () => {
    const api = await server((_request, response) => {
      response.writeHead(302, { Location: 'https://example.com/elsewhere' });
      response.end();
    });
    const error = await webApiFetch(`${api.url}chat.postMessage`, {
      method: 'POST',
      headers: form,
      body: 'a=1',
      redirect: 'error',
    }).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(TypeError);
    expect(String((error as TypeError).cause)).toContain('redirect');
  });

  it('leaves a file upload’s form to fetch', async () => {
    const api = await server((_request, response) => response.end('OK'));
    const upload = new FormData();
    upload.append('file', new Blob(['a,b\n1,2\n']), 'decision.csv');
    const answer = await webApiFetch(`${api.url}upload`, { method: 'POST', body: upload });
    expect(await answer.text()).toBe('OK');
    expect(api.seen[0]?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(api.seen[0]?.body).toContain('filename="decision.csv"');
  });

  it('carries WebClient’s calls to Slack: answers, and Slack’s errors as WebClient’s own', async () => {
    const workspace = new Workspace();
    const slack = await WebApiServer.start({ workspace, tokens: ['xoxb-transport'] });
    closers.push(() => slack.close());
    const client = new WebClient('xoxb-transport', {
      slackApiUrl: slack.url,
      fetch: webApiFetch,
      retryConfig: { retries: 0 },
    });
    const posted = await client.chat.postMessage({ channel: 'C0TRANSPORT', text: 'Which backbone?' });
    expect(posted.ok).toBe(true);
    expect(workspace.messagesIn('C0TRANSPORT').map((message) => message.text)).toEqual(['Which backbone?']);
    const error = (await client.chat
      .update({ channel: 'C0TRANSPORT', ts: '1.000', text: 'x' })
      .catch((failure: unknown) => failure)) as WebAPIPlatformError;
    expect(error.code).toBe('slack_webapi_platform_error');
    expect(error.data.error).toBe('message_not_found');
  });
});
