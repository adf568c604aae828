import http from 'node:http';
import https from 'node:https';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { FetchFunction } from '@slack/web-api';
import type { FetchResponse } from '../ops/body-reads.js';

/**
 * The HTTP transport under every WebClient the app makes (WebClient's documented `fetch` option). Node's own
 * `fetch` (undici, web streams, an AbortSignal and a Request per call) cost about 0.14 ms of CPU more per Web API
 * call than `http.request` on a keep-alive socket: at two calls a slash command, a sixth of the command's cost
 * (BENCHMARKS.md). WebClient still does everything else: the form body, headers, errors, its result.
 *
 * Only what WebClient's Web API calls send takes this path: a POST of a form string that must not redirect.
 * Anything else (a file upload's binary body, a redirect to follow) goes to `fetch` unchanged. It answers as
 * `fetch` does, in the shape WebClient reads (its `FetchResponse`), once the whole body has arrived (Slack's answers
 * are small); a request that could not be made fails with a `TypeError` whose
 * `cause` is the socket's error when the request could not be made (so a refused connection reads as one,
 * web-api-budget.ts), and the signal's reason when the signal aborts it.
 */

/** Idle keep-alive sockets are closed after this, before a server's usual idle timeout closes them under a request. */
const IDLE_SOCKET_MS = 4_000;

const agents = {
  'http:': new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
  'https:': new https.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
} as const;

type FetchInit = NonNullable<Parameters<FetchFunction>[1]>;
type FetchHeaders = FetchResponse['headers'];

export const webApiFetch: FetchFunction = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : undefined;
  const protocol = url?.startsWith('https:') ? 'https:' : url?.startsWith('http:') ? 'http:' : undefined;
  if (
    url === undefined ||
    protocol === undefined ||
    init === undefined ||
    (init.method ?? 'GET').toUpperCase() !== 'POST' ||
    typeof init.body !== 'string' ||
    init.redirect !== 'error'
  ) {
    return globalThis.fetch(input, init);
  }
  return post(url, protocol, init, init.body);
};

function post(
  url: string,
  protocol: 'http:' | 'https:',
  init: FetchInit,
  body: string,
): Promise<FetchResponse> {
  const { signal } = init;
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<FetchResponse>((resolve, reject) => {
    const request = (protocol === 'https:' ? https : http).request(url, {
      method: 'POST',
      agent: agents[protocol],
      headers: { ...init.headers, 'content-length': Buffer.byteLength(body) },
    });
    const onAbort = () => {
      request.destroy();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const settle = () => signal?.removeEventListener('abort', onAbort);
    const fail = (error: Error) => {
      settle();
      reject(new TypeError('fetch failed', { cause: error }));
    };
    request.on('error', fail);
    request.on('response', (incoming) => {
      const status = incoming.statusCode ?? 0;
      if (status >= 300 && status < 400 && incoming.headers.location !== undefined) {
        incoming.resume();
        fail(new Error(`unexpected redirect to ${incoming.headers.location}`));
        return;
      }
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', fail);
      incoming.on('end', () => {
        settle();
        let response: FetchResponse;
        try {
          response = responseOf(url, incoming, chunks);
        } catch (error) {
          reject(new TypeError('fetch failed', { cause: error }));
          return;
        }
        resolve(response);
      });
    });
    request.end(body);
  });
}

/** Status 1xx, 204, 205 and 304 carry no body. */
const BODYLESS = new Set([101, 103, 204, 205, 304]);

/**
 * An answer read whole: what WebClient reads of a response (its `FetchResponse`), and no more. Header names are
 * kept in lower case and a repeated header's values joined with ", ", as `Headers` does.
 */
class BufferedResponse implements FetchResponse {
  readonly ok: boolean;
  readonly headers: FetchHeaders;
  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    headers: Map<string, string>,
    private readonly body: Buffer,
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = {
      get: (name: string) => headers.get(name.toLowerCase()) ?? null,
      entries: () => headers.entries(),
    };
  }

  async text(): Promise<string> {
    return this.body.toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body.toString('utf8'));
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const { body } = this;
    return body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
  }
}

function responseOf(url: string, incoming: http.IncomingMessage, chunks: Buffer[]): FetchResponse {
  const status = incoming.statusCode ?? 0;
  const raw = incoming.rawHeaders;
  const headers = new Map<string, string>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    const value = raw[i + 1] as string;
    const before = headers.get(name);
    headers.set(name, before === undefined ? value : `${before}, ${value}`);
  }
  const encoded = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
  const body = BODYLESS.has(status) ? Buffer.alloc(0) : decoded(encoded, headers.get('content-encoding'));
  if (body !== encoded) {
    // What the body is now, as fetch reports a body it decoded.
    headers.delete('content-encoding');
    headers.delete('content-length');
  }
  return new BufferedResponse(url, status, incoming.statusMessage ?? '', headers, body);
}

/** A body as the server encoded it, decoded: none is asked for, but a server may send one anyway. */
function decoded(body: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(body);
    case 'deflate':
      return inflateSync(body);
    case 'br':
      return brotliDecompressSync(body);
    default:
      return body;
  }
}
